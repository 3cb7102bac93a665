import { interpretDateTime } from './interpret-date.js';
import type { LocaleSettings } from './locale.js';
import { parseNumber, parsePlainNumber } from './parse-number.js';

/**
 * Qlik's number interpretation of a text without type information (research/script-qvd.md
 * §7.2): number in the locale's format, then DateFormat, TimestampFormat, TimeFormat, the ISO
 * date, timestamp and time forms, MoneyFormat, and the two fixed separator conventions. Texts
 * with 15 or more digits stay text (ids and account numbers would lose digits as doubles).
 */
export function interpretNumber(text: string, locale: LocaleSettings): number | null {
  if (!/\d/.test(text)) return null;
  const digits = text.replace(/\D/g, '').length;
  if (digits < 15) {
    const plain = parsePlainNumber(text, locale.decimalSep, locale.thousandSep);
    if (plain !== null) return plain;
  }
  for (const pattern of [
    locale.dateFormat,
    locale.timestampFormat,
    locale.timeFormat,
    ...isoPatterns,
  ]) {
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
