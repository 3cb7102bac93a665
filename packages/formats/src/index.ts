/**
 * `@cairn/formats`: data files in, the engine's column batches out; QVD and text files back.
 *
 * The entry point is `readTable(bytes, spec, fileName)`. `spec` is a `FileFormatSpec`, the
 * parenthesised format spec of a Qlik `LOAD … FROM file (…)` as data (see `spec.ts` for the
 * mapping from script words to members). Every failure is a `FormatError` whose `code` is one of
 * `FORMAT_ERROR_CODES` and which names the file and, where known, line, column, field and byte.
 */

export { ColumnBuilder } from './column-builder.js';
export { FORMAT_ERROR_CODES, FormatError, type FormatErrorCode } from './errors.js';
export { type Interpreter, interpretColumn, interpretTable } from './interpret.js';
export { readJson } from './json/read-json.js';
export { readParquetTable } from './parquet/read-parquet.js';
export type {
  QvdFieldHeader,
  QvdHeader,
  QvdLineage,
  QvdNumberFormat,
} from './qvd/header.js';
export { type ReadQvdOptions, readQvd, readQvdHeader } from './qvd/read-qvd.js';
export { type WriteQvdOptions, writeQvd } from './qvd/write-qvd.js';
export { readTable, tableNameOf } from './read-table.js';
export {
  dateDual,
  serialFromUnixMs,
  timeDual,
  timestampDual,
  UNIX_EPOCH_SERIAL,
} from './serial-dates.js';
export { type FileFormat, type FileFormatSpec, resolveFormat } from './spec.js';
export type { FormatTable } from './table.js';
export { codePageLabel, decodeText } from './text/decode-text.js';
export { MAX_RECORD_BYTES, readText } from './text/read-text.js';
export {
  type WriteTextOptions,
  /** The architecture's name for the same writer (`STORE … (txt)`). */
  writeText as writeCsv,
  writeText,
} from './text/write-text.js';
export { columnLetters, readXlsx } from './xlsx/read-xlsx.js';
