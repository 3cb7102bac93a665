import { Decimal, Int64, makeData, makeVector, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { arrowToColumns } from './arrow-columns.js';

const source = { file: 'x.parquet', code: 'PARQUET_TYPE_UNSUPPORTED' } as const;

function chunk(texts: (string | null)[], numbers: bigint[]): Table {
  return new Table({
    names: vectorFromArray(texts, new Utf8()),
    delay: vectorFromArray(numbers, new Int64()),
  });
}

describe('arrowToColumns', () => {
  it('arrowToColumns(table of several chunks) keeps one symbol per distinct value', () => {
    const table = chunk(['LAS', 'ATL', null], [1n, 2n, 1n]).concat(
      chunk(['ATL', 'MCI', 'LAS'], [3n, 1n, -(2n ** 40n)]),
    );
    const [names, delay] = arrowToColumns(table, source);
    expect(table.getChildAt(0)?.data.length).toBe(2);
    expect(names?.symbols).toEqual(['LAS', 'ATL', 'MCI']);
    expect([Array.from(names?.indexes ?? []), delay?.symbols]).toEqual([
      [0, 1, -1, 1, 2, 0],
      [1, 2, 3, -(2 ** 40)],
    ]);
  });

  it('arrowToColumns(decimal(10, 2) column) gives the scaled numbers, negatives included', () => {
    // 12345 and -123 as 128-bit two's complement words, scale 2.
    const words = new Uint32Array([12345, 0, 0, 0, 0xffffff85, 0xffffffff, 0xffffffff, 0xffffffff]);
    const dec = makeVector(makeData({ type: new Decimal(2, 10, 128), length: 2, data: words }));
    expect(arrowToColumns(new Table({ dec }), source)[0]?.symbols).toEqual([123.45, -1.23]);
  });
});
