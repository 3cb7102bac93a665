import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { golden, goldenTable } from './golden.js';
import { defaultLocale, localeFromVariables } from './locale.js';
import { formatMoney, formatNumber, roundHalfAway } from './number-format.js';
import { formatDefaultNumber } from './number-text.js';
import { parseNumber } from './parse-number.js';

const german = localeFromVariables(
  (name) =>
    ({
      DecimalSep: ',',
      ThousandSep: '.',
      MoneyDecimalSep: ',',
      MoneyThousandSep: '.',
      MoneyFormat: '#.##0,00 €;-#.##0,00 €',
    })[name],
);

const values = [
  0, 1, -1, 0.5, 1.005, 2.5, -2.5, 1234.5678, -1234.5678, 1e6, 0.000123, 123456789.987,
];
const patterns = [
  '0',
  '0.00',
  '#,##0',
  '#,##0.00',
  '#,##0.##',
  '0.0%',
  '000.0',
  '#.##',
  '$#,##0.00;($#,##0.00)',
  '(HEX)',
  '(ROM)',
];

describe('formatNumber', () => {
  it('matches the golden table of values × patterns (en-US)', () => {
    const rows = values.flatMap((value) =>
      patterns.map(
        (pattern) => [`${value}\t${pattern}`, formatNumber(value, pattern, defaultLocale)] as const,
      ),
    );
    const actual = goldenTable(rows);
    expect(actual).toBe(golden('number-format.txt', actual));
  });

  it('writes the separators given for the pattern: # ##0,00 with , and blank', () => {
    expect(
      formatNumber(1234567.891, '# ##0,00', defaultLocale, { decimalSep: ',', thousandSep: ' ' }),
    ).toBe('1 234 567,89');
  });

  it('reads the pattern with the locale separators by default (German: #.##0,00)', () => {
    expect(formatNumber(1234.5, '#.##0,00', german)).toBe('1.234,50');
  });

  it('rounds halves away from zero on the decimal text: 1.005 → 1.01', () => {
    expect([roundHalfAway(1.005, 2), roundHalfAway(-2.5, 0)]).toEqual([1.01, -3]);
  });

  it('drops the minus sign when the rounded value is zero', () => {
    expect(formatNumber(-0.001, '0.00', defaultLocale)).toBe('0.00');
  });

  it('formats money with MoneyFormat and the money separators', () => {
    expect([formatMoney(-1234.5, defaultLocale), formatMoney(1234.5, german)]).toEqual([
      '-$1,234.50',
      '1.234,50 €',
    ]);
  });
});

describe('formatDefaultNumber', () => {
  const cases: [number, string][] = [
    [0, '0'],
    [42, '42'],
    [-7.25, '-7.25'],
    [1 / 3, '0.33333333333333'],
    [2 / 3, '0.66666666666667'],
    [0.1 + 0.2, '0.3'],
    [123456789012345, '123456789012345'],
    [1234567.891, '1234567.891'],
    [1e15, '1e+15'],
    [0.0000001, '1e-7'],
    [Number.NaN, '-'],
  ];
  for (const [value, text] of cases) {
    it(`shows ${value} as ${text}`, () => {
      expect(formatDefaultNumber(value)).toBe(text);
    });
  }

  it('uses DecimalSep', () => {
    expect(formatDefaultNumber(3.5, ',')).toBe('3,5');
  });
});

describe('formatNumber and parseNumber round trip', () => {
  const amount = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true });

  it('parseNumber(formatNumber(x, "#,##0.00")) is x rounded to 2 decimals', () => {
    fc.assert(
      fc.property(amount, (x) => {
        const text = formatNumber(x, '#,##0.00', defaultLocale);
        expect(parseNumber(text, defaultLocale, '#,##0.00')).toBeCloseTo(roundHalfAway(x, 2), 6);
      }),
      { seed: 20261203, numRuns: 300 },
    );
  });

  it('round-trips German separators and a negative section', () => {
    const pattern = '#.##0,000;(#.##0,000)';
    fc.assert(
      fc.property(amount, (x) => {
        const text = formatNumber(x, pattern, german);
        const back = parseNumber(text, german, pattern);
        expect(back === null ? Number.NaN : back).toBeCloseTo(roundHalfAway(x, 3), 6);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('reads back the default text of any double to 14 significant digits', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const back = Number(formatDefaultNumber(x));
        expect(Math.abs(back - x)).toBeLessThanOrEqual(Math.abs(x) * 1e-13);
      }),
      { seed: 99, numRuns: 500 },
    );
  });
});
