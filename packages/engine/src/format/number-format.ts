import type { LocaleSettings } from './locale.js';
import { formatDefaultNumber } from './number-text.js';

/** The separators a number pattern is written with (Num's 3rd and 4th arguments). */
export interface Separators {
  readonly decimalSep: string;
  readonly thousandSep: string;
}

/**
 * One section of a number pattern such as `$#,##0.00`: literal text around a digit mask.
 * `minInt` mandatory integer digits (`0`), `grouped` when the mask holds the thousands
 * separator, `minFrac`/`maxFrac` fraction digits (`0` mandatory, `#` optional).
 */
export interface NumberSection {
  readonly prefix: string;
  readonly suffix: string;
  readonly minInt: number;
  readonly grouped: boolean;
  readonly minFrac: number;
  readonly maxFrac: number;
  readonly percent: boolean;
  readonly hasMask: boolean;
}

const sectionCache = new Map<string, readonly NumberSection[]>();

/** Splits a pattern into its positive and optional negative section (`;`), memoised. */
export function parseNumberPattern(
  pattern: string,
  separators: Separators,
): readonly NumberSection[] {
  const key = `${pattern}\u0000${separators.decimalSep}\u0000${separators.thousandSep}`;
  let sections = sectionCache.get(key);
  if (!sections) {
    sections = Object.freeze(splitSections(pattern, separators));
    if (sectionCache.size > 500) sectionCache.clear();
    sectionCache.set(key, sections);
  }
  return sections;
}

function splitSections(pattern: string, separators: Separators): NumberSection[] {
  return pattern
    .split(';')
    .slice(0, 2)
    .map((section) => parseSection(section, separators));
}

function parseSection(section: string, { decimalSep, thousandSep }: Separators): NumberSection {
  const first = section.search(/[0#]/);
  if (first < 0) {
    return {
      prefix: section,
      suffix: '',
      minInt: 1,
      grouped: false,
      minFrac: 0,
      maxFrac: 10,
      percent: section.includes('%'),
      hasMask: false,
    };
  }
  let last = first;
  for (let i = first; i < section.length; i++) {
    const ch = section[i]!;
    if (ch === '0' || ch === '#') last = i;
    else if (ch !== decimalSep && ch !== thousandSep) break;
  }
  const mask = section.slice(first, last + 1);
  const point = decimalSep === '' ? -1 : mask.indexOf(decimalSep);
  const intMask = point < 0 ? mask : mask.slice(0, point);
  const fracMask = point < 0 ? '' : mask.slice(point + decimalSep.length);
  const prefix = section.slice(0, first);
  const suffix = section.slice(last + 1);
  return {
    prefix,
    suffix,
    minInt: count(intMask, '0'),
    grouped: thousandSep !== '' && intMask.includes(thousandSep),
    minFrac: count(fracMask, '0'),
    maxFrac: count(fracMask, '0') + count(fracMask, '#'),
    percent: prefix.includes('%') || suffix.includes('%'),
    hasMask: true,
  };
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

/*
 * Known gaps: quoted literal text inside a pattern, grouping other than by threes (`#,##,##0`)
 * and scientific patterns (`0.00E+00`) are not supported; such characters are copied as text.
 * Display rounding is half away from zero, which Qlik's number formatter is assumed (not
 * verified) to use; the Round() function rounds halves up instead, as documented.
 */

/**
 * Formats a number with a Qlik number pattern (`#,##0.00`, `0.0%`, `$#,##0;($#,##0)`, and the
 * radix codes `(HEX)`, `(OCT)`, `(BIN)`, `(ROM)`). The pattern's separator characters are the
 * ones written to the output; by default they are the locale's DecimalSep and ThousandSep.
 */
export function formatNumber(
  value: number,
  pattern: string,
  locale: LocaleSettings,
  separators: Partial<Separators> = {},
): string {
  if (!Number.isFinite(value)) return formatDefaultNumber(value);
  const radix = formatRadix(value, pattern.trim().toUpperCase());
  if (radix !== null) return radix;
  const seps: Separators = {
    decimalSep: separators.decimalSep || locale.decimalSep,
    thousandSep: separators.thousandSep ?? locale.thousandSep,
  };
  const [positive, negative] = parseNumberPattern(pattern, seps);
  const section = value < 0 && negative ? negative : positive!;
  const scaled = Math.abs(value) * (section.percent ? 100 : 1);
  if (!section.hasMask) return section.prefix + formatDefaultNumber(scaled, seps.decimalSep);
  const body = renderDigits(scaled, section, seps);
  const sign = value < 0 && !negative && /[1-9]/.test(body) ? '-' : '';
  return sign + section.prefix + body + section.suffix;
}

function renderDigits(value: number, section: NumberSection, seps: Separators): string {
  const rounded = roundHalfAway(value, section.maxFrac);
  if (rounded >= 1e21) return formatDefaultNumber(rounded, seps.decimalSep);
  const [intText = '0', fracText = ''] = rounded.toFixed(section.maxFrac).split('.');
  let intDigits = intText.replace(/^0+/, '');
  if (intDigits.length < section.minInt)
    intDigits = '0'.repeat(section.minInt - intDigits.length) + intDigits;
  let frac = fracText;
  while (frac.length > section.minFrac && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (intDigits === '' && frac === '') intDigits = '0';
  if (section.grouped) intDigits = group(intDigits, seps.thousandSep);
  return frac === '' ? intDigits : intDigits + seps.decimalSep + frac;
}

/** Rounds half away from zero at `decimals`, on the decimal text so 1.005 → 1.01. */
export function roundHalfAway(value: number, decimals: number): number {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return value;
  const sign = value < 0 ? -1 : 1;
  // Shift by editing the exponent of the shortest decimal text, which avoids the binary error
  // of multiplying (1.005 * 100 = 100.49999...).
  const [mantissa = '0', exponent = '0'] = String(Math.abs(value)).split('e');
  const shifted = Number(`${mantissa}e${Number(exponent) + decimals}`);
  if (!Number.isFinite(shifted)) return value;
  return sign * Number(`${Math.round(shifted)}e-${decimals}`) || 0;
}

function group(digits: string, separator: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return out;
}

const romanNumerals: readonly [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function formatRadix(value: number, code: string): string | null {
  const radix = { '(HEX)': 16, '(OCT)': 8, '(BIN)': 2, '(DEC)': 10, '(R36)': 36 }[code];
  const whole = roundHalfAway(value, 0);
  if (radix !== undefined) return whole.toString(radix).toUpperCase();
  if (code !== '(ROM)') return null;
  if (whole <= 0 || whole >= 4000) return String(whole);
  let rest = whole;
  let out = '';
  for (const [amount, numeral] of romanNumerals) {
    while (rest >= amount) {
      out += numeral;
      rest -= amount;
    }
  }
  return out;
}

/** Money: the pattern (default MoneyFormat) with MoneyDecimalSep and MoneyThousandSep. */
export function formatMoney(
  value: number,
  locale: LocaleSettings,
  pattern: string = locale.moneyFormat,
  separators: Partial<Separators> = {},
): string {
  return formatNumber(value, pattern, locale, {
    decimalSep: separators.decimalSep || locale.moneyDecimalSep,
    thousandSep: separators.thousandSep ?? locale.moneyThousandSep,
  });
}
