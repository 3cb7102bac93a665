import { interpretNumber } from '../format/interpret-default.js';
import type { LocaleSettings } from '../format/locale.js';
import { displayText } from '../format/number-text.js';
import { Dual, type Value } from '../model/value.js';

/**
 * Conversions every operator and function shares (research/script-qvd.md §7): a text that
 * looks like a number counts as that number in arithmetic, true is -1 and false 0.
 */

/** The number a value stands for in arithmetic: NaN for null and non-numeric text. */
export function toNumber(value: Value, locale: LocaleSettings): number {
  if (typeof value === 'number') return value;
  if (value instanceof Dual) return value.num;
  if (value === null) return Number.NaN;
  return interpretNumber(value, locale) ?? Number.NaN;
}

/** A number result, with NaN and infinities (0/0, Log(-1)) turned into NULL. */
export function numberResult(value: number): Value {
  return Number.isFinite(value) ? value : null;
}

export function toText(value: Value, locale: LocaleSettings): string | null {
  return displayText(value, locale);
}

/** Text with NULL as empty, as `&` and most string functions read it. */
export function toTextOrEmpty(value: Value, locale: LocaleSettings): string {
  return displayText(value, locale) ?? '';
}

/** True when the value has a number (pure number or dual; text is not numeric). */
export function isNumeric(value: Value): boolean {
  return typeof value === 'number' || value instanceof Dual;
}

/** Logical truth: a non-zero number; NULL and non-numeric text are false. */
export function isTrue(value: Value, locale: LocaleSettings): boolean {
  const number = toNumber(value, locale);
  return !Number.isNaN(number) && number !== 0;
}

export function bool(value: boolean): number {
  return value ? -1 : 0;
}
