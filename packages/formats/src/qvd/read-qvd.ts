import type { IndexedColumn } from '@cairn/engine';
import { FormatError } from '../errors.js';
import type { FormatTable } from '../table.js';
import { headerFromTree, type QvdHeader, type QvdNumberFormat } from './header.js';
import { validateLayout } from './layout-check.js';
import { locateHeader } from './locate-header.js';
import { decodeRowIndexes } from './row-indexes.js';
import { decodeSymbols } from './symbols.js';
import { parseXmlTree } from './xml-tree.js';

export interface ReadQvdOptions {
  /**
   * Only these fields are decoded (an optimised load that keeps some fields); the others'
   * symbol tables and bits are never touched. Unknown names are ignored. Default: all fields.
   */
  readonly fields?: readonly string[];
}

/**
 * Reads a QVD into one batch of `indexed` columns: each field's symbol table is decoded once and
 * its rows become an `Int32Array` of symbol indexes (-1 = NULL), which is the engine's own form,
 * so no per-row value is ever built. Known gap: the whole file is in memory; the row table is
 * not streamed in chunks (research/script-qvd.md §1.9 step 6).
 */
export function readQvd(
  bytes: Uint8Array,
  file: string,
  options: ReadQvdOptions = {},
): FormatTable {
  const { header, bodyStart } = parseHeader(bytes, file);
  const wanted = options.fields === undefined ? null : new Set(options.fields);
  const rowsStart = bodyStart + header.offset;
  const rows = bytes.subarray(rowsStart, rowsStart + header.length);
  const columns: IndexedColumn[] = [];
  for (const field of header.fields) {
    if (wanted !== null && !wanted.has(field.name)) continue;
    const symbolStart = bodyStart + field.offset;
    const symbols = decodeSymbols(
      bytes.subarray(symbolStart, symbolStart + field.length),
      field.noOfSymbols,
      { file, field: field.name, fileOffset: symbolStart },
    );
    const indexes = decodeRowIndexes(
      rows,
      header.recordByteSize,
      header.noOfRecords,
      field,
      file,
      rowsStart,
    );
    columns.push({ kind: 'indexed', name: field.name, symbols, indexes });
  }
  return {
    name: header.tableName,
    batches: [{ rowCount: header.noOfRecords, columns }],
    ...fieldMetadata(header),
    ...(header.comment === '' ? {} : { comment: header.comment }),
    qvd: header,
  };
}

/** Parses and checks only the header: enough to list fields, formats, lineage and row count. */
export function readQvdHeader(bytes: Uint8Array, file: string): QvdHeader {
  return parseHeader(bytes, file).header;
}

function parseHeader(bytes: Uint8Array, file: string): { header: QvdHeader; bodyStart: number } {
  const span = locateHeader(bytes, file);
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, span.xmlEnd));
  } catch {
    throw new FormatError('QVD_HEADER_INVALID', 'the XML header is not valid UTF-8', {
      file,
      offset: 0,
    });
  }
  const tree = parseXmlTree(xml);
  if ('error' in tree) {
    throw new FormatError('QVD_HEADER_INVALID', `XML header: ${tree.error}`, {
      file,
      line: tree.line,
      offset: lineOffset(xml, tree.line),
    });
  }
  const header = headerFromTree(tree, file);
  validateLayout(header, bytes.length - span.bodyStart, file, span.bodyStart);
  return { header, bodyStart: span.bodyStart };
}

/** Byte offset of the start of 1-based `line` in the UTF-8 header text. */
function lineOffset(xml: string, line: number): number {
  let at = 0;
  for (let l = 1; l < line && at >= 0; l++) at = xml.indexOf('\n', at) + 1 || -1;
  return at < 0 ? 0 : Buffer.byteLength(xml.slice(0, at));
}

function fieldMetadata(
  header: QvdHeader,
): Pick<FormatTable, 'fieldTags' | 'fieldComments' | 'fieldFormats'> {
  const fieldTags: Record<string, readonly string[]> = {};
  const fieldComments: Record<string, string> = {};
  const fieldFormats: Record<string, QvdNumberFormat> = {};
  for (const field of header.fields) {
    if (field.tags.length > 0) fieldTags[field.name] = field.tags;
    if (field.comment !== '') fieldComments[field.name] = field.comment;
    fieldFormats[field.name] = field.numberFormat;
  }
  return { fieldTags, fieldComments, fieldFormats };
}
