import { describe, expect, it } from 'vitest';
import { Dual, type Value } from '../model/value.js';
import { type AggregateName, aggregate } from './aggregate-functions.js';
import type { ArgumentColumn } from './argument-column.js';
import { valueAt } from './group-results.js';
import { accumulateSums, createNumericAccumulator, mergeNumeric } from './kernels.js';

/** A column over hand-written values: code 0 is null, each other value its own code. */
function column(values: Value[]): ArgumentColumn {
  const distinct: Value[] = [null];
  const codes = values.map((value) => {
    if (value === null) return 0;
    const found = distinct.indexOf(value);
    if (found > 0) return found;
    distinct.push(value);
    return distinct.length - 1;
  });
  return {
    codes: Int32Array.from(codes),
    nums: Float64Array.from(distinct, (v) =>
      typeof v === 'number' ? v : v instanceof Dual ? v.num : Number.NaN,
    ),
    values: distinct,
    canonical: null,
  };
}

/** Aggregates `values` as one group (rows 0..n-1). */
function one(name: AggregateName, values: Value[], distinct = false, extra = {}): Value {
  const groups = new Int32Array(values.length);
  const result = aggregate({
    name,
    distinct,
    column: column(values),
    pairs: { rows: null, groups, from: 0, to: values.length },
    groupCount: 1,
    ...extra,
  });
  return valueAt(result, 0);
}

const mixed: Value[] = [3, 'x', null, 5, 3, new Dual(2, 'two')];

describe('aggregate', () => {
  it('Sum ignores text and null and reads a dual by its number', () => {
    expect(one('sum', mixed)).toBe(13);
  });

  it('Sum of no values is 0, Avg of no values is null', () => {
    expect([one('sum', []), one('avg', [])]).toEqual([0, null]);
  });

  it('Avg divides by the count of numeric values only', () => {
    expect(one('avg', mixed)).toBe(13 / 4);
  });

  it('Count counts text but not null; Count(DISTINCT) counts distinct values', () => {
    expect([one('count', mixed), one('count', mixed, true)]).toEqual([5, 4]);
  });

  it('Sum(DISTINCT) adds each distinct number once', () => {
    expect(one('sum', mixed, true)).toBe(10);
  });

  it('Min and Max skip text; all-text gives null', () => {
    expect([one('min', mixed), one('max', mixed), one('max', ['a', 'b'])]).toEqual([2, 5, null]);
  });

  it('Only gives the single distinct value, else null', () => {
    expect([one('only', ['a', null, 'a']), one('only', ['a', 'b'])]).toEqual(['a', null]);
  });

  it('MinString and MaxString put numbers before texts', () => {
    expect([one('minstring', ['b', 7, 'a']), one('maxstring', ['b', 7, 'a'])]).toEqual([7, 'b']);
  });

  it('Concat joins texts in text order, DISTINCT dropping repeats', () => {
    expect([
      one('concat', ['b', 'a', 'b'], false, { delimiter: ',' }),
      one('concat', ['b', 'a', 'b'], true, { delimiter: ',' }),
    ]).toEqual(['a,b,b', 'a,b']);
  });

  it('Concat with a sort weight orders by the weight', () => {
    expect(
      one('concat', ['a', 'b', 'c'], false, { delimiter: '-', weight: column([3, 1, 2]) }),
    ).toBe('b-c-a');
  });
});

describe('accumulateSums', () => {
  it('accumulateSums over two row ranges merges to the single-range result', () => {
    const col = column([1, 2, 3, 4, 5, 6]);
    const groups = Int32Array.of(0, 1, 0, 1, 0, 1);
    const present = Uint8Array.from(col.values, (v) => (v === null ? 0 : 1));
    const whole = createNumericAccumulator(2);
    accumulateSums({ rows: null, groups, from: 0, to: 6 }, col.codes, col.nums, present, whole);
    const part = createNumericAccumulator(2);
    const rest = createNumericAccumulator(2);
    accumulateSums({ rows: null, groups, from: 0, to: 3 }, col.codes, col.nums, present, part);
    accumulateSums({ rows: null, groups, from: 3, to: 6 }, col.codes, col.nums, present, rest);
    mergeNumeric(part, rest);
    expect([...part.sum]).toEqual([...whole.sum]);
  });
});
