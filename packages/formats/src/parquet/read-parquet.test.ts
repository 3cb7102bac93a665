import { Dual } from '@cairn/engine';
import {
  Table as ArrowTable,
  Bool,
  DateDay,
  Field,
  Float64,
  Int32,
  Int64,
  List,
  makeData,
  makeVector,
  Timestamp,
  TimestampMillisecond,
  TimeUnit,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { Compression, Table, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../test-tables.js';
import { readParquetTable } from './read-parquet.js';

function toParquet(table: ArrowTable, compression: Compression): Uint8Array {
  const props = new WriterPropertiesBuilder().setCompression(compression).build();
  return writeParquet(Table.fromIPCStream(tableToIPC(table, 'stream')), props);
}

const day = 86_400_000;
const sample = new ArrowTable({
  id: vectorFromArray([1, 2, null], new Int32()),
  big: vectorFromArray([2n ** 40n, -5n, 7n], new Int64()),
  price: vectorFromArray([1.5, null, -0.25], new Float64()),
  name: vectorFromArray(['Ann', null, 'Åsa'], new Utf8()),
  ok: vectorFromArray([true, false, null], new Bool()),
  day: vectorFromArray([new Date(0), new Date(-25569 * day), null], new DateDay()),
  at: vectorFromArray([Date.UTC(2024, 1, 29, 13, 5, 9), null, 0], new TimestampMillisecond()),
});

describe('readParquetTable', () => {
  it.each([
    ['SNAPPY', Compression.SNAPPY],
    ['ZSTD', Compression.ZSTD],
  ])('readParquetTable(%s file) gives numbers, texts, booleans, dates and NULLs', (_, codec) => {
    const table = readParquetTable(toParquet(sample, codec), 's.parquet', 's');
    expect(rowsOf(table)).toEqual([
      [
        1,
        2 ** 40,
        1.5,
        'Ann',
        new Dual(-1, 'true'),
        new Dual(25569, '1970-01-01'),
        new Dual(Date.UTC(2024, 1, 29, 13, 5, 9) / day + 25569, '2024-02-29 13:05:09'),
      ],
      [2, -5, null, null, new Dual(0, 'false'), new Dual(0, '1899-12-30'), null],
      [null, 7, -0.25, 'Åsa', null, null, new Dual(25569, '1970-01-01 00:00:00')],
    ]);
  });

  it('readParquetTable(microsecond timestamps) keeps sub-second time', () => {
    const at = makeVector(
      makeData({
        type: new Timestamp(TimeUnit.MICROSECOND),
        length: 1,
        data: new BigInt64Array([1_500n]),
      }),
    );
    const table = readParquetTable(toParquet(new ArrowTable({ at }), 0), 'u.parquet', 'u');
    expect(rowsOf(table)[0]?.[0]).toEqual(
      new Dual(25569 + 1.5 / 86_400_000, '1970-01-01 00:00:00.001'),
    );
  });

  it('readParquetTable(dictionary-encoded texts) reads the same texts', () => {
    const names = vectorFromArray(['x', 'y', 'x', 'x']);
    const table = readParquetTable(toParquet(new ArrowTable({ names }), 1), 'd.parquet', 'd');
    expect(rowsOf(table).map((r) => r[0])).toEqual(['x', 'y', 'x', 'x']);
  });

  it('readParquetTable(list column) fails with PARQUET_TYPE_UNSUPPORTED naming the field', () => {
    const type = new List(new Field('item', new Int32(), true));
    const nested = new ArrowTable({ tags: vectorFromArray([[1, 2], [3]], type) });
    const bytes = toParquet(nested, 1);
    expect(() => readParquetTable(bytes, 'l.parquet', 'l')).toThrow(
      expect.objectContaining({ code: 'PARQUET_TYPE_UNSUPPORTED', field: 'tags' }),
    );
  });

  it('readParquetTable(truncated file) fails with PARQUET_INVALID', () => {
    const bytes = toParquet(sample, 1);
    expect(() => readParquetTable(bytes.subarray(0, bytes.length - 9), 't.parquet', 't')).toThrow(
      expect.objectContaining({ code: 'PARQUET_INVALID', file: 't.parquet' }),
    );
  });

  it('readParquetTable(damaged page) fails with PARQUET_INVALID, not a crash', () => {
    const bytes = new Uint8Array(toParquet(sample, 1));
    bytes.fill(0x55, 8, 60);
    expect(() => readParquetTable(bytes, 'x.parquet', 'x')).toThrow(
      expect.objectContaining({ code: 'PARQUET_INVALID' }),
    );
  });
});
