import { describe, expect, it } from 'vitest';
import { calc } from './test-eval.js';

describe('conditional functions', () => {
  const cases: [string, unknown][] = [
    ["If(1 > 0, 'yes', 'no')", 'yes'],
    ["If(Null(), 'a', 'b')", 'b'],
    ["If(0, 'a')", null],
    ["Alt(Date#('x', 'YYYY'), 'abc', 7, 8)", 7],
    ["Alt('abc', 'fallback')", 'fallback'],
    ["Pick(2, 'A', 'B', 4)", 'B'],
    ["Pick(4, 'A', 'B')", null],
    ["Match('M', 'Y', 'M', 'L')", 2],
    ["Match('m', 'M')", 0],
    ["MixMatch('m', 'Y', 'M')", 2],
    ["WildMatch('M12', 'X*', 'm?2')", 2],
    ['Match(3, 1, 2, 3)', 3],
    ["Coalesce(Null(), Null(), 'c')", 'c'],
    ['IsNull(Null())', -1],
    ["IsNull('')", 0],
    ["IsNum('123')", -1],
    ["IsNum('abc')", 0],
    ['IsText(123)', 0],
    ["IsText('abc')", -1],
    ['Class(23, 10)', { num: 20, text: '20<=x<30' }],
    ["Class(11, 5, 'value')", { num: 10, text: '10<=value<15' }],
    ['True() + False()', -1],
    ["EmptyIsNull('')", null],
  ];
  for (const [expression, expected] of cases) {
    it(`${expression} = ${JSON.stringify(expected)}`, () => {
      expect(calc(expression)).toEqual(expected);
    });
  }
});
