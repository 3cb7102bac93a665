import { Dual } from '@cairn/engine';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../test-tables.js';
import { columnLetters, readXlsx } from './read-xlsx.js';

async function workbook(sheets: Record<string, unknown[][]>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const orders = {
  Notes: [['ignore me']],
  Orders: [
    ['Exported 2024', null],
    ['Id', 'When', 'Paid', 'Note'],
    [1, new Date(Date.UTC(2024, 0, 31)), true, { richText: [{ text: 'ri' }, { text: 'ch' }] }],
    [2, new Date(Date.UTC(2024, 0, 31, 18, 0, 0)), false, null],
    [3, null, { formula: '1=1', result: true }, 'x'],
  ],
};

describe('readXlsx', () => {
  it('readXlsx(book, {table, headerLines: 1}) reads the named sheet with embedded labels', async () => {
    const table = await readXlsx(await workbook(orders), { table: 'Orders', headerLines: 1 }, 'b');
    expect(table.batches[0]?.columns.map((c) => c.name)).toEqual(['Id', 'When', 'Paid', 'Note']);
    expect(rowsOf(table)).toEqual([
      [1, new Dual(45322, '2024-01-31'), new Dual(-1, 'TRUE'), 'rich'],
      [2, new Dual(45322.75, '2024-01-31 18:00:00'), new Dual(0, 'FALSE'), null],
      [3, null, new Dual(-1, 'TRUE'), 'x'],
    ]);
  });

  it('readXlsx(book, {labels: none}) names fields by column letter and keeps row 1', async () => {
    const table = await readXlsx(
      await workbook({
        S: [
          ['a', 'b'],
          [1, 2],
        ],
      }),
      { labels: 'none' },
      'b',
    );
    expect(table.batches[0]?.columns.map((c) => c.name)).toEqual(['A', 'B']);
    expect(rowsOf(table)).toEqual([
      ['a', 'b'],
      [1, 2],
    ]);
  });

  it('readXlsx(book) without table is reads the first sheet', async () => {
    const table = await readXlsx(await workbook(orders), { labels: 'none' }, 'b');
    expect(table.name).toBe('Notes');
  });

  it('readXlsx(book, {table: missing}) fails with XLSX_SHEET_MISSING listing the sheets', async () => {
    await expect(readXlsx(await workbook(orders), { table: 'Nope' }, 'b.xlsx')).rejects.toThrow(
      /no sheet "Nope" in the workbook \(sheets: "Notes", "Orders"\)/,
    );
  });

  it('readXlsx(not a workbook) fails with XLSX_INVALID', async () => {
    await expect(readXlsx(new TextEncoder().encode('a,b'), {}, 'b.xlsx')).rejects.toMatchObject({
      code: 'XLSX_INVALID',
    });
  });

  it('columnLetters(n) counts A … Z, AA, AB', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'ZZ',
      'AAA',
    ]);
  });
});
