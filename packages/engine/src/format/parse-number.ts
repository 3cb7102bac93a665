import type { LocaleSettings } from './locale.js';
import { parseNumberPattern, type Separators } from './number-format.js';

const plainCache = new Map<string, RegExp>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A number written with the given separators: optional sign, digits (grouped by threes with
 * the thousands separator, or not at all), optional fraction and exponent; blanks around are
 * ignored. Anything else is not a number (null).
 */
export function parsePlainNumber(
  text: string,
  decimalSep: string,
  thousandSep: string,
): number | null {
  const key = `${decimalSep}\u0000${thousandSep}`;
  let pattern = plainCache.get(key);
  if (!pattern) {
    const dec = escapeRegExp(decimalSep || '.');
    const grouped = thousandSep ? `|\\d{1,3}(?:${escapeRegExp(thousandSep)}\\d{3})+` : '';
    pattern = new RegExp(
      `^([+-])?((?:\\d+${grouped})(?:${dec}\\d*)?|${dec}\\d+)(?:[eE]([+-]?\\d+))?$`,
    );
    plainCache.set(key, pattern);
  }
  const match = pattern.exec(text.trim());
  if (!match) return null;
  let body = match[2]!;
  if (thousandSep) body = body.split(thousandSep).join('');
  if (decimalSep && decimalSep !== '.') body = body.replace(decimalSep, '.');
  const value = Number(`${match[1] ?? ''}${body}${match[3] ? `e${match[3]}` : ''}`);
  return Number.isFinite(value) ? value : null;
}

/**
 * Reads a number the way `Num#` does: with a pattern its prefix, suffix and `%` are removed
 * (a match of the negative section negates), without one the locale's separators apply.
 */
export function parseNumber(
  text: string,
  locale: LocaleSettings,
  pattern?: string,
  separators: Partial<Separators> = {},
): number | null {
  const seps: Separators = {
    decimalSep: separators.decimalSep || locale.decimalSep,
    thousandSep: separators.thousandSep ?? locale.thousandSep,
  };
  if (pattern === undefined || pattern === '') {
    return parsePlainNumber(text, seps.decimalSep, seps.thousandSep);
  }
  const sections = parseNumberPattern(pattern, seps);
  for (const [index, section] of sections.entries()) {
    let body = text.trim();
    let negate = index === 1;
    if (index === 0 && body.startsWith('-')) {
      negate = true;
      body = body.slice(1).trimStart();
    }
    const prefix = section.prefix.trim();
    const suffix = section.suffix.trim();
    if (!startsWithIgnoreCase(body, prefix) || !endsWithIgnoreCase(body, suffix)) continue;
    body = body.slice(prefix.length, body.length - suffix.length);
    const value = parsePlainNumber(body, seps.decimalSep, seps.thousandSep);
    if (value === null) continue;
    const scaled = section.percent ? value / 100 : value;
    return negate ? -scaled : scaled;
  }
  return null;
}

function startsWithIgnoreCase(text: string, prefix: string): boolean {
  return text.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase();
}

function endsWithIgnoreCase(text: string, suffix: string): boolean {
  return suffix === '' || text.slice(-suffix.length).toLowerCase() === suffix.toLowerCase();
}
