import type { IndexedColumn, Value } from '@cairn/engine';
import { describe, expect, it } from 'vitest';
import { interpretColumn } from './interpret.js';
import { d, rowsOf } from './test-tables.js';
import { readText } from './text/read-text.js';

const column = (text: string): IndexedColumn =>
  readText(new TextEncoder().encode(text), {}, 'x.csv', 'x').batches[0]
    ?.columns[0] as IndexedColumn;

const asNumber = (text: string): Value =>
  text !== '' && Number.isFinite(Number(text)) ? d(Number(text), text) : text;

describe('interpretColumn', () => {
  it('interpretColumn(column, fn) calls fn once per distinct text', () => {
    const seen: string[] = [];
    interpretColumn(column('v\n1\n1\n2\n1'), (text) => {
      seen.push(text);
      return text;
    });
    expect(seen).toEqual(['1', '2']);
  });

  it('interpretColumn(column, fn) merges texts of one number, keeping the first-seen text', () => {
    const result = interpretColumn(column('v\n10.0\nx\n10\n'), asNumber);
    expect(result.symbols).toEqual([d(10, '10.0'), 'x']);
    expect(Array.from(result.indexes)).toEqual([0, 1, 0]);
  });

  it('interpretColumn(column, fn) turns a NULL result into a NULL row', () => {
    const result = interpretColumn(column('v\nNA\n3'), (t) => (t === 'NA' ? null : asNumber(t)));
    expect(rowsOf({ name: 't', batches: [{ rowCount: 2, columns: [result] }] })).toEqual([
      [null],
      [d(3, '3')],
    ]);
  });
});
