/**
 * Aggregation kernels over a range [from, to) of (row, group) pairs. They read typed arrays only
 * and write into per-group accumulators the caller owns, so the server can run disjoint ranges
 * in worker threads over SharedArrayBuffer-backed columns and merge the partial accumulators
 * with `mergeNumeric`. `rows` null means pair i is row i.
 */
export interface PairRange {
  readonly rows: Int32Array | null;
  readonly groups: Int32Array;
  readonly from: number;
  readonly to: number;
}

/** Per-group running numbers: sum and count of numeric values, min and max. */
export interface NumericAccumulator {
  readonly sum: Float64Array;
  /** Values with a number (Sum and Avg ignore text and null, research/script-qvd.md §7.4). */
  readonly numeric: Float64Array;
  /** Non-null values, text included (what Count counts). */
  readonly present: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
}

export function createNumericAccumulator(groupCount: number): NumericAccumulator {
  return {
    sum: new Float64Array(groupCount),
    numeric: new Float64Array(groupCount),
    present: new Float64Array(groupCount),
    min: new Float64Array(groupCount).fill(Number.POSITIVE_INFINITY),
    max: new Float64Array(groupCount).fill(Number.NEGATIVE_INFINITY),
  };
}

/**
 * Sum, numeric count and non-null count in one pass. `present` marks codes whose value is not
 * null (code 0 usually, but an expression argument may map null to a value).
 */
export function accumulateSums(
  range: PairRange,
  codes: ArrayLike<number>,
  nums: Float64Array,
  present: Uint8Array,
  into: NumericAccumulator,
): void {
  const { rows, groups, from, to } = range;
  const { sum, numeric, present: count } = into;
  if (rows === null) {
    for (let i = from; i < to; i++) {
      const code = codes[i]!;
      const group = groups[i]!;
      const value = nums[code]!;
      count[group]! += present[code]!;
      if (!Number.isNaN(value)) {
        sum[group]! += value;
        numeric[group]!++;
      }
    }
    return;
  }
  for (let i = from; i < to; i++) {
    const code = codes[rows[i]!]!;
    const group = groups[i]!;
    const value = nums[code]!;
    count[group]! += present[code]!;
    if (!Number.isNaN(value)) {
      sum[group]! += value;
      numeric[group]!++;
    }
  }
}

/**
 * Sum alone, the most common measure: `zeroed` is the per-code numbers with 0 for codes that have
 * none (null, text), so the loop adds without a branch.
 */
export function accumulateSum(
  range: PairRange,
  codes: ArrayLike<number>,
  zeroed: Float64Array,
  sum: Float64Array,
): void {
  const { rows, groups, from, to } = range;
  if (rows === null) {
    for (let i = from; i < to; i++) sum[groups[i]!]! += zeroed[codes[i]!]!;
    return;
  }
  for (let i = from; i < to; i++) sum[groups[i]!]! += zeroed[codes[rows[i]!]!]!;
}

/** Numeric min and max per group; text and null are skipped. */
export function accumulateExtremes(
  range: PairRange,
  codes: ArrayLike<number>,
  nums: Float64Array,
  into: NumericAccumulator,
): void {
  const { rows, groups, from, to } = range;
  const { min, max } = into;
  for (let i = from; i < to; i++) {
    const value = nums[codes[rows === null ? i : rows[i]!]!]!;
    if (Number.isNaN(value)) continue;
    const group = groups[i]!;
    if (value < min[group]!) min[group] = value;
    if (value > max[group]!) max[group] = value;
  }
}

/** Folds a partial accumulator computed over another row range into `into`. */
export function mergeNumeric(into: NumericAccumulator, part: NumericAccumulator): void {
  for (let g = 0; g < into.sum.length; g++) {
    into.sum[g]! += part.sum[g]!;
    into.numeric[g]! += part.numeric[g]!;
    into.present[g]! += part.present[g]!;
    if (part.min[g]! < into.min[g]!) into.min[g] = part.min[g]!;
    if (part.max[g]! > into.max[g]!) into.max[g] = part.max[g]!;
  }
}

/**
 * The distinct codes of each group with their multiplicity, sorted by group then code: the input
 * of DISTINCT aggregations and of the text functions (Only, MinString, MaxString, Concat).
 * `canonical` folds codes of equal values together.
 */
export interface CodeHistogram {
  /** Start of each group's entries; length groupCount + 1. */
  readonly offsets: Int32Array;
  readonly codes: Int32Array;
  readonly counts: Float64Array;
}

export function codeHistogram(
  range: PairRange,
  codes: ArrayLike<number>,
  present: Uint8Array,
  canonical: Int32Array | null,
  groupCount: number,
  codeSpace: number,
): CodeHistogram {
  const { rows, groups, from, to } = range;
  const keys: number[] = [];
  for (let i = from; i < to; i++) {
    let code = codes[rows === null ? i : rows[i]!]!;
    if (present[code] === 0) continue;
    if (canonical) code = canonical[code]!;
    keys.push(groups[i]! * codeSpace + code);
  }
  const sorted = Float64Array.from(keys).sort();
  const offsets = new Int32Array(groupCount + 1);
  const outCodes: number[] = [];
  const outCounts: number[] = [];
  for (let i = 0; i < sorted.length; ) {
    const key = sorted[i]!;
    let j = i + 1;
    while (j < sorted.length && sorted[j] === key) j++;
    const group = Math.floor(key / codeSpace);
    offsets[group + 1]!++;
    outCodes.push(key - group * codeSpace);
    outCounts.push(j - i);
    i = j;
  }
  for (let g = 0; g < groupCount; g++) offsets[g + 1]! += offsets[g]!;
  return { offsets, codes: Int32Array.from(outCodes), counts: Float64Array.from(outCounts) };
}
