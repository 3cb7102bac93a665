import { type DatePatternToken, hasAmPm, parseDatePattern } from './date-pattern.js';
import type { LocaleSettings } from './locale.js';
import { formatDefaultNumber } from './number-text.js';
import { type DateParts, dateParts, isCalendarSerial } from './serial.js';

/**
 * Formats a date serial with a Qlik date/time pattern (`YYYY-MM-DD hh:mm:ss[.fff]`, `MMM`,
 * `WWWW`, `h:mm TT`). An optional part `[...]` shows only when one of its numbers is non-zero,
 * so `[.fff]` hides whole seconds.
 */
export function formatDate(serial: number, pattern: string, locale: LocaleSettings): string {
  if (!isCalendarSerial(serial)) return formatDefaultNumber(serial, locale.decimalSep);
  const tokens = parseDatePattern(pattern);
  const parts = dateParts(serial);
  return render(tokens, parts, locale, hasAmPm(tokens));
}

function render(
  tokens: readonly DatePatternToken[],
  parts: DateParts,
  locale: LocaleSettings,
  twelveHour: boolean,
): string {
  let out = '';
  for (const token of tokens) {
    if (token.type === 'optional') {
      if (anyNonZero(token.tokens, parts, twelveHour))
        out += render(token.tokens, parts, locale, twelveHour);
    } else {
      out += renderToken(token, parts, locale, twelveHour);
    }
  }
  return out;
}

function renderToken(
  token: Exclude<DatePatternToken, { type: 'optional' }>,
  parts: DateParts,
  locale: LocaleSettings,
  twelveHour: boolean,
): string {
  switch (token.type) {
    case 'year':
      return token.width === 2
        ? pad(parts.year % 100, 2)
        : pad(parts.year, Math.min(token.width, 4));
    case 'month':
      return pad(parts.month, token.width);
    case 'monthName':
      return (token.long ? locale.longMonthNames : locale.monthNames)[parts.month - 1] ?? '';
    case 'day':
      return pad(parts.day, token.width);
    case 'weekday':
      return pad(parts.weekday, token.width);
    case 'weekdayName':
      return (token.long ? locale.longDayNames : locale.dayNames)[parts.weekday] ?? '';
    case 'hour':
      return pad(twelveHour ? parts.hour % 12 || 12 : parts.hour, token.width);
    case 'minute':
      return pad(parts.minute, token.width);
    case 'second':
      return pad(parts.second, token.width);
    case 'fraction':
      return fractionDigits(parts.millisecond, token.width);
    case 'ampm': {
      const text = parts.hour < 12 ? 'AM' : 'PM';
      return token.lower ? text.toLowerCase() : text;
    }
    case 'literal':
      return token.text;
  }
}

function anyNonZero(
  tokens: readonly DatePatternToken[],
  parts: DateParts,
  twelveHour: boolean,
): boolean {
  return tokens.some((token) => {
    switch (token.type) {
      case 'fraction':
        return Number(fractionDigits(parts.millisecond, token.width)) !== 0;
      case 'second':
        return parts.second !== 0;
      case 'minute':
        return parts.minute !== 0;
      case 'hour':
        return (twelveHour ? parts.hour % 12 : parts.hour) !== 0;
      case 'optional':
        return anyNonZero(token.tokens, parts, twelveHour);
      default:
        return false;
    }
  });
}

/** `width` digits of the second's fraction (truncated, as a clock shows it). */
export function fractionDigits(millisecond: number, width: number): string {
  const ms = pad(millisecond, 3);
  return width <= 3 ? ms.slice(0, width) : ms + '0'.repeat(width - 3);
}

export function pad(value: number, width: number): string {
  const text = String(Math.abs(value));
  const padded = text.length >= width ? text : '0'.repeat(width - text.length) + text;
  return value < 0 ? `-${padded}` : padded;
}
