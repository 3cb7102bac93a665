import { describe, expect, it } from 'vitest';
import { d, rowsOf, valuesTable } from '../test-tables.js';
import { readQvd, readQvdHeader } from './read-qvd.js';
import { writeQvd } from './write-qvd.js';

const table = valuesTable('T', {
  A: [1, 2, null, 4],
  B: ['x', 'y', 'x', 'ÿ'],
  C: [d(1, 'one'), d(1.5, 'one and a half'), null, null],
});
const bytes = writeQvd(table, { createUtcTime: '2026-01-01 00:00:00' });
const text = Buffer.from(bytes).toString('latin1');
const bodyStart = text.indexOf('</QvdTableHeader>\r\n\0') + '</QvdTableHeader>\r\n\0'.length;

/** The written bytes with `edit` applied to a copy. */
function edited(edit: (copy: Uint8Array) => Uint8Array): Uint8Array {
  return edit(new Uint8Array(bytes));
}

function withHeaderText(from: string, to: string): Uint8Array {
  const header = text.slice(0, bodyStart).replace(from, to);
  return Buffer.concat([Buffer.from(header, 'latin1'), bytes.subarray(bodyStart)]);
}

describe('readQvd', () => {
  it('readQvd(file with an LF-only header terminator) reads the rows', () => {
    const lf = withHeaderText('</QvdTableHeader>\r\n\0', '</QvdTableHeader>\n\0');
    expect(rowsOf(readQvd(lf, 'lf.qvd'))).toEqual(rowsOf(table));
  });

  it('readQvd(file, {fields}) decodes only the named fields', () => {
    const read = readQvd(bytes, 't.qvd', { fields: ['C'] });
    expect(read.batches[0]?.columns.map((c) => c.name)).toEqual(['C']);
  });

  it('readQvdHeader(file) gives the table facts without decoding rows', () => {
    const header = readQvdHeader(bytes, 't.qvd');
    expect([header.tableName, header.noOfRecords, header.fields.length]).toEqual(['T', 4, 3]);
  });

  it('readQvd(bytes without a header) fails with QVD_HEADER_MISSING', () => {
    expect(() => readQvd(new TextEncoder().encode('a,b\n1,2'), 'x.qvd')).toThrow(
      expect.objectContaining({ code: 'QVD_HEADER_MISSING' }),
    );
  });

  it('readQvd(header without the 0x00 terminator) fails with QVD_HEADER_MISSING at its byte', () => {
    const noNul = edited((c) => {
      c[bodyStart - 1] = 0x41;
      return c;
    });
    expect(() => readQvd(noNul, 'x.qvd')).toThrow(
      expect.objectContaining({ code: 'QVD_HEADER_MISSING', offset: bodyStart - 1 }),
    );
  });

  it('readQvd(truncated file) fails with QVD_LAYOUT_INVALID saying it is truncated', () => {
    expect(() => readQvd(bytes.subarray(0, bytes.length - 2), 'x.qvd')).toThrow(/truncated/);
  });

  it('readQvd(unknown symbol type byte) fails with QVD_SYMBOL_INVALID at the field and byte', () => {
    const bad = edited((c) => {
      c[bodyStart] = 0x07;
      return c;
    });
    expect(() => readQvd(bad, 'x.qvd')).toThrow(
      expect.objectContaining({ code: 'QVD_SYMBOL_INVALID', field: 'A', offset: bodyStart }),
    );
  });

  it('readQvd(row pointing past the symbols) fails with QVD_INDEX_INVALID naming the row', () => {
    const bad = edited((c) => {
      c[c.length - 1] = 0xff;
      return c;
    });
    expect(() => readQvd(bad, 'x.qvd')).toThrow(
      expect.objectContaining({ code: 'QVD_INDEX_INVALID', line: 4 }),
    );
  });

  it('readQvd(compressed QVD) fails with QVD_HEADER_INVALID quoting the compression', () => {
    const bad = withHeaderText('<Compression></Compression>', '<Compression>zip</Compression>');
    expect(() => readQvd(bad, 'x.qvd')).toThrow(/compression "zip" is not supported/);
  });

  it('readQvd(header with a non-integer BitWidth) fails naming the element and field', () => {
    const bad = withHeaderText('<BitWidth>', '<BitWidth>x');
    expect(() => readQvd(bad, 'x.qvd')).toThrow(
      expect.objectContaining({ code: 'QVD_HEADER_INVALID', field: 'A' }),
    );
  });
});
