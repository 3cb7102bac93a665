import { describe, expect, it } from 'vitest';
import { calc, shown } from './test-eval.js';

describe('formatting functions', () => {
  const cases: [string, string | null][] = [
    ["Num(3.14159, '0.0')", '3.1'],
    ["Num(1234.5678, '#,##0.00')", '1,234.57'],
    ["Num(1234.5, '# ##0,00', ',', ' ')", '1 234,50'],
    ["Num(-1234, '#,##0;(#,##0)')", '(1,234)'],
    ["Num(0.256, '0.0%')", '25.6%'],
    ["Num(7, '000')", '007'],
    ["Num(255, '(HEX)')", 'FF'],
    ["Num(1999, '(ROM)')", 'MCMXCIX'],
    ['Num(1/3)', '0.33333333333333'],
    ["Num('abc')", null],
    ['Money(1234.5)', '$1,234.50'],
    ['Money(-1234.5)', '-$1,234.50'],
    ["Money(1234.5, '#.##0,00 kr', ',', '.')", '1.234,50 kr'],
    ["Date(43831, 'YYYY-MM-DD')", '2020-01-01'],
    ["Date(43831.75, 'DD.MM.YYYY hh:mm')", '01.01.2020 18:00'],
    ["Date(43831, 'WWWW D MMMM YY')", 'Wednesday 1 January 20'],
    ['Time(0.375)', '9:00:00 AM'],
    ["Time(0.5 + 1/86400/2, 'hh:mm:ss.fff')", '12:00:00.500'],
    ['Timestamp(43831.5)', '1/1/2020 12:00:00 PM'],
    ['Interval(0.375)', '9:00:00'],
    ["Interval(1.375, 'D hh:mm')", '1 09:00'],
    ["Interval(1.5, 'hh:mm')", '36:00'],
    ["Interval(-0.5, 'hh:mm')", '-12:00'],
    ["Dual('Q1', 1)", 'Q1'],
    ['Text(1/4)', '0.25'],
  ];
  for (const [expression, expected] of cases) {
    it(`${expression} shows ${JSON.stringify(expected)}`, () => {
      expect(shown(expression)).toBe(expected);
    });
  }

  it('keeps the number: Num(1234.5678, "#,##0.00") stays 1234.5678', () => {
    expect(calc("Num(1234.5678, '#,##0.00')")).toEqual({ num: 1234.5678, text: '1,234.57' });
  });

  it("Dual('x', 'y') without a number gives the text alone", () => {
    expect(calc("Dual('x', 'y')")).toBe('x');
  });
});

describe('interpretation functions', () => {
  const cases: [string, unknown][] = [
    ["Num#('1,234.5', '#,##0.0')", { num: 1234.5, text: '1,234.5' }],
    ["Num#('1.234,5', '#.##0,0', ',', '.')", { num: 1234.5, text: '1.234,5' }],
    ["Num#('35%', '0%')", { num: 0.35, text: '35%' }],
    ["Num#('(1,234)', '#,##0;(#,##0)')", { num: -1234, text: '(1,234)' }],
    ["Num#('12abc')", '12abc'],
    ["Money#('$1,234.50')", { num: 1234.5, text: '$1,234.50' }],
    ["Date#('12/31/2020')", { num: 44196, text: '12/31/2020' }],
    ["Date#('20200131', 'YYYYMMDD')", { num: 43861, text: '20200131' }],
    ["Date#('31-Jan-2020', 'DD-MMM-YYYY')", { num: 43861, text: '31-Jan-2020' }],
    ["Date#('2020-02-30', 'YYYY-MM-DD')", '2020-02-30'],
    ["Time#('18:00', 'hh:mm')", { num: 0.75, text: '18:00' }],
    ["Time#('6:00 PM', 'h:mm TT')", { num: 0.75, text: '6:00 PM' }],
    [
      "Timestamp#('2020-01-01 12:00:00', 'YYYY-MM-DD hh:mm:ss')",
      { num: 43831.5, text: '2020-01-01 12:00:00' },
    ],
    ["Interval#('09:00:00', 'hh:mm:ss')", { num: 0.375, text: '09:00:00' }],
    ["Interval#('1 09:00', 'D hh:mm')", { num: 1.375, text: '1 09:00' }],
    ["Interval#('36:00', 'hh:mm')", { num: 1.5, text: '36:00' }],
    ["Evaluate('5 * 8')", 40],
    ["Evaluate('5 *')", null],
  ];
  for (const [expression, expected] of cases) {
    it(`${expression} = ${JSON.stringify(expected)}`, () => {
      expect(calc(expression)).toEqual(expected);
    });
  }

  it("Timestamp#('1/1/2020 1:30:15.250 PM') reads the optional fraction of TimestampFormat", () => {
    const value = calc("Timestamp#('1/1/2020 1:30:15.250 PM')") as { num: number };
    expect(value.num).toBeCloseTo(43831 + (13 * 3600 + 30 * 60 + 15.25) / 86400, 9);
  });
});
