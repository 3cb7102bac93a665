import { describe, expect, it } from 'vitest';
import { writeQvd } from './qvd/write-qvd.js';
import { readTable, tableNameOf } from './read-table.js';
import { rowsOf, valuesTable } from './test-tables.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('readTable', () => {
  it('readTable(bytes, {}, "x.csv") infers csv from the extension and names the table', async () => {
    const table = await readTable(utf8('a\n1'), {}, 'lib://data/Sales 2024.csv');
    expect([table.name, rowsOf(table)]).toEqual(['Sales 2024', [['1']]]);
  });

  it('readTable(bytes, {format: txt}, name) follows the spec over the extension', async () => {
    const table = await readTable(utf8('a;b\n1;2'), { format: 'txt' }, 'export.dat');
    expect(rowsOf(table)).toEqual([['1', '2']]);
  });

  it('readTable(qvd bytes, {}, "x.qvd") keeps the table name stored in the QVD', async () => {
    const bytes = writeQvd(valuesTable('Stored', { a: [1] }));
    expect((await readTable(bytes, {}, 'other.qvd')).name).toBe('Stored');
  });

  it('readTable(json bytes, {}, "x.ndjson") reads NDJSON', async () => {
    expect(rowsOf(await readTable(utf8('{"a":1}\n{"a":2}'), {}, 'x.ndjson'))).toEqual([[1], [2]]);
  });

  it('readTable(bytes, {}, "x.bin") fails with FORMAT_UNKNOWN quoting the extension', async () => {
    await expect(readTable(utf8('a'), {}, 'x.bin')).rejects.toThrow(
      /cannot tell the format from the extension "\.bin"/,
    );
  });

  it('tableNameOf(path) strips folders and the extension', () => {
    expect(['a/b/c.qvd', 'C:\\x\\y.tab.txt', 'noext'].map(tableNameOf)).toEqual([
      'c',
      'y.tab',
      'noext',
    ]);
  });
});
