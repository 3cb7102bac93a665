import { describe, expect, it } from 'vitest';
import { calc } from './test-eval.js';

describe('string functions (Qlik help examples)', () => {
  const cases: [string, unknown][] = [
    ["Len('Peter')", 5],
    ["Len('Größe')", 5],
    ['Len(Null())', 0],
    ["Left('abcdef', 3)", 'abc'],
    ["Right('abcdef', 3)", 'def'],
    ["Mid('abcdef', 3)", 'cdef'],
    ["Mid('abcdef', 3, 2)", 'cd'],
    ["Index('abcdefg', 'cd')", 3],
    ["Index('abcdabcd', 'b', 2)", 6],
    ["Index('abcdabcd', 'b', -2)", 2],
    ["Index('abc', 'x')", 0],
    ["Upper('abc') & Lower('DEF')", 'ABCdef'],
    ["'[' & Trim('  x  ') & '|' & LTrim(' y ') & '|' & RTrim(' z ') & ']'", '[x|y | z]'],
    ["Replace('abccde', 'cc', 'xyz')", 'abxyzde'],
    ["SubField('abc;cde;efg', ';', 2)", 'cde'],
    ["SubField('abc;cde;efg', ';', -1)", 'efg'],
    ["SubField('', ';', 1)", null],
    ["SubField(';', ';', 1)", ''],
    ["SubField('abc', ';', 2)", null],
    ["TextBetween('<abc>', '<', '>')", 'abc'],
    ["TextBetween('<abc><de>', '<', '>', 2)", 'de'],
    ["TextBetween('abc', '<', '>')", null],
    ["KeepChar('a1b2c3', '123')", '123'],
    ["PurgeChar('a1b2c3', '123')", 'abc'],
    ["Repeat('*', 3)", '***'],
    ["Capitalize('star trek')", 'Star Trek'],
    ["Capitalize('AA - a 1')", 'Aa - A 1'],
    ["SubStringCount('abcdefgcdxyz', 'cd')", 2],
    ["SubStringCount('aaa', 'aa')", 1],
    ["FindOneOf('my example text string', 'et%s')", 4],
    ["FindOneOf('my example text string', 'et%s', 3)", 12],
    ["FindOneOf('my example text string', '¤%&')", 0],
    ["Chr(65) & Ord('a')", 'A97'],
    ['Upper(Null())', null],
  ];
  for (const [expression, expected] of cases) {
    it(`${expression} = ${JSON.stringify(expected)}`, () => {
      expect(calc(expression)).toEqual(expected);
    });
  }

  it('Hash128/160/256 give stable texts of 22, 27 and 43 characters', () => {
    const hashes = [calc("Hash128('a', 1)"), calc("Hash160('a', 1)"), calc("Hash256('a', 1)")];
    expect(hashes.map((h) => String(h).length)).toEqual([22, 27, 43]);
    expect(calc("Hash128('a', 1)")).toBe(hashes[0]);
  });

  it('Hash128 separates its arguments: (ab, c) differs from (a, bc)', () => {
    expect(calc("Hash128('ab', 'c')")).not.toBe(calc("Hash128('a', 'bc')"));
  });
});
