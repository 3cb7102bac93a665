/**
 * Every error a file reader or writer raises, in one registry. Codes are stable and never reused;
 * the message always says what was wrong and quotes the offending input where there is one.
 */
export const FORMAT_ERROR_CODES = {
  FORMAT_UNKNOWN: 'the file format could not be determined or is not supported',
  FORMAT_OPTION_INVALID: 'a format-spec option has a value the reader does not accept',
  QVD_HEADER_MISSING: 'the QVD XML header or its terminator was not found',
  QVD_HEADER_INVALID: 'the QVD XML header is malformed or lacks a required element',
  QVD_LAYOUT_INVALID: 'offsets, lengths or bit ranges in the QVD header do not fit the file',
  QVD_SYMBOL_INVALID: 'a QVD symbol table holds an unknown type byte or runs past its length',
  QVD_INDEX_INVALID: 'a QVD row refers to a symbol that does not exist',
  QVD_WRITE_INVALID: 'the table cannot be stored as QVD',
  TEXT_ENCODING_INVALID: 'the bytes are not valid in the declared code page',
  TEXT_QUOTE_UNBALANCED: 'a quoted text field is not closed',
  TEXT_ROW_INVALID: 'a text-file row cannot be read',
  TEXT_FIELD_TOO_LONG: 'a text-file field is longer than the reader allows',
  TEXT_LABELS_INVALID: 'the field labels of a text file are empty or repeated',
  XLSX_INVALID: 'the workbook cannot be opened',
  XLSX_SHEET_MISSING: 'the sheet named by `table is` is not in the workbook',
  PARQUET_INVALID: 'the Parquet file cannot be decoded',
  PARQUET_TYPE_UNSUPPORTED: 'a Parquet column has a type the reader does not map to Qlik values',
  JSON_INVALID: 'the JSON text does not parse',
  JSON_SHAPE_UNSUPPORTED: 'the JSON document does not hold a table of records',
} as const;

export type FormatErrorCode = keyof typeof FORMAT_ERROR_CODES;

/** Where in the file the problem is; every member is optional but `file` is always known. */
export interface FormatErrorLocation {
  readonly file: string;
  /** 1-based line (text files) or 1-based row (QVD, XLSX, Parquet, JSON records). */
  readonly line?: number;
  /** 1-based column (text position within a line, or field position). */
  readonly column?: number;
  readonly field?: string;
  /** Byte offset from the start of the file. */
  readonly offset?: number;
}

export class FormatError extends Error {
  override readonly name = 'FormatError';
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly field?: string;
  readonly offset?: number;

  constructor(
    readonly code: FormatErrorCode,
    detail: string,
    where: FormatErrorLocation,
  ) {
    super(`${where.file}${describeLocation(where)}: ${detail}`);
    this.file = where.file;
    if (where.line !== undefined) this.line = where.line;
    if (where.column !== undefined) this.column = where.column;
    if (where.field !== undefined) this.field = where.field;
    if (where.offset !== undefined) this.offset = where.offset;
  }
}

function describeLocation(where: FormatErrorLocation): string {
  const parts: string[] = [];
  if (where.line !== undefined) {
    parts.push(
      where.column === undefined ? `line ${where.line}` : `line ${where.line}:${where.column}`,
    );
  }
  if (where.field !== undefined) parts.push(`field "${where.field}"`);
  if (where.offset !== undefined) parts.push(`byte ${where.offset}`);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

/** Quotes a piece of input for an error message, cut to a readable length. */
export function quote(text: string, max = 40): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(cut);
}
