import { Dual, type TableInput, type Value } from '@cairn/engine';
import iconv from 'iconv-lite';
import { codePageLabel } from './decode-text.js';
import { resolveDelimiter } from './delimiter.js';

export interface WriteTextOptions {
  /** Names the file in errors. */
  readonly fileName?: string;
  /** One character, `'\t'` or `tab`; default `,`. */
  readonly delimiter?: string;
  /** Default UTF-8. Any code page `FileFormatSpec.codePage` accepts. */
  readonly codePage?: string | number;
  /** Start with a byte-order mark (UTF-8 / UTF-16 only). Default false. */
  readonly bom?: boolean;
  /** Default CRLF, as Qlik writes text files on Windows (verify on Qlik Cloud). */
  readonly lineEnd?: '\r\n' | '\n';
}

/**
 * Writes a table as a delimited text file for `STORE … INTO x.csv (txt)`: a label line, then
 * one line per row with each value's text (a dual's text, a number in JavaScript's shortest
 * form, NULL as an empty cell). Cells holding the delimiter, a quote, a line break or edge
 * spaces are quoted with doubled inner quotes, so the reader gets back the same texts.
 */
export function writeText(table: TableInput, options: WriteTextOptions = {}): Uint8Array {
  const file = options.fileName ?? `${table.name}.csv`;
  const delimiter =
    options.delimiter === undefined ? ',' : resolveDelimiter(options.delimiter, '', file);
  const eol = options.lineEnd ?? '\r\n';
  const names = table.batches[0]?.columns.map((c) => c.name) ?? [];
  const needsQuote = new RegExp(`[${escapeClass(delimiter)}"\\r\\n]|^ | $`);
  const cell = (text: string): string =>
    needsQuote.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  const lines: string[] = [names.map(cell).join(delimiter)];
  for (const batch of table.batches) {
    const columns = names.map((name) => batch.columns.find((c) => c.name === name));
    for (let r = 0; r < batch.rowCount; r++) {
      const texts = columns.map((column) => {
        if (column === undefined) return '';
        if (column.kind === 'values') return cell(textOfCell(column.values[r] ?? null));
        const index = column.indexes[r] as number;
        return index < 0 ? '' : cell(textOfCell(column.symbols[index] ?? null));
      });
      lines.push(texts.join(delimiter));
    }
  }
  const text = lines.join(eol) + eol;
  const label = codePageLabel(options.codePage ?? 'utf8', file);
  const body = iconv.encode(text, label, { addBOM: options.bom === true });
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
}

function textOfCell(value: Value): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Dual) return value.text;
  return String(value);
}

function escapeClass(char: string): string {
  return char.replace(/[\\\]^-]/g, '\\$&');
}
