import { parseDatePattern } from './date-pattern.js';
import { interpretDateTime } from './interpret-date.js';
import type { LocaleSettings } from './locale.js';
import { parseNumberPattern } from './number-format.js';
import { parseNumber, parsePlainNumber } from './parse-number.js';

/**
 * Qlik's number interpretation of a text without type information (research/script-qvd.md
 * §7.2): number in the locale's format, then DateFormat, TimestampFormat, TimeFormat, the ISO
 * date, timestamp and time forms, MoneyFormat, and the two fixed separator conventions. Texts
 * with 15 or more digits stay text (ids and account numbers would lose digits as doubles).
 */
export function interpretNumber(text: string, locale: LocaleSettings): number | null {
  const digits = countDigits(text);
  if (digits === 0 || !mayStartNumber(text, locale)) return null;
  if (digits < 15) {
    const plain = parsePlainNumber(text, locale.decimalSep, locale.thousandSep);
    if (plain !== null) return plain;
  }
  for (const pattern of datePatternsOf(locale)) {
    const serial = interpretDateTime(text, pattern, locale);
    if (serial !== null) return serial;
  }
  if (digits >= 15) return null;
  const money = parseNumber(text, locale, locale.moneyFormat, {
    decimalSep: locale.moneyDecimalSep,
    thousandSep: locale.moneyThousandSep,
  });
  if (money !== null) return money;
  const usesComma = locale.decimalSep === ',' || locale.thousandSep === ',';
  const usesPoint = locale.decimalSep === '.' || locale.thousandSep === '.';
  if (!usesComma) {
    const value = parsePlainNumber(text, '.', ',');
    if (value !== null) return value;
  }
  if (!usesPoint) return parsePlainNumber(text, ',', '.');
  return null;
}

const isoPatterns = [
  'YYYY-MM-DD',
  'YYYY-MM-DD hh:mm[:ss][.fff]',
  'YYYY-MM-DDThh:mm[:ss][.fff]',
  'hh:mm[:ss][.fff]',
];

function countDigits(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) count++;
  }
  return count;
}

/*
 * Derived per locale object (locales are frozen): the date patterns to try and the characters
 * an interpretable text can start with. Most texts ('A-124', 'Sweden') fail that first check,
 * which keeps comparisons of plain texts cheap.
 */
const derived = new WeakMap<LocaleSettings, { patterns: string[]; starts: Set<string> }>();

function derivedOf(locale: LocaleSettings): { patterns: string[]; starts: Set<string> } {
  let entry = derived.get(locale);
  if (!entry) {
    const patterns = [locale.dateFormat, locale.timestampFormat, locale.timeFormat, ...isoPatterns];
    const starts = new Set(['+', '-', '.', ',', locale.decimalSep, locale.moneyDecimalSep]);
    for (const pattern of patterns) {
      const first = parseDatePattern(pattern)[0];
      if (first?.type === 'literal') starts.add(first.text[0]!.toLowerCase());
      if (first?.type === 'monthName' || first?.type === 'weekdayName') {
        for (const name of [
          ...locale.monthNames,
          ...locale.longMonthNames,
          ...locale.dayNames,
          ...locale.longDayNames,
        ]) {
          if (name !== '') starts.add(name[0]!.toLowerCase());
        }
      }
    }
    const money = { decimalSep: locale.moneyDecimalSep, thousandSep: locale.moneyThousandSep };
    for (const section of parseNumberPattern(locale.moneyFormat, money)) {
      const prefix = section.prefix.trim();
      if (prefix !== '') starts.add(prefix[0]!.toLowerCase());
    }
    entry = { patterns, starts };
    derived.set(locale, entry);
  }
  return entry;
}

function datePatternsOf(locale: LocaleSettings): readonly string[] {
  return derivedOf(locale).patterns;
}

function mayStartNumber(text: string, locale: LocaleSettings): boolean {
  const first = text.trimStart()[0];
  if (first === undefined) return false;
  if (first >= '0' && first <= '9') return true;
  return derivedOf(locale).starts.has(first.toLowerCase());
}
