import { type AggregateCall, Dual, numOf, textOf, type Value } from '@cairn/engine';

/*
 * The aggregations a LOAD … GROUP BY evaluates over one group's values (research §7.4): numbers
 * only for Sum/Avg/Min/Max, non-null values for Count, texts for Concat and the string extremes.
 * FirstValue/LastValue follow load order, which only the script has.
 * TODO(issue 3): move Sum/Count/Min/Max/Avg/Only/Concat onto the engine's aggregation kernels once
 * @cairn/engine exports them, so chart and script share one implementation.
 */
export const SCRIPT_AGGREGATES: ReadonlySet<string> = new Set([
  'sum',
  'count',
  'avg',
  'min',
  'max',
  'only',
  'concat',
  'minstring',
  'maxstring',
  'firstvalue',
  'lastvalue',
  'numericcount',
  'textcount',
  'nullcount',
  'missingcount',
  'mode',
  'median',
  'firstsortedvalue',
  'stdev',
  'fractile',
]);

/** Reduces one group's argument values (`values`, nulls included) for `call`. */
export function reduceGroup(call: AggregateCall, columns: readonly (readonly Value[])[]): Value {
  const name = call.name.toLowerCase();
  const values = columns[0] ?? [];
  const present = values.filter((v): v is Exclude<Value, null> => v !== null);
  const input = call.distinct === 'distinct' ? distinct(present) : present;
  const nums = input.map(numOf).filter((n) => !Number.isNaN(n));
  switch (name) {
    case 'sum':
      return nums.reduce((a, b) => a + b, 0);
    case 'count':
      return call.args[0]?.kind === 'star' ? values.length : input.length;
    case 'avg':
      return nums.length === 0 ? null : nums.reduce((a, b) => a + b, 0) / nums.length;
    case 'min':
      return extreme(input, (a, b) => a < b);
    case 'max':
      return extreme(input, (a, b) => a > b);
    case 'only': {
      const unique = distinct(present);
      return unique.length === 1 ? (unique[0] as Value) : null;
    }
    case 'concat': {
      const delimiter = textOf(columns[1]?.[0] ?? null) ?? '';
      const weights = columns[2];
      if (weights === undefined) return input.map((v) => textOf(v) ?? '').join(delimiter);
      const order = values
        .map((value, row) => ({ value, weight: numOf(weights[row] ?? null) }))
        .filter((entry) => entry.value !== null)
        .sort((a, b) => a.weight - b.weight);
      return order.map((entry) => textOf(entry.value) ?? '').join(delimiter);
    }
    case 'firstsortedvalue':
      return firstSorted(values, columns[1] ?? [], numOf(columns[2]?.[0] ?? 1));
    case 'stdev': {
      if (nums.length < 2) return null;
      const mean = nums.reduce((a, b) => a + b, 0) / nums.length;
      const squares = nums.reduce((sum, n) => sum + (n - mean) ** 2, 0);
      return Math.sqrt(squares / (nums.length - 1));
    }
    case 'fractile':
      return fractile(nums, numOf(columns[1]?.[0] ?? null));
    case 'minstring':
    case 'maxstring': {
      const texts = input.map((v) => textOf(v) ?? '').sort((a, b) => a.localeCompare(b));
      return (name === 'minstring' ? texts[0] : texts[texts.length - 1]) ?? null;
    }
    case 'firstvalue':
      return present[0] ?? null;
    case 'lastvalue':
      return present[present.length - 1] ?? null;
    case 'numericcount':
      return nums.length;
    case 'textcount':
      return input.filter((v) => Number.isNaN(numOf(v))).length;
    case 'nullcount':
      return values.length - present.length;
    case 'missingcount':
      return values.length - nums.length;
    case 'mode':
      return mode(present);
    case 'median': {
      const sorted = [...nums].sort((a, b) => a - b);
      if (sorted.length === 0) return null;
      const mid = sorted.length >> 1;
      return sorted.length % 2
        ? (sorted[mid] as number)
        : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
    }
    default:
      return null;
  }
}

function extreme(
  values: readonly Exclude<Value, null>[],
  better: (a: number, b: number) => boolean,
): Value {
  let best: Value = null;
  let bestNum = Number.NaN;
  for (const value of values) {
    const n = numOf(value);
    if (Number.isNaN(n)) continue;
    if (best === null || better(n, bestNum)) {
      best = value;
      bestNum = n;
    }
  }
  // Min and Max return the number; a dual keeps its text (research §6 return types).
  return best instanceof Dual || best === null ? best : bestNum;
}

function identity(value: Exclude<Value, null>): number | string {
  const n = numOf(value);
  return Number.isNaN(n) ? `s${textOf(value)}` : n;
}

function distinct(values: readonly Exclude<Value, null>[]): Exclude<Value, null>[] {
  const seen = new Set<number | string>();
  return values.filter((value) => {
    const key = identity(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function mode(values: readonly Exclude<Value, null>[]): Value {
  const counts = new Map<number | string, { value: Value; count: number }>();
  for (const value of values) {
    const key = identity(value);
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { value, count: 1 });
  }
  let best: { value: Value; count: number } | null = null;
  let tie = false;
  for (const entry of counts.values()) {
    if (best === null || entry.count > best.count) {
      best = entry;
      tie = false;
    } else if (entry.count === best.count) tie = true;
  }
  return best === null || tie ? null : best.value;
}

/** The value with the rank-th smallest weight; a tie on that weight gives NULL (research §7.4). */
function firstSorted(values: readonly Value[], weights: readonly Value[], rank: number): Value {
  const entries = values
    .map((value, row) => ({ value, weight: numOf(weights[row] ?? null) }))
    .filter((entry) => entry.value !== null && !Number.isNaN(entry.weight))
    .sort((a, b) => (rank < 0 ? b.weight - a.weight : a.weight - b.weight));
  const index = Math.abs(rank) - 1;
  const chosen = entries[index];
  if (chosen === undefined) return null;
  const tied = entries.filter((entry) => entry.weight === chosen.weight);
  return tied.length > 1 ? null : chosen.value;
}

/** Qlik's inclusive fractile: linear interpolation between the closest ranks. */
function fractile(nums: readonly number[], fraction: number): Value {
  if (nums.length === 0 || Number.isNaN(fraction)) return null;
  const sorted = [...nums].sort((a, b) => a - b);
  const position = Math.min(Math.max(fraction, 0), 1) * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const a = sorted[low] as number;
  const b = sorted[high] as number;
  return a + (b - a) * (position - low);
}
