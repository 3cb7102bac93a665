import { describe, expect, it } from 'vitest';
import { calc } from './test-eval.js';

describe('numeric functions (Qlik help examples)', () => {
  const cases: [string, unknown][] = [
    ['Round(3.88, 0.1)', 3.9],
    ['Round(3.88, 5)', 5],
    ['Round(1.1, 1, 0.5)', 1.5],
    ['Round(2.5)', 3],
    ['Round(-2.5)', -2],
    ['Floor(2.5)', 2],
    ['Floor(-2.5)', -3],
    ['Floor(3.88, 0.1)', 3.8],
    ['Floor(3.88, 5)', 0],
    ['Floor(1.1, 1, 0.5)', 0.5],
    ['Ceil(2.5)', 3],
    ['Ceil(-2.5)', -2],
    ['Ceil(3.88, 0.1)', 3.9],
    ['Ceil(1.1, 1, 0.5)', 1.5],
    ['Fabs(-2.5)', 2.5],
    ['Frac(11.43)', 0.43],
    ['Frac(-1.4)', 0.6],
    ['Fmod(7, 2)', 1],
    ['Fmod(7.5, 2)', 1.5],
    ['Fmod(-7, 2)', -1],
    ['Mod(7, 2)', 1],
    ['Mod(-7, 2)', 1],
    ['Mod(7.5, 2)', null],
    ['Mod(9, -2)', null],
    ['Div(7, 2)', 3],
    ['Div(-7, 2)', -3],
    ['Sign(66) & Sign(0) & Sign(-234)', '10-1'],
    ['Sqrt(16)', 4],
    ['Sqrt(-1)', null],
    ['Sqr(3)', 9],
    ['Log(0)', null],
    ['Log10(1000)', 3],
    ['Pow(2, 10)', 1024],
    ['Exp(0)', 1],
    ['Even(3)', 0],
    ['Even(2 * 10)', -1],
    ['Even(3.14)', null],
    ['Odd(3)', -1],
    ['BitCount(3)', 2],
    ['BitCount(-1)', 64],
    ["Round('abc')", null],
    ['Rand()', 0.5],
    ['Fact(5)', 120],
    ['Combin(5, 2)', 10],
  ];
  for (const [expression, expected] of cases) {
    it(`${expression} = ${JSON.stringify(expected)}`, () => {
      expect(calc(expression)).toEqual(expected);
    });
  }
});

describe('range functions (Qlik help examples)', () => {
  const cases: [string, unknown][] = [
    ['RangeSum(1, 2, 4)', 7],
    ["RangeSum(5, 'abc')", 5],
    ['RangeSum(Null())', 0],
    ['RangeMin(1, 2, 4)', 1],
    ["RangeMin(1, 'xyz')", 1],
    ['RangeMax(1, 2, 4)', 4],
    ["RangeMax('a', 'b')", null],
    ['RangeCount(1, 2, 4)', 3],
    ["RangeCount(Null(), 'a')", 1],
    ["RangeMissingCount(5, 'abc')", 1],
    ['RangeMissingCount(Null())', 1],
    ["RangeNullCount(1, 'a', Null())", 1],
    ["RangeTextCount(1, 'a', Null())", 1],
    ["RangeNumericCount(1, 'a', Null())", 1],
    ['RangeOnly(1, Null(), 1)', 1],
    ['RangeOnly(1, 2)', null],
    ['RangeMode(1, 2, 9, 2, 4)', 2],
    ['RangeMode(1, 2)', null],
    ['RangeFractile(0.5, 1, 2, 4, 6)', 3],
  ];
  for (const [expression, expected] of cases) {
    it(`${expression} = ${JSON.stringify(expected)}`, () => {
      expect(calc(expression)).toEqual(expected);
    });
  }

  it('RangeAvg(1, 2, 4) is 7/3', () => {
    expect(calc('RangeAvg(1, 2, 4)')).toBeCloseTo(7 / 3, 12);
  });
});

describe('color and string-range functions', () => {
  it('RGB(255, 0, 0) is opaque red as a dual', () => {
    expect(calc('RGB(255, 0, 0)')).toEqual({ num: 0xffff0000, text: 'RGB(255,0,0)' });
  });

  it('ARGB keeps the alpha channel', () => {
    expect(calc('ARGB(128, 0, 0, 255)')).toEqual({ num: 0x800000ff, text: 'ARGB(128,0,0,255)' });
  });

  it('RangeMinString and RangeMaxString compare texts as text, numbers before texts', () => {
    expect([calc("RangeMinString('b', 'a', 3)"), calc("RangeMaxString('b', 'a', 3)")]).toEqual([
      3,
      'b',
    ]);
  });
});
