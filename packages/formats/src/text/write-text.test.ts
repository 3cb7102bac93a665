import { describe, expect, it } from 'vitest';
import { d, rowsOf, valuesTable } from '../test-tables.js';
import { readText } from './read-text.js';
import { writeText } from './write-text.js';

const table = valuesTable('T', {
  Name: ['plain', 'a,b', 'say "hi"', 'two\nlines', ' edge ', null],
  Amount: [1.5, d(901, '0901'), 2 ** 40, -3, 0, null],
});

describe('writeText', () => {
  it('writeText(table) writes labels, texts of duals and numbers, CRLF line ends', () => {
    const text = Buffer.from(writeText(valuesTable('T', { A: [d(1, '01'), 2.5] }))).toString();
    expect(text).toBe('A\r\n01\r\n2.5\r\n');
  });

  it('writeText(table) reads back to the same texts, NULL as empty', () => {
    const back = readText(writeText(table), { verbatim: true }, 't.csv', 'T');
    expect(rowsOf(back)).toEqual([
      ['plain', '1.5'],
      ['a,b', '0901'],
      ['say "hi"', '1099511627776'],
      ['two\nlines', '-3'],
      [' edge ', '0'],
      ['', ''],
    ]);
  });

  it('writeText(table, {delimiter: tab, codePage: 1252, bom: false}) encodes as asked', () => {
    const bytes = writeText(valuesTable('T', { 'a b': ['é'] }), {
      delimiter: 'tab',
      codePage: 1252,
    });
    expect(Array.from(bytes)).toEqual([0x61, 0x20, 0x62, 0x0d, 0x0a, 0xe9, 0x0d, 0x0a]);
  });
});
