import type { TableInput } from '@cairn/engine';
import type { FormatTable } from '../table.js';
import { freshLayout, layoutFromTemplate, packRows, type RecordLayout } from './bit-layout.js';
import { collectSymbols } from './collect-symbols.js';
import { encodeSymbols } from './encode-symbols.js';
import type { QvdHeader, QvdLineage, QvdNumberFormat } from './header.js';
import {
  type FieldHeaderFacts,
  freshHeaderTree,
  type TableHeaderFacts,
  templatedHeaderTree,
} from './header-tree.js';
import { serializeXmlTree } from './xml-tree.js';

export interface WriteQvdOptions {
  /** Names the file in errors. */
  readonly fileName?: string;
  /** Default: the table's name. */
  readonly tableName?: string;
  /**
   * The header of the QVD the table was read from (`FormatTable.qvd`). Its element order,
   * metadata and bit layout are kept wherever the data still fits them, so a table read and
   * written back unchanged is byte-identical. Default: the table's own `qvd`, if it has one.
   */
  readonly template?: QvdHeader | null;
  /** `YYYY-MM-DD hh:mm:ss` or a Date. Default: the template's time, else now. */
  readonly createUtcTime?: string | Date;
  /** Sources for `<Lineage>`; default: the template's, else none. */
  readonly lineage?: readonly QvdLineage[];
  readonly creatorDoc?: string;
  /** Per field display format; default: the table's `fieldFormats`, else UNKNOWN. */
  readonly fieldFormats?: Readonly<Record<string, QvdNumberFormat>>;
}

/**
 * A build number of current Qlik Sense: Qlik tools read any value, but an unknown one could make
 * a version check refuse the file, and the header layout we write is that build's.
 */
const BUILD_NO = '50689';

const UNKNOWN_FORMAT: QvdNumberFormat = {
  type: 'UNKNOWN',
  nDec: 0,
  useThou: 0,
  fmt: '',
  dec: '',
  thou: '',
};

/**
 * Stores a table as QVD (research/script-qvd.md §1.8): symbols in first-occurrence order, Bias
 * -2 for fields with NULLs, bit-stuffed rows, a Qlik-shaped header, CRLF + 0x00 terminator.
 */
export function writeQvd(
  table: TableInput | FormatTable,
  options: WriteQvdOptions = {},
): Uint8Array {
  const file = options.fileName ?? `${table.name}.qvd`;
  const template = options.template === undefined ? (table as FormatTable).qvd : options.template;
  const fields = collectSymbols(table);
  const rowCount = table.batches.reduce((sum, b) => sum + b.rowCount, 0);
  const needs = fields.map((f) => ({
    name: f.name,
    symbolCount: f.symbols.length,
    hasNull: f.hasNull,
  }));
  const layout: RecordLayout =
    (template && layoutFromTemplate(needs, template.fields, template.recordByteSize)) ||
    freshLayout(needs);
  const symbolTables = fields.map((f) => encodeSymbols(f.symbols, f.name, file));
  const rows = packRows(
    layout,
    fields.map((f) => f.ids),
    rowCount,
  );
  let offset = 0;
  const formats = options.fieldFormats ?? (table as FormatTable).fieldFormats ?? {};
  const fieldFacts: FieldHeaderFacts[] = fields.map((f, i) => {
    const bits = layout.fields[i] as RecordLayout['fields'][number];
    const length = (symbolTables[i] as Uint8Array).length;
    const facts = {
      name: f.name,
      ...bits,
      numberFormat: formats[f.name] ?? UNKNOWN_FORMAT,
      noOfSymbols: f.symbols.length,
      offset,
      length,
      comment: table.fieldComments?.[f.name] ?? '',
      tags: table.fieldTags?.[f.name] ?? [],
    };
    offset += length;
    return facts;
  });
  const facts: TableHeaderFacts = {
    buildNo: template?.buildNo ?? BUILD_NO,
    creatorDoc: options.creatorDoc ?? template?.creatorDoc ?? '',
    createUtcTime: utcTime(options.createUtcTime ?? template?.createUtcTime ?? new Date()),
    tableName: options.tableName ?? table.name,
    fields: fieldFacts,
    recordByteSize: layout.recordByteSize,
    noOfRecords: rowCount,
    offset,
    length: rows.length,
    lineage: options.lineage ?? template?.lineage ?? [],
    comment: table.comment ?? '',
  };
  const tree = template ? templatedHeaderTree(template.tree, facts) : freshHeaderTree(facts);
  const header = new TextEncoder().encode(serializeXmlTree(tree));
  const out = new Uint8Array(header.length + 1 + offset + rows.length);
  out.set(header, 0);
  let p = header.length + 1; // the 0x00 terminator is already there
  for (const symbols of symbolTables) {
    out.set(symbols, p);
    p += symbols.length;
  }
  out.set(rows, p);
  return out;
}

/** Qlik's `YYYY-MM-DD hh:mm:ss` (a space, no `T`: research/script-qvd.md §1.8 step 8). */
function utcTime(time: string | Date): string {
  if (typeof time === 'string') return time;
  return time.toISOString().slice(0, 19).replace('T', ' ');
}
