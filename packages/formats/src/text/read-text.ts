import { parse } from 'csv-parse/sync';
import { ColumnBuilder } from '../column-builder.js';
import { FormatError, quote } from '../errors.js';
import type { FileFormatSpec } from '../spec.js';
import type { FormatTable } from '../table.js';
import { decodeText } from './decode-text.js';
import { resolveDelimiter, splitSpaces } from './delimiter.js';
import { skipLines } from './lines.js';

/** A record longer than this fails instead of growing without bound (a quote never closed). */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;

interface CsvParseError extends Error {
  readonly code?: string;
  readonly lines?: number;
  readonly column?: number;
}

/**
 * Reads a delimited text file (`txt` / `csv`) into `indexed` columns of texts. Cells stay text:
 * number interpretation by locale is the script's job (see `interpretColumn`).
 *
 * Known gaps: `standard` quoting also accepts line breaks inside quotes, which Qlik may only do
 * with `msq` (verify against Qlik); csv-parse tokenises at about 6 MB/s, and papaparse / uDSV
 * have not been measured against it; the whole file is decoded to one string first.
 */
export function readText(
  bytes: Uint8Array,
  spec: FileFormatSpec,
  file: string,
  name: string,
  maxRecordBytes = MAX_RECORD_BYTES,
): FormatTable {
  const text = decodeText(bytes, spec.codePage, file);
  const skipped = spec.headerLines ?? 0;
  const body = skipLines(text, skipped);
  const delimiter = resolveDelimiter(spec.delimiter, body, file);
  const table = new TextTableBuilder(spec, file, skipped);
  if (delimiter === 'spaces') {
    splitSpaces(body, spec.comment, (record, line) => table.add(record, line));
    return table.finish(name);
  }
  try {
    parse(body, {
      delimiter,
      quote: spec.quoting === 'none' ? false : '"',
      relax_quotes: spec.quoting !== 'msq',
      relax_column_count: true,
      skip_empty_lines: true,
      comment: spec.comment === undefined || spec.comment === '' ? null : spec.comment,
      comment_no_infix: true,
      max_record_size: maxRecordBytes,
      on_record: (record: string[], context: { lines: number }) => {
        table.add(record, context.lines);
        return null;
      },
    });
  } catch (error) {
    if (error instanceof FormatError) throw error;
    throw fromCsvError(error as CsvParseError, file, skipped, table.lastLine, body, maxRecordBytes);
  }
  return table.finish(name);
}

/** Collects labels and cells, checking each row's width against the labels. */
class TextTableBuilder {
  private columns: ColumnBuilder[] | null = null;
  lastLine = 0;

  constructor(
    private readonly spec: FileFormatSpec,
    private readonly file: string,
    private readonly lineBase: number,
  ) {}

  add(record: string[], line: number): void {
    this.lastLine = line;
    const trim = this.spec.verbatim !== true;
    if (this.columns === null) {
      this.columns = this.labelsFrom(record, line, trim);
      if (this.spec.labels !== 'none') return;
    }
    const columns = this.columns;
    if (record.length !== columns.length) {
      if (this.spec.ragged !== 'fill') this.failRagged(record, line);
    }
    for (let c = 0; c < columns.length; c++) {
      const cell = record[c];
      const builder = columns[c] as ColumnBuilder;
      if (cell === undefined) builder.push(null);
      else builder.pushText(trim ? trimSpaces(cell) : cell);
    }
  }

  finish(name: string): FormatTable {
    const columns = (this.columns ?? []).map((c) => c.build());
    return { name, batches: [{ rowCount: columns[0]?.indexes.length ?? 0, columns }] };
  }

  private labelsFrom(record: string[], line: number, trim: boolean): ColumnBuilder[] {
    if (this.spec.labels === 'none') return record.map((_, i) => new ColumnBuilder(`@${i + 1}`));
    const seen = new Set<string>();
    return record.map((raw, i) => {
      // An empty label gets the positional name Qlik uses for unlabelled fields.
      const label = (trim ? trimSpaces(raw) : raw) || `@${i + 1}`;
      if (seen.has(label)) {
        throw new FormatError('TEXT_LABELS_INVALID', `the label ${quote(label)} occurs twice`, {
          file: this.file,
          line: line + this.lineBase,
          column: i + 1,
        });
      }
      seen.add(label);
      return new ColumnBuilder(label);
    });
  }

  private failRagged(record: string[], line: number): never {
    const width = this.columns?.length ?? 0;
    const detail =
      `the row has ${record.length} fields but the labels name ${width} ` +
      `(row starts ${quote(record.join(','))}); set ragged: 'fill' to pad or cut such rows`;
    throw new FormatError('TEXT_ROW_INVALID', detail, {
      file: this.file,
      line: line + this.lineBase,
      column: Math.min(record.length, width) + 1,
    });
  }
}

function trimSpaces(cell: string): string {
  if (cell.length === 0) return cell;
  if (cell.charCodeAt(0) !== 32 && cell.charCodeAt(cell.length - 1) !== 32) return cell;
  return cell.replace(/^ +| +$/g, '');
}

function fromCsvError(
  error: CsvParseError,
  file: string,
  lineBase: number,
  lastGoodLine: number,
  body: string,
  maxRecordBytes: number,
): FormatError {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    const line = lastGoodLine + 1;
    const text = body.split(/\r\n|\n|\r/, line)[line - 1] ?? '';
    return new FormatError(
      'TEXT_QUOTE_UNBALANCED',
      `a quote opened in the record starting ${quote(text)} is never closed; use msq or ` +
        "'no quotes' if quotes are part of the data",
      { file, line: line + lineBase },
    );
  }
  const where = {
    file,
    line: (error.lines ?? lastGoodLine + 1) + lineBase,
    ...(error.column === undefined ? {} : { column: error.column + 1 }),
  };
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    return new FormatError(
      'TEXT_FIELD_TOO_LONG',
      `a record is longer than ${maxRecordBytes} bytes (often a quote that never closes)`,
      where,
    );
  }
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE' || error.code === 'INVALID_OPENING_QUOTE') {
    return new FormatError('TEXT_QUOTE_UNBALANCED', error.message, where);
  }
  return new FormatError('TEXT_ROW_INVALID', error.message ?? String(error), where);
}
