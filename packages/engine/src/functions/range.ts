import { numOf, type Value } from '../model/value.js';
import { isNumeric, numberResult } from './coerce.js';
import { fn, type ScalarFunction } from './function-types.js';

/*
 * Range functions (help "Range functions"): aggregate their arguments, not rows. Only values
 * with a number count as numeric; texts and NULL are "missing" (§7.3).
 */
function numbers(args: readonly Value[]): number[] {
  const result: number[] = [];
  for (const arg of args) if (isNumeric(arg)) result.push(numOf(arg));
  return result;
}

function range(name: string, body: (args: readonly Value[]) => Value): ScalarFunction {
  return fn(name, 'range', 1, Number.POSITIVE_INFINITY, (args) => body(args));
}

function numericRange(name: string, body: (values: number[]) => number | null): ScalarFunction {
  return range(name, (args) => {
    const values = numbers(args);
    const result = body(values);
    return result === null ? null : numberResult(result);
  });
}

export const rangeFunctions: readonly ScalarFunction[] = [
  // RangeSum treats missing values as 0, so it is 0 (not NULL) when nothing is numeric.
  numericRange('RangeSum', (values) => values.reduce((sum, x) => sum + x, 0)),
  numericRange('RangeAvg', (values) =>
    values.length === 0 ? null : values.reduce((s, x) => s + x, 0) / values.length,
  ),
  numericRange('RangeMin', (values) => (values.length === 0 ? null : Math.min(...values))),
  numericRange('RangeMax', (values) => (values.length === 0 ? null : Math.max(...values))),
  numericRange('RangeStdev', (values) => standardDeviation(values)),
  numericRange('RangeProduct', (values) =>
    values.length === 0 ? null : values.reduce((p, x) => p * x, 1),
  ),
  range('RangeCount', (args) => args.filter((arg) => arg !== null).length),
  range('RangeNumericCount', (args) => args.filter(isNumeric).length),
  range('RangeTextCount', (args) => args.filter((arg) => typeof arg === 'string').length),
  range('RangeNullCount', (args) => args.filter((arg) => arg === null).length),
  range('RangeMissingCount', (args) => args.filter((arg) => !isNumeric(arg)).length),
  // RangeOnly: the one distinct value among the non-NULL arguments, else NULL.
  range('RangeOnly', (args) => {
    const present = args.filter((arg) => arg !== null);
    const first = present[0];
    if (first === undefined) return null;
    return present.every((arg) => sameValue(arg, first)) ? first : null;
  }),
  range('RangeMode', (args) => {
    const counts = new Map<string, { value: Value; count: number }>();
    for (const arg of args) {
      if (arg === null) continue;
      const key = isNumeric(arg) ? `n${numOf(arg)}` : `t${arg}`;
      const entry = counts.get(key) ?? { value: arg, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
    const ranked = [...counts.values()].sort((a, b) => b.count - a.count);
    if (ranked.length === 0 || ranked[1]?.count === ranked[0]!.count) return null;
    return ranked[0]!.value;
  }),
  // Texts compare as texts, numbers as numbers; numbers sort before texts (unverified).
  range('RangeMinString', (args) => extremeString(args, -1)),
  range('RangeMaxString', (args) => extremeString(args, 1)),
  fn('RangeFractile', 'range', 2, Number.POSITIVE_INFINITY, ([fraction, ...rest]) => {
    const f = isNumeric(fraction!) ? numOf(fraction!) : Number.NaN;
    const values = numbers(rest).sort((a, b) => a - b);
    if (!(f >= 0 && f <= 1) || values.length === 0) return null;
    const position = f * (values.length - 1);
    const low = Math.floor(position);
    const high = Math.ceil(position);
    return values[low]! + (values[high]! - values[low]!) * (position - low);
  }),
];

function sameValue(a: Value, b: Value): boolean {
  if (isNumeric(a) && isNumeric(b)) return numOf(a) === numOf(b);
  return a === b;
}

function standardDeviation(values: number[]): number | null {
  if (values.length < 2) return null;
  const mean = values.reduce((s, x) => s + x, 0) / values.length;
  const squares = values.reduce((s, x) => s + (x - mean) ** 2, 0);
  return Math.sqrt(squares / (values.length - 1));
}

function extremeString(args: readonly Value[], direction: 1 | -1): Value {
  let best: Value = null;
  for (const arg of args) {
    if (arg === null) continue;
    if (best === null || direction * compareForString(arg, best) > 0) best = arg;
  }
  return best;
}

function compareForString(a: Value, b: Value): number {
  const aText = typeof a === 'string';
  const bText = typeof b === 'string';
  if (!aText && !bText) return numOf(a) - numOf(b);
  if (aText !== bText) return aText ? 1 : -1;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
