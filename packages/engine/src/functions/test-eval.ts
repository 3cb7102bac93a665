import { run } from '../expression/test-scope.js';
import { Dual, type Value } from '../model/value.js';

/** A value as a test compares it: duals as `{ num, text }`, others as they are. */
export type Plain = null | number | string | { num: number; text: string };

export function plain(value: Value): Plain {
  return value instanceof Dual ? { num: value.num, text: value.text } : value;
}

/** Evaluates a constant expression (no fields) and returns it in comparable form. */
export function calc(text: string): Plain {
  return plain(run(text));
}

/** The text of a dual result (what a chart shows). */
export function shown(text: string): string | null {
  const value = run(text);
  return value instanceof Dual ? value.text : value === null ? null : String(value);
}
