import { Dual, type Value } from '@cairn/engine';

/**
 * A string key for a tuple of values, equal when every value is identical (same kind, number and
 * text): GROUP BY, DISTINCT.
 */
export function rowKey(values: readonly Value[]): string {
  let key = '';
  for (const value of values) {
    if (value === null) key += '\u0000n';
    else if (typeof value === 'number') key += `\u0000#${value}`;
    else if (value instanceof Dual) key += `\u0000d${value.num}\u0001${value.text}`;
    else key += `\u0000s${value}`;
  }
  return key;
}

/**
 * A key for matching rows of two tables (JOIN, KEEP): a value with a number matches by number,
 * a text by text (research §4.4). Null never matches: the result is null.
 */
export function matchKey(values: readonly Value[]): string | null {
  let key = '';
  for (const value of values) {
    if (value === null) return null;
    if (typeof value === 'number') key += `\u0000#${value}`;
    else if (value instanceof Dual) key += `\u0000#${value.num}`;
    else key += `\u0000s${value}`;
  }
  return key;
}
