import type { Value } from '../model/value.js';
import { Dual } from '../model/value.js';

/**
 * One aggregation's answer per group: a number (NaN = none) and, for text results, a text.
 * A group whose number is NaN and text null is null.
 */
export interface GroupResults {
  readonly nums: Float64Array;
  readonly texts: readonly (string | null)[] | null;
}

export function numericResults(nums: Float64Array): GroupResults {
  return { nums, texts: null };
}

export function valueAt(results: GroupResults, group: number): Value {
  const num = results.nums[group]!;
  const text = results.texts ? (results.texts[group] ?? null) : null;
  if (text === null) return Number.isNaN(num) ? null : num;
  return Number.isNaN(num) ? text : new Dual(num, text);
}

/** Results built from one value per group. */
export function resultsOf(values: readonly Value[]): GroupResults {
  const nums = new Float64Array(values.length);
  let texts: (string | null)[] | null = null;
  values.forEach((value, group) => {
    if (value === null) nums[group] = Number.NaN;
    else if (typeof value === 'number') nums[group] = value;
    else {
      texts ??= new Array<string | null>(values.length).fill(null);
      if (typeof value === 'string') {
        nums[group] = Number.NaN;
        texts[group] = value;
      } else {
        nums[group] = value.num;
        texts[group] = value.text;
      }
    }
  });
  return { nums, texts };
}
