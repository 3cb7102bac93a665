/**
 * A cell value as Qlik keeps it: null, a pure number, a pure text, or a dual (a number that
 * carries the text it was read or formatted as). Duals matter because an equal number seen
 * again keeps the first text it was seen with (research/script-qvd.md §7.1).
 */
export type Value = null | number | string | Dual;

export class Dual {
  constructor(
    readonly num: number,
    readonly text: string,
  ) {}
}

export function dual(num: number, text: string): Dual {
  return new Dual(num, text);
}

/** The number of a value, or NaN when it has none (text and null). */
export function numOf(value: Value): number {
  if (typeof value === 'number') return value;
  if (value instanceof Dual) return value.num;
  return Number.NaN;
}

/** The text of a value as a chart would show it; null has none. */
export function textOf(value: Value): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (value instanceof Dual) return value.text;
  return String(value);
}
