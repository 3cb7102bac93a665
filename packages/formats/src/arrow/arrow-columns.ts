import { Dual, type IndexedColumn, type Value } from '@cairn/engine';
import { type Data, DataType, type Field, makeVector, type Table, TimeUnit } from 'apache-arrow';
import { ColumnBuilder } from '../column-builder.js';
import { FormatError } from '../errors.js';
import { dateDual, serialFromUnixMs, timeDual, timestampDual } from '../serial-dates.js';
import { appendUtf8, ByteStringTable } from './utf8-symbols.js';

/** Where a conversion problem is reported. */
export interface ArrowSource {
  readonly file: string;
  readonly code: 'PARQUET_TYPE_UNSUPPORTED';
}

const MS_PER_DAY = 86_400_000;
const TRUE = new Dual(-1, 'true');
const FALSE = new Dual(0, 'false');

/**
 * Converts each column of an Arrow table into an `indexed` column of Qlik values, reading the
 * Arrow buffers directly for the common types: numbers stay numbers (64-bit integers become
 * doubles, as in Qlik), texts stay texts, booleans become -1/0 duals (Qlik's True()/False()),
 * dates and timestamps become date serials with ISO text (research/script-qvd.md §1.6 rule 10).
 */
export function arrowToColumns(table: Table, source: ArrowSource): IndexedColumn[] {
  return table.schema.fields.map((field, i) => {
    const builder = new ColumnBuilder(field.name);
    const strings = new ByteStringTable();
    const chunks = table.getChildAt(i)?.data ?? [];
    for (const data of chunks) appendData(builder, data, field, source, strings);
    return builder.build();
  });
}

const ALWAYS = (): boolean => true;
const NEVER = (): boolean => false;

/**
 * Row validity of one chunk, decided once: `Data.nullCount` is a getter that may count the
 * bitmap, far too slow to consult per row.
 */
function validity(data: Data): (i: number) => boolean {
  const nulls = data.nullCount;
  if (nulls === 0) return ALWAYS;
  const bitmap = data.nullBitmap;
  if (bitmap === undefined || bitmap.length === 0) return nulls === data.length ? NEVER : ALWAYS;
  const offset = data.offset;
  return (i) => ((bitmap[(offset + i) >> 3] as number) & (1 << ((offset + i) & 7))) !== 0;
}

function appendData(
  builder: ColumnBuilder,
  data: Data,
  field: Field,
  source: ArrowSource,
  strings: ByteStringTable,
): void {
  const type = data.type;
  const n = data.length;
  const off = data.offset;
  const isValid = validity(data);
  if (DataType.isNull(type)) {
    for (let i = 0; i < n; i++) builder.push(null);
  } else if (DataType.isDictionary(type)) {
    const dictionary = data.dictionary;
    const words = dictionary === undefined ? [] : dictionaryValues(dictionary.data, field, source);
    const keys = data.values as ArrayLike<number | bigint>;
    for (let i = 0; i < n; i++) {
      builder.push(isValid(i) ? (words[Number(keys[off + i])] ?? null) : null);
    }
  } else if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) {
    const offsets = data.valueOffsets as ArrayLike<number | bigint>;
    appendUtf8(builder, data.values as Uint8Array, offsets, off, n, isValid, strings);
  } else if (DataType.isInt(type) || (DataType.isFloat(type) && type.precision !== 0)) {
    const read = numberReader(data.values as ArrayLike<number | bigint>);
    for (let i = 0; i < n; i++) {
      if (!isValid(i)) builder.push(null);
      else builder.push(read(off + i));
    }
  } else if (DataType.isBool(type)) {
    const bits = data.values as Uint8Array;
    for (let i = 0; i < n; i++) {
      const bit = off + i;
      if (!isValid(i)) builder.push(null);
      else builder.push(((bits[bit >> 3] as number) & (1 << (bit & 7))) !== 0 ? TRUE : FALSE);
    }
  } else if (DataType.isTimestamp(type) || DataType.isDate(type) || DataType.isTime(type)) {
    appendTemporal(builder, data, type);
  } else {
    appendGeneric(builder, data, field, source);
  }
}

/**
 * Reads element k of an Arrow value buffer as a number. 64-bit integers are combined from their
 * two 32-bit halves: converting through BigInt per row is several times slower.
 */
function numberReader(values: ArrayLike<number | bigint>): (k: number) => number {
  if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
    const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
    const signed = values instanceof BigInt64Array;
    return (k) => {
      const high = words[2 * k + 1] as number;
      const hi = signed && high >= 0x80000000 ? high - 0x100000000 : high;
      return hi * 0x100000000 + (words[2 * k] as number);
    };
  }
  return (k) => values[k] as number;
}

/** Per-unit divisor from the stored integer to milliseconds. */
function msPerUnit(unit: TimeUnit): number {
  return unit === TimeUnit.SECOND
    ? 1 / 1000
    : unit === TimeUnit.MILLISECOND
      ? 1
      : unit === TimeUnit.MICROSECOND
        ? 1000
        : 1_000_000;
}

function appendTemporal(builder: ColumnBuilder, data: Data, type: DataType): void {
  const vector = makeVector(data);
  const n = data.length;
  const values = data.values as ArrayLike<number | bigint>;
  const read = numberReader(values);
  const isValid = validity(data);
  // Int64-backed layouts arrive as BigInt64Array; anything else is read through the vector.
  const raw = values instanceof BigInt64Array || values instanceof Int32Array;
  for (let i = 0; i < n; i++) {
    if (!isValid(i)) {
      builder.push(null);
      continue;
    }
    if (DataType.isTimestamp(type)) {
      const ms = raw ? read(data.offset + i) / msPerUnit(type.unit) : Number(vector.get(i));
      builder.pushNumber(serialFromUnixMs(ms), timestampDual);
    } else if (DataType.isDate(type)) {
      const ms = Number(
        vector.get(i) instanceof Date ? (vector.get(i) as Date).getTime() : vector.get(i),
      );
      builder.pushNumber(serialFromUnixMs(ms), dateDual);
    } else if (DataType.isTime(type)) {
      const ms = read(data.offset + i) / msPerUnit((type as { unit: TimeUnit }).unit);
      builder.pushNumber(ms / MS_PER_DAY, timeDual);
    }
  }
}

/** Decimals and half floats, read through Arrow's own accessors (slower, but rare). */
function appendGeneric(
  builder: ColumnBuilder,
  data: Data,
  field: Field,
  source: ArrowSource,
): void {
  const type = data.type;
  if (!DataType.isDecimal(type) && !DataType.isFloat(type)) {
    throw new FormatError(
      source.code,
      `column type ${String(type)} has no Qlik equivalent; cast it to a number, text or ` +
        'timestamp before loading',
      { file: source.file, field: field.name },
    );
  }
  const vector = makeVector(data);
  const isValid = validity(data);
  const scale = DataType.isDecimal(type) ? 10 ** type.scale : 1;
  for (let i = 0; i < data.length; i++) {
    const v = isValid(i) ? vector.get(i) : null;
    builder.push(
      v === null ? null : Number(DataType.isDecimal(type) ? decimalToNumber(v) : v) / scale,
    );
  }
}

/** Arrow JS returns a decimal as little-endian 32-bit words of a two's complement integer. */
function decimalToNumber(words: unknown): number {
  const parts = words as Uint32Array;
  let value = 0n;
  for (let k = parts.length - 1; k >= 0; k--) value = (value << 32n) | BigInt(parts[k] as number);
  const bits = BigInt(parts.length * 32);
  if (parts.length > 0 && ((parts[parts.length - 1] as number) & 0x80000000) !== 0) {
    value -= 1n << bits;
  }
  return Number(value);
}

function dictionaryValues(data: readonly Data[], field: Field, source: ArrowSource): Value[] {
  const builder = new ColumnBuilder(field.name);
  const strings = new ByteStringTable();
  for (const chunk of data) appendData(builder, chunk, field, source, strings);
  const column = builder.build();
  return Array.from(column.indexes, (i) => (i < 0 ? null : (column.symbols[i] ?? null)));
}
