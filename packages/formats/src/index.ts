/**
 * `@cairn/formats`: data files in, the engine's column batches out; QVD and text files back.
 *
 * The entry point is `readTable(bytes, spec, fileName): Promise<FormatTable>`; a `FormatTable`
 * is the engine's `TableInput` (one batch of `indexed` columns) plus, for QVDs, the parsed
 * header (`qvd`) and each field's `NumberFormat` (`fieldFormats`).
 *
 * `spec` is a `FileFormatSpec`: the parenthesised format spec of a Qlik `LOAD … FROM file (…)`
 * as data. All members are optional:
 *
 * - `format`: 'txt' | 'csv' | 'qvd' | 'ooxml' | 'json' | 'parquet'; else from the extension
 *   (txt/tab/tsv, csv, qvd, xlsx/xlsm, json/ndjson/jsonl, parquet).
 * - `codePage`: `utf8`, `unicode` (UTF-16LE), `ansi` (windows-1252), `oem`, `mac`, a number
 *   (`1251`) or an iconv-lite label. A BOM always wins.
 * - `labels`: 'embedded' (default) | 'explicit' (read as embedded) | 'none' (`@1`… / `A`…).
 * - `delimiter`: one character, `'\t'`, `tab` or `spaces`; default `,` (csv) or guessed (txt).
 * - `quoting`: 'standard' (default) | 'msq' | 'none'.
 * - `headerLines`: `header is N lines` (rows for ooxml). `comment`: `comment is X`.
 * - `table`: `table is` — the sheet (ooxml) or the array member, dotted path allowed (json).
 * - `verbatim`: Qlik's Verbatim variable (keep spaces around text cells); default false.
 * - `ragged`: 'error' (default) | 'fill' — text rows wider/narrower than the labels.
 *
 * Text cells stay text; `interpretColumn` / `interpretTable` apply the script's number
 * interpretation once per distinct text. Every failure is a `FormatError` whose `code` is one
 * of `FORMAT_ERROR_CODES` and which names the file and, where known, line, column, field and
 * byte offset.
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
