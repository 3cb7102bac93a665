import { Dual, type Value } from '../model/value.js';
import type { LocaleSettings } from './locale.js';

/**
 * How Qlik shows a computed number that carries no text (research/script-qvd.md §7.6): at
 * most 14 significant digits with trailing zeros dropped, DecimalSep, no thousands separator;
 * an exponent only outside [1e-6, 1e15) so ordinary amounts and ids never show one. Integers
 * below 1e15 print in full because they are exact. Known gap: Qlik's exact exponent spelling
 * (`1e+15` here) and its switch-over points are unverified against a real engine.
 */
export function formatDefaultNumber(value: number, decimalSep = '.'): string {
  if (Number.isNaN(value)) return '-';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  let text: string;
  if (Number.isInteger(value) && magnitude < 1e15) {
    text = String(value);
  } else if (magnitude >= 1e15 || magnitude < 1e-6) {
    text = value.toExponential(13).replace(/\.?0+e/, 'e');
  } else {
    text = stripZeros(value.toPrecision(14));
    // toPrecision switches to exponent notation below 1e-6 only, which the branch above takes.
  }
  return decimalSep === '.' ? text : text.replace('.', decimalSep);
}

function stripZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** The text of any value as a chart or `&` shows it; null has none. */
export function displayText(value: Value, locale: LocaleSettings): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (value instanceof Dual) return value.text;
  return formatDefaultNumber(value, locale.decimalSep);
}
