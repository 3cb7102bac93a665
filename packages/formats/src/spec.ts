import { FormatError } from './errors.js';

/** The file formats `readTable` understands, named as Qlik's format spec names them. */
export type FileFormat = 'txt' | 'csv' | 'qvd' | 'ooxml' | 'json' | 'parquet';

/**
 * The parenthesised format spec of a Qlik `LOAD … FROM file (…)`, as data. Every member is
 * optional; absent members take Qlik's defaults. Members that do not apply to the format are
 * ignored (as Qlik ignores them).
 *
 * | Qlik script                 | FileFormatSpec                         |
 * | --------------------------- | -------------------------------------- |
 * | `txt` / `csv` / `qvd` / …   | `format` (else inferred from the name) |
 * | `utf8`, `unicode`, `ansi`, `oem`, `mac`, `codepage is 1251` | `codePage: 'utf8'` … `1251` |
 * | `embedded labels` / `explicit labels` / `no labels` | `labels`        |
 * | `delimiter is ','` / `'\t'` / `tab` / `spaces` | `delimiter`           |
 * | `msq` / `no quotes`         | `quoting: 'msq' / 'none'` (default 'standard') |
 * | `header is 2 lines`         | `headerLines: 2`                       |
 * | `comment is '//'`           | `comment: '//'`                        |
 * | `table is Sheet1`           | `table: 'Sheet1'` (ooxml sheet, json member) |
 */
export interface FileFormatSpec {
  readonly format?: FileFormat;
  /**
   * Text code page. Default: a BOM decides (UTF-8 / UTF-16LE / UTF-16BE), else UTF-8. Accepts
   * Qlik's names (`utf8`, `unicode` = UTF-16LE, `ansi` = windows-1252, `oem` = cp850, `mac` =
   * macintosh), a Windows code page number (1251, 1252, 65001 …) or any iconv-lite label.
   */
  readonly codePage?: string | number;
  /**
   * `embedded`: the first line after `headerLines` holds the field names (the default for
   * txt/csv and ooxml). `none`: fields are named `@1`, `@2`, … (txt) or `A`, `B`, … (ooxml).
   * `explicit`: Qlik uses it for DIF files; for txt and ooxml it reads like `embedded`.
   */
  readonly labels?: 'embedded' | 'explicit' | 'none';
  /**
   * Field delimiter: one character, the escapes `'\t'` (backslash-t as written in a script),
   * or the words `tab` and `spaces` (any run of spaces). Default `,` for csv; for txt the first
   * line decides between tab, `;`, `,` and `|` (Qlik's file wizard guesses the same way).
   */
  readonly delimiter?: string;
  /** `standard` (default): `"` quotes anywhere; `msq`: quotes only at a field start; `none`. */
  readonly quoting?: 'standard' | 'msq' | 'none';
  /** Lines (txt) or rows (ooxml) skipped before the labels or data. */
  readonly headerLines?: number;
  /** Lines starting with this text are skipped (txt). */
  readonly comment?: string;
  /** The sheet (ooxml) or the member holding the array of records (json). */
  readonly table?: string;
  /**
   * Qlik's `Verbatim` variable: when false (the default) ASCII spaces around text-file cells
   * are removed, as Qlik does; TAB and NBSP are always kept.
   */
  readonly verbatim?: boolean;
  /**
   * Not in Qlik's spec: what a text row with more or fewer fields than the labels means.
   * `error` (default) raises TEXT_ROW_INVALID; `fill` pads missing cells with NULL and drops
   * surplus ones (what an INLINE table like `Barcelona, Spain,` needs).
   */
  readonly ragged?: 'error' | 'fill';
}

const EXTENSIONS: Readonly<Record<string, FileFormat>> = {
  txt: 'txt',
  tab: 'txt',
  tsv: 'txt',
  csv: 'csv',
  qvd: 'qvd',
  xlsx: 'ooxml',
  xlsm: 'ooxml',
  json: 'json',
  ndjson: 'json',
  jsonl: 'json',
  parquet: 'parquet',
};

/** The format named in the spec, else the one the file name's extension implies. */
export function resolveFormat(spec: FileFormatSpec, fileName: string): FileFormat {
  if (spec.format !== undefined) return spec.format;
  const dot = fileName.lastIndexOf('.');
  const ext = dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
  const format = EXTENSIONS[ext];
  if (format === undefined) {
    throw new FormatError(
      'FORMAT_UNKNOWN',
      `cannot tell the format from the extension ".${ext}"; name one in the format spec ` +
        `(txt, csv, qvd, ooxml, json, parquet)`,
      { file: fileName },
    );
  }
  return format;
}
