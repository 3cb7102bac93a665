import { textOf, type Value } from '../model/value.js';
import type { ArgumentColumn } from './argument-column.js';
import { type GroupResults, numericResults, resultsOf } from './group-results.js';
import {
  accumulateExtremes,
  accumulateSum,
  accumulateSums,
  codeHistogram,
  createNumericAccumulator,
  type PairRange,
} from './kernels.js';

/** The aggregation functions of issue 2 item 4; others raise an error where they are planned. */
export type AggregateName =
  | 'sum'
  | 'count'
  | 'avg'
  | 'min'
  | 'max'
  | 'only'
  | 'minstring'
  | 'maxstring'
  | 'concat';

export const supportedAggregates: ReadonlySet<string> = new Set<AggregateName>([
  'sum',
  'count',
  'avg',
  'min',
  'max',
  'only',
  'minstring',
  'maxstring',
  'concat',
]);

export interface AggregateRequest {
  readonly name: AggregateName;
  readonly distinct: boolean;
  readonly column: ArgumentColumn;
  readonly pairs: PairRange;
  readonly groupCount: number;
  /** Concat only: the delimiter and, when given, a per-row sort weight. */
  readonly delimiter?: string;
  readonly weight?: ArgumentColumn;
}

/**
 * Aggregates one argument column per group with Qlik's text and null rules
 * (research/script-qvd.md §7.4): Sum/Avg/Min/Max read numbers only, Count counts every non-null
 * value, the text functions compare and join texts; an empty group sums and counts to 0 and is
 * null for the others.
 */
export function aggregate(request: AggregateRequest): GroupResults {
  const { name, column, groupCount } = request;
  if (name === 'min' || name === 'max') {
    // DISTINCT does not change an extreme.
    const acc = createNumericAccumulator(groupCount);
    accumulateExtremes(request.pairs, column.codes, column.nums, acc);
    const source = name === 'min' ? acc.min : acc.max;
    return numericResults(source.map((v) => (Number.isFinite(v) ? v : Number.NaN)));
  }
  if (!request.distinct && name === 'sum') {
    const sum = new Float64Array(groupCount);
    accumulateSum(request.pairs, column.codes, zeroedNums(column), sum);
    return numericResults(sum);
  }
  if (!request.distinct && (name === 'count' || name === 'avg')) {
    const acc = createNumericAccumulator(groupCount);
    accumulateSums(request.pairs, column.codes, column.nums, presentCodes(column), acc);
    if (name === 'count') return numericResults(acc.present);
    const { sum, numeric } = acc;
    return numericResults(sum.map((s, g) => (numeric[g]! > 0 ? s / numeric[g]! : Number.NaN)));
  }
  const present = presentCodes(column);
  if (name === 'concat' && request.weight) return weightedConcat(request, present);
  const histogram = codeHistogram(
    request.pairs,
    column.codes,
    present,
    column.canonical,
    groupCount,
    column.values.length,
  );
  const values: Value[] = new Array<Value>(groupCount);
  for (let g = 0; g < groupCount; g++) {
    const from = histogram.offsets[g]!;
    const to = histogram.offsets[g + 1]!;
    values[g] = fromDistinct(
      request,
      histogram.codes.subarray(from, to),
      histogram.counts.subarray(from, to),
    );
  }
  return resultsOf(values);
}

function fromDistinct(request: AggregateRequest, codes: Int32Array, counts: Float64Array): Value {
  const { name, column } = request;
  switch (name) {
    case 'count':
      return codes.length;
    case 'sum':
    case 'avg': {
      let sum = 0;
      let numeric = 0;
      for (const code of codes) {
        const num = column.nums[code]!;
        if (!Number.isNaN(num)) {
          sum += num;
          numeric++;
        }
      }
      if (name === 'sum') return sum;
      return numeric > 0 ? sum / numeric : null;
    }
    case 'only':
      return codes.length === 1 ? column.values[codes[0]!]! : null;
    case 'minstring':
    case 'maxstring':
      return extremeString(column, codes, name === 'minstring' ? -1 : 1);
    case 'concat':
      return concat(column, codes, request.distinct ? null : counts, request.delimiter ?? '');
    default:
      // min and max never reach here (numeric path); DISTINCT does not change them.
      return null;
  }
}

/** MinString/MaxString: numbers sort before texts and compare numerically (§7.4, verify). */
function extremeString(column: ArgumentColumn, codes: Int32Array, direction: 1 | -1): Value {
  let best = -1;
  for (const code of codes) {
    if (best < 0 || compareForString(column, code, best) * direction > 0) best = code;
  }
  return best < 0 ? null : column.values[best]!;
}

function compareForString(column: ArgumentColumn, a: number, b: number): number {
  const na = column.nums[a]!;
  const nb = column.nums[b]!;
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  if (!Number.isNaN(na)) return -1;
  if (!Number.isNaN(nb)) return 1;
  return compareText(textOf(column.values[a]!) ?? '', textOf(column.values[b]!) ?? '');
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Concat without a weight joins the texts in text order (Qlik leaves the order unspecified). */
function concat(
  column: ArgumentColumn,
  codes: Int32Array,
  counts: Float64Array | null,
  delimiter: string,
): Value {
  if (codes.length === 0) return null;
  const parts: string[] = [];
  codes.forEach((code, i) => {
    const text = textOf(column.values[code]!) ?? '';
    for (let k = 0; k < (counts ? counts[i]! : 1); k++) parts.push(text);
  });
  return parts.sort(compareText).join(delimiter);
}

/** Concat(text, delimiter, weight): ascending weight, texts of equal weight in text order. */
function weightedConcat(request: AggregateRequest, present: Uint8Array): GroupResults {
  const { column, pairs, groupCount } = request;
  const weight = request.weight!;
  const perGroup: { text: string; weight: number }[][] = Array.from(
    { length: groupCount },
    () => [],
  );
  for (let i = pairs.from; i < pairs.to; i++) {
    const row = pairs.rows === null ? i : pairs.rows[i]!;
    const code = column.codes[row]!;
    if (present[code] === 0) continue;
    perGroup[pairs.groups[i]!]!.push({
      text: textOf(column.values[code]!) ?? '',
      weight: weight.nums[weight.codes[row]!]!,
    });
  }
  return resultsOf(
    perGroup.map((entries) => {
      if (entries.length === 0) return null;
      entries.sort((a, b) => byWeight(a.weight, b.weight) || compareText(a.text, b.text));
      const texts = entries.map((entry) => entry.text);
      return (request.distinct ? [...new Set(texts)] : texts).join(request.delimiter ?? '');
    }),
  );
}

/** Entries without a numeric weight go last. */
function byWeight(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  return a - b;
}

const zeroedCache = new WeakMap<Float64Array, Float64Array>();

/** Per-code numbers with 0 where there is none; cached per number list (a field's is shared). */
function zeroedNums(column: ArgumentColumn): Float64Array {
  let zeroed = zeroedCache.get(column.nums);
  if (!zeroed) {
    zeroed = column.nums.map((num) => (Number.isNaN(num) ? 0 : num));
    zeroedCache.set(column.nums, zeroed);
  }
  return zeroed;
}

const presentCache = new WeakMap<readonly Value[], Uint8Array>();

/** 1 for codes whose value is not null; cached per value list (a field's is shared). */
function presentCodes(column: ArgumentColumn): Uint8Array {
  let present = presentCache.get(column.values);
  if (!present) {
    present = Uint8Array.from(column.values, (value) => (value === null ? 0 : 1));
    presentCache.set(column.values, present);
  }
  return present;
}
