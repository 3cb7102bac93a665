import { FormatError } from '../errors.js';
import { child, children, type XmlElement } from './xml-tree.js';

/** A field's display format as the QVD stores it (`<NumberFormat>`). */
export interface QvdNumberFormat {
  /** UNKNOWN, INTEGER, REAL, FIX, MONEY, DATE, TIME, TIMESTAMP, INTERVAL, ASCII ("0" in QV9). */
  readonly type: string;
  readonly nDec: number;
  readonly useThou: number;
  readonly fmt: string;
  readonly dec: string;
  readonly thou: string;
}

export interface QvdFieldHeader {
  readonly name: string;
  readonly bitOffset: number;
  readonly bitWidth: number;
  readonly bias: number;
  readonly numberFormat: QvdNumberFormat;
  readonly noOfSymbols: number;
  /** Start of this field's symbol table, relative to the first byte after the header. */
  readonly offset: number;
  readonly length: number;
  readonly comment: string;
  readonly tags: readonly string[];
}

export interface QvdLineage {
  readonly discriminator: string;
  readonly statement: string;
}

/** The facts of a QVD header, plus the element tree it came from (to write it back alike). */
export interface QvdHeader {
  readonly tableName: string;
  readonly buildNo: string;
  readonly creatorDoc: string;
  readonly createUtcTime: string;
  readonly fields: readonly QvdFieldHeader[];
  readonly recordByteSize: number;
  readonly noOfRecords: number;
  /** Start of the row table, relative to the first byte after the header. */
  readonly offset: number;
  readonly length: number;
  readonly lineage: readonly QvdLineage[];
  readonly comment: string;
  readonly tableTags: readonly string[];
  readonly tree: XmlElement;
}

const DEFAULT_FORMAT: QvdNumberFormat = {
  type: 'UNKNOWN',
  nDec: 0,
  useThou: 0,
  fmt: '',
  dec: '',
  thou: '',
};

/** Reads the typed facts out of a parsed `<QvdTableHeader>` tree; `file` names errors. */
export function headerFromTree(tree: XmlElement, file: string): QvdHeader {
  if (tree.tag !== 'QvdTableHeader') {
    throw invalid(`the root element is <${tree.tag}>, expected <QvdTableHeader>`, file);
  }
  const compression = text(tree, 'Compression');
  if (compression !== '') {
    throw invalid(`compression ${JSON.stringify(compression)} is not supported`, file);
  }
  const fieldsElement = child(tree, 'Fields');
  const fields = children(fieldsElement, 'QvdFieldHeader').map((f) => fieldFromTree(f, file));
  return {
    tableName: text(tree, 'TableName'),
    buildNo: text(tree, 'QvBuildNo'),
    creatorDoc: text(tree, 'CreatorDoc'),
    createUtcTime: text(tree, 'CreateUtcTime'),
    fields,
    recordByteSize: integer(tree, 'RecordByteSize', file),
    noOfRecords: integer(tree, 'NoOfRecords', file),
    offset: integer(tree, 'Offset', file),
    length: integer(tree, 'Length', file),
    lineage: children(child(tree, 'Lineage'), 'LineageInfo').map((l) => ({
      discriminator: text(l, 'Discriminator'),
      statement: text(l, 'Statement'),
    })),
    comment: text(tree, 'Comment'),
    tableTags: children(child(tree, 'TableTags'), 'String').map((s) => s.text ?? ''),
    tree,
  };
}

function fieldFromTree(element: XmlElement, file: string): QvdFieldHeader {
  const nameElement = child(element, 'FieldName');
  if (nameElement === undefined) throw invalid('a <QvdFieldHeader> has no <FieldName>', file);
  const name = nameElement.text ?? '';
  const format = child(element, 'NumberFormat');
  return {
    name,
    bitOffset: integer(element, 'BitOffset', file, name),
    bitWidth: integer(element, 'BitWidth', file, name),
    bias: integer(element, 'Bias', file, name),
    numberFormat:
      format === undefined
        ? DEFAULT_FORMAT
        : {
            type: text(format, 'Type') || 'UNKNOWN',
            nDec: Number(text(format, 'nDec') || 0),
            useThou: Number(text(format, 'UseThou') || 0),
            fmt: text(format, 'Fmt'),
            dec: text(format, 'Dec'),
            thou: text(format, 'Thou'),
          },
    noOfSymbols: integer(element, 'NoOfSymbols', file, name),
    offset: integer(element, 'Offset', file, name),
    length: integer(element, 'Length', file, name),
    comment: text(element, 'Comment'),
    tags: children(child(element, 'Tags'), 'String').map((s) => s.text ?? ''),
  };
}

/** Text of an optional element; QlikView 9 omits several (research/script-qvd.md §1.2). */
function text(parent: XmlElement, tag: string): string {
  return child(parent, tag)?.text ?? '';
}

function integer(parent: XmlElement, tag: string, file: string, field?: string): number {
  const element = child(parent, tag);
  const raw = element?.text?.trim();
  if (raw === undefined || !/^-?\d{1,15}$/.test(raw)) {
    const found = raw === undefined ? 'is missing' : `is ${JSON.stringify(raw)}`;
    throw invalid(`<${tag}> ${found}, expected an integer`, file, field);
  }
  return Number(raw);
}

function invalid(detail: string, file: string, field?: string): FormatError {
  return new FormatError(
    'QVD_HEADER_INVALID',
    detail,
    field === undefined ? { file } : { file, field },
  );
}
