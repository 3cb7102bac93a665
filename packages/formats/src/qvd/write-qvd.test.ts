import { describe, expect, it } from 'vitest';
import { d, rowsOf, valuesTable } from '../test-tables.js';
import { readQvd } from './read-qvd.js';
import { writeQvd } from './write-qvd.js';

const sample = valuesTable('Sample', {
  Id: [1, 2, 3, 2 ** 31, -7],
  Name: ['Träskor', '', null, 'A', 'Träskor'],
  Amount: [d(9.5, '9.50'), d(901, '0901'), null, 1.25, d(1, 'A')],
});

describe('writeQvd', () => {
  it('writeQvd(table) reads back value for value, NULLs and duals included', () => {
    const back = readQvd(writeQvd(sample), 'sample.qvd');
    expect(rowsOf(back)).toEqual(rowsOf(sample));
    expect(back.name).toBe('Sample');
  });

  it('writeQvd(table) writes the Qlik header shape: declaration, CRLF, one-space indent, NUL', () => {
    const bytes = writeQvd(sample, { createUtcTime: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)) });
    const text = Buffer.from(bytes).toString('latin1');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n')).toBe(
      true,
    );
    expect(text).toContain('\r\n   <CreateUtcTime>2026-01-02 03:04:05</CreateUtcTime>\r\n');
    expect(text).toContain(' </QvdTableHeader>\r\n\0');
  });

  it('writeQvd(table) gives a field with NULLs Bias -2 and a constant field 0 bits', () => {
    const table = valuesTable('T', {
      K: [1, 2, 3, 4],
      C: ['x', 'x', 'x', 'x'],
      N: [1, null, 1, 2],
    });
    const fields = readQvd(writeQvd(table), 't.qvd').qvd?.fields ?? [];
    expect(fields.map((f) => [f.name, f.bitWidth, f.bias])).toEqual([
      ['K', 2, 0],
      ['C', 0, 0],
      ['N', 6, -2],
    ]);
  });

  it('writeQvd(one-row table) gives the last field 8 bits as Qlik does', () => {
    const fields = readQvd(writeQvd(valuesTable('T', { A: [1], B: ['b'] })), 't.qvd').qvd?.fields;
    expect(fields?.map((f) => f.bitWidth)).toEqual([0, 8]);
  });

  it('writeQvd(table) keeps the first text of a number seen twice in a field', () => {
    const table = valuesTable('T', { V: [d(10, '10.0'), d(10, '10'), 10] });
    const back = readQvd(writeQvd(table), 't.qvd');
    expect(rowsOf(back)).toEqual([[d(10, '10.0')], [d(10, '10.0')], [d(10, '10.0')]]);
  });

  it('writeQvd(table, {template}) with fields in another order lays the bits out afresh', () => {
    const template = readQvd(
      writeQvd(valuesTable('T', { A: [1, 2, 3], B: ['x', 'x', 'x'] })),
      't',
    ).qvd;
    const swapped = valuesTable('T', { B: [1, 2, 3], A: ['x', 'x', 'x'] });
    const back = readQvd(writeQvd(swapped, { template }), 't.qvd');
    expect(rowsOf(back)).toEqual(rowsOf(swapped));
    expect(back.qvd?.fields.map((f) => [f.name, f.bitWidth])).toEqual([
      ['B', 8],
      ['A', 0],
    ]);
  });

  it('writeQvd(empty table) writes zero rows that read back', () => {
    const back = readQvd(writeQvd(valuesTable('E', { A: [], B: [] })), 'e.qvd');
    expect(back.batches[0]?.rowCount).toBe(0);
    expect(back.batches[0]?.columns.map((c) => c.name)).toEqual(['A', 'B']);
  });

  it('writeQvd(text with NUL) fails with QVD_WRITE_INVALID naming the field', () => {
    const table = valuesTable('T', { Bad: ['a\0b'] });
    expect(() => writeQvd(table)).toThrow(
      expect.objectContaining({ code: 'QVD_WRITE_INVALID', field: 'Bad' }),
    );
  });

  it('writeQvd(table, {lineage, fieldFormats}) stores them in the header', () => {
    const bytes = writeQvd(valuesTable('T', { D: [45000] }), {
      lineage: [{ discriminator: 'lib://x/a.csv', statement: 'LOAD * FROM a where x > 1' }],
      fieldFormats: {
        D: { type: 'DATE', nDec: 0, useThou: 0, fmt: 'YYYY-MM-DD', dec: '', thou: '' },
      },
    });
    const header = readQvd(bytes, 't.qvd').qvd;
    expect(header?.lineage[0]?.statement).toBe('LOAD * FROM a where x > 1');
    expect(header?.fields[0]?.numberFormat.fmt).toBe('YYYY-MM-DD');
  });
});
