import { type DatePatternToken, parseDatePattern } from './date-pattern.js';
import type { LocaleSettings } from './locale.js';
import { dateParts, makeSerial } from './serial.js';

/** Field values read from a text by a date/time pattern; undefined = not in the pattern. */
interface ReadFields {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  fraction?: number;
  pm?: boolean;
  /** Set while the next number read may be of any length (the first unit of a duration). */
  unbounded?: boolean;
}

/**
 * Reads a date, time or timestamp written in a Qlik pattern (`Date#`, `Timestamp#`, and load
 * interpretation). Returns the serial or null when the text does not fit. Lenient like Qlik:
 * `M/D/YYYY` accepts `01/02/2020`, names match in any case, blanks in the pattern match any
 * run of blanks. Two-digit years fall in 1930-2029 (Excel's window; Qlik's is unverified).
 */
export function interpretDateTime(
  text: string,
  pattern: string,
  locale: LocaleSettings,
): number | null {
  const fields = readWithPattern(text, pattern, locale);
  if (!fields) return null;
  const { hour = 0, minute = 0, second = 0, fraction = 0 } = fields;
  let hour24 = hour;
  if (fields.pm !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour24 = (hour % 12) + (fields.pm ? 12 : 0);
  }
  if (hour24 > 23 || minute > 59 || second > 59) return null;
  const time = (hour24 * 3600 + minute * 60 + second + fraction) / 86400;
  const hasDate =
    fields.year !== undefined || fields.month !== undefined || fields.day !== undefined;
  if (!hasDate) return time;
  const year = fields.year ?? 1899;
  const month = fields.month ?? 1;
  const day = fields.day ?? 1;
  if (month < 1 || month > 12 || day < 1) return null;
  const serial = makeSerial(year, month, day);
  if (dateParts(serial).day !== day) return null; // 31 April and friends
  return serial + time;
}

/**
 * Reads a duration (`Interval#`): the first unit may exceed its clock range (`36:00` = 1.5
 * days with `hh:mm`), an optional leading `-` negates.
 */
export function interpretInterval(
  text: string,
  pattern: string,
  locale: LocaleSettings,
): number | null {
  const trimmed = text.trim();
  const negative = trimmed.startsWith('-');
  // AM/PM has no meaning in a duration; TimeFormat's `TT` is ignored as Interval() ignores it.
  const durationPattern = pattern.replace(/\s*(TT|tt)/g, '');
  const fields = readWithPattern(
    negative ? trimmed.slice(1) : trimmed,
    durationPattern,
    locale,
    true,
  );
  if (!fields) return null;
  const { day = 0, hour = 0, minute = 0, second = 0, fraction = 0 } = fields;
  const days = day + (hour * 3600 + minute * 60 + second + fraction) / 86400;
  return negative ? -days : days;
}

/**
 * `duration`: the first number may have any number of digits (`100 00:00` with `D hh:mm`,
 * `250:00` with `hh:mm`), as the largest unit of an interval is not bounded by a clock.
 */
function readWithPattern(
  text: string,
  pattern: string,
  locale: LocaleSettings,
  duration = false,
): ReadFields | null {
  const fields: ReadFields = {};
  if (duration) fields.unbounded = true;
  const end = match(parseDatePattern(pattern), text.trim(), 0, fields, locale);
  return end === text.trim().length ? fields : null;
}

/** Matches tokens from `pos`; returns the position after them or -1. */
function match(
  tokens: readonly DatePatternToken[],
  text: string,
  start: number,
  fields: ReadFields,
  locale: LocaleSettings,
): number {
  let pos = start;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'optional') {
      const trial: ReadFields = { ...fields };
      const after = match(token.tokens, text, pos, trial, locale);
      if (after >= 0) {
        Object.assign(fields, trial);
        pos = after;
      }
      continue;
    }
    if (token.type === 'literal') {
      pos = matchLiteral(token.text, text, pos);
    } else if (token.type === 'monthName' || token.type === 'weekdayName') {
      const names =
        token.type === 'monthName'
          ? [...locale.longMonthNames, ...locale.monthNames]
          : [...locale.longDayNames, ...locale.dayNames];
      const found = matchName(names, text, pos);
      if (found.index < 0) return -1;
      if (token.type === 'monthName') fields.month = (found.index % 12) + 1;
      pos = found.end;
    } else if (token.type === 'ampm') {
      const marker = text.slice(pos, pos + 2).toUpperCase();
      if (marker !== 'AM' && marker !== 'PM') return -1;
      fields.pm = marker === 'PM';
      pos += 2;
    } else {
      const exact = isNumeric(tokens[i + 1]);
      const read = readDigits(text, pos, token.type, token.width, exact, fields.unbounded === true);
      if (!read) return -1;
      fields.unbounded = false;
      assign(fields, token.type, read.value, read.digits, token.width);
      pos += read.digits.length;
    }
    if (pos < 0) return -1;
  }
  return pos;
}

function isNumeric(token: DatePatternToken | undefined): boolean {
  return (
    token !== undefined &&
    token.type !== 'literal' &&
    token.type !== 'optional' &&
    token.type !== 'ampm' &&
    token.type !== 'monthName' &&
    token.type !== 'weekdayName'
  );
}

function readDigits(
  text: string,
  pos: number,
  type: string,
  width: number,
  exact: boolean,
  unbounded: boolean,
): { value: number; digits: string } | null {
  let max = type === 'fraction' ? 9 : type === 'year' ? 4 : Math.max(2, width);
  if (exact) max = width;
  if (unbounded) max = 15;
  let digits = '';
  while (digits.length < max && pos + digits.length < text.length) {
    const ch = text[pos + digits.length]!;
    if (ch < '0' || ch > '9') break;
    digits += ch;
  }
  if (digits === '' || (exact && digits.length !== width)) return null;
  return { value: Number(digits), digits };
}

function assign(
  fields: ReadFields,
  type: string,
  value: number,
  digits: string,
  width: number,
): void {
  switch (type) {
    case 'year':
      fields.year =
        width <= 2 && digits.length <= 2 ? (value < 30 ? 2000 + value : 1900 + value) : value;
      return;
    case 'fraction':
      fields.fraction = value / 10 ** digits.length;
      return;
    case 'weekday':
      return;
    default:
      fields[type as 'month' | 'day' | 'hour' | 'minute' | 'second'] = value;
  }
}

function matchLiteral(literal: string, text: string, start: number): number {
  let pos = start;
  for (const ch of literal) {
    if (ch === ' ') {
      while (pos < text.length && /\s/.test(text[pos]!)) pos++;
      continue;
    }
    if (text[pos]?.toLowerCase() !== ch.toLowerCase()) return -1;
    pos++;
  }
  return pos;
}

function matchName(
  names: readonly string[],
  text: string,
  pos: number,
): { index: number; end: number } {
  let best = { index: -1, end: pos };
  names.forEach((name, index) => {
    const candidate = text.slice(pos, pos + name.length);
    if (
      name !== '' &&
      candidate.toLowerCase() === name.toLowerCase() &&
      pos + name.length > best.end
    ) {
      best = { index, end: pos + name.length };
    }
  });
  return best;
}
