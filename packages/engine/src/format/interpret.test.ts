import { describe, expect, it } from 'vitest';
import { interpretDateTime } from './interpret-date.js';
import { interpretNumber } from './interpret-default.js';
import { defaultLocale, localeFromVariables } from './locale.js';
import { parseNumber, parsePlainNumber } from './parse-number.js';

const german = localeFromVariables(
  (name) => ({ DecimalSep: ',', ThousandSep: '.', DateFormat: 'DD.MM.YYYY' })[name],
);

describe('interpretNumber (load-time interpretation, §7.2)', () => {
  const cases: [string, number | null][] = [
    ['42', 42],
    [' -1.5e3 ', -1500],
    ['1,234,567.5', 1234567.5],
    ['0901', 901],
    ['12/31/2020', 44196],
    ['2020-12-31', 44196],
    ['2020-12-31 12:00', 44196.5],
    ['2020-12-31T18:00:00', 44196.75],
    ['18:00', 0.75],
    ['6:00:00 PM', 0.75],
    ['$1,234.50', 1234.5],
    ['abc', null],
    ['', null],
    ['1,2', null],
    ['123456789012345', null],
  ];
  for (const [text, expected] of cases) {
    it(`reads '${text}' as ${expected}`, () => {
      expect(interpretNumber(text, defaultLocale)).toBe(expected);
    });
  }

  it('reads numbers and dates with the German locale separators and DateFormat', () => {
    expect([interpretNumber('1.234,5', german), interpretNumber('31.12.2020', german)]).toEqual([
      1234.5, 44196,
    ]);
  });

  it('reads , as decimal when the locale uses neither separator for something else', () => {
    const swiss = localeFromVariables((name) => ({ DecimalSep: '.', ThousandSep: "'" })[name]);
    expect(interpretNumber('1.234,5', swiss)).toBeNull();
  });
});

describe('parseNumber', () => {
  it('accepts ungrouped and correctly grouped digits only', () => {
    expect([
      parsePlainNumber('1234.5', '.', ','),
      parsePlainNumber('1,234.5', '.', ','),
      parsePlainNumber('12,34', '.', ','),
    ]).toEqual([1234.5, 1234.5, null]);
  });

  it('strips prefix and suffix of the pattern case-insensitively', () => {
    expect(
      parseNumber('1.234,50 EUR', defaultLocale, '#.##0,00 eur', {
        decimalSep: ',',
        thousandSep: '.',
      }),
    ).toBe(1234.5);
  });
});

describe('interpretDateTime', () => {
  it('accepts one- or two-digit months and days for M/D/YYYY', () => {
    expect([
      interpretDateTime('01/02/2020', 'M/D/YYYY', defaultLocale),
      interpretDateTime('1/2/2020', 'M/D/YYYY', defaultLocale),
    ]).toEqual([43832, 43832]);
  });

  it('rejects impossible dates and times', () => {
    expect([
      interpretDateTime('2021-02-29', 'YYYY-MM-DD', defaultLocale),
      interpretDateTime('25:00', 'hh:mm', defaultLocale),
      interpretDateTime('13:00 PM', 'hh:mm TT', defaultLocale),
    ]).toEqual([null, null, null]);
  });

  it('puts two-digit years in 1930-2029', () => {
    expect([
      interpretDateTime('29-1-1', 'YY-M-D', defaultLocale),
      interpretDateTime('30-1-1', 'YY-M-D', defaultLocale),
    ]).toEqual([47119, 10959]);
  });

  it('reads long and short month names in any case', () => {
    expect([
      interpretDateTime('march 5 2021', 'MMMM D YYYY', defaultLocale),
      interpretDateTime('MAR 5 2021', 'MMM D YYYY', defaultLocale),
    ]).toEqual([44260, 44260]);
  });
});
