import type { Value } from '@cairn/engine';
import ExcelJS from 'exceljs';
import { ColumnBuilder } from '../column-builder.js';
import { FormatError, quote } from '../errors.js';
import type { FileFormatSpec } from '../spec.js';
import type { FormatTable } from '../table.js';
import { cellValue } from './cell-value.js';

/**
 * Reads one sheet of an Excel workbook (`ooxml`): `table is` names the sheet (default: the
 * first), `header is N lines` skips rows, `embedded labels` (default) takes names from the next
 * row, `no labels` names fields A, B, C … as Qlik does. Empty cells are NULL; fully empty rows
 * are skipped; dates become Qlik date serials with ISO text. The table is named after the sheet
 * (what QlikView does for an unlabelled Excel load; verify on Qlik Sense).
 */
export async function readXlsx(
  bytes: Uint8Array,
  spec: FileFormatSpec,
  file: string,
): Promise<FormatTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FormatError('XLSX_INVALID', `not a readable .xlsx workbook: ${reason}`, { file });
  }
  const sheet =
    spec.table === undefined ? workbook.worksheets[0] : workbook.getWorksheet(spec.table);
  if (sheet === undefined) {
    const names = workbook.worksheets.map((w) => quote(w.name)).join(', ');
    throw new FormatError(
      'XLSX_SHEET_MISSING',
      `no sheet ${quote(spec.table ?? '')} in the workbook (sheets: ${names || 'none'})`,
      { file },
    );
  }
  const rows: Value[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= (spec.headerLines ?? 0)) return;
    const cells: Value[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = cellValue(cell.value);
    });
    if (cells.some((v) => v !== null && v !== undefined)) rows.push(cells);
  });
  return { name: sheet.name, batches: [buildBatch(rows, spec, file)] };
}

function buildBatch(
  rows: Value[][],
  spec: FileFormatSpec,
  file: string,
): FormatTable['batches'][0] {
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  const withLabels = spec.labels !== 'none';
  const labelRow = withLabels ? (rows[0] ?? []) : [];
  const seen = new Set<string>();
  const builders = Array.from({ length: width }, (_, c) => {
    const label = withLabels ? labelText(labelRow[c] ?? null) : '';
    const name = label === '' ? columnLetters(c) : label;
    if (seen.has(name)) {
      throw new FormatError('TEXT_LABELS_INVALID', `the label ${quote(name)} occurs twice`, {
        file,
        line: (spec.headerLines ?? 0) + 1,
        column: c + 1,
      });
    }
    seen.add(name);
    return new ColumnBuilder(name);
  });
  for (const row of withLabels ? rows.slice(1) : rows) {
    builders.forEach((builder, c) => {
      builder.push(row[c] ?? null);
    });
  }
  const columns = builders.map((b) => b.build());
  return { rowCount: columns[0]?.indexes.length ?? 0, columns };
}

function labelText(value: Value): string {
  if (value === null) return '';
  if (typeof value === 'object') return value.text;
  return String(value).trim();
}

/** Excel's column name for a 0-based column: A … Z, AA … */
export function columnLetters(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}
