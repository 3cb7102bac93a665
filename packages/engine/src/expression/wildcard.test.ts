import { describe, expect, it } from 'vitest';
import { wildcardMatch } from './wildcard.js';

describe('wildcardMatch', () => {
  const cases: [string, string, boolean][] = [
    ['Sweden', 'sw*', true],
    ['Sweden', '*DEN', true],
    ['abc', 'a?c', true],
    ['abc', 'a?', false],
    ['', '*', true],
    ['', '?', false],
    ['a*b', 'a*b', true],
    ['New Zealand', '*zea*', true],
    ['mississippi', 'm*iss*ppi', true],
    ['mississippi', 'm*iss*ppx', false],
  ];
  for (const [text, pattern, expected] of cases) {
    it(`wildcardMatch('${text}', '${pattern}') is ${expected}`, () => {
      expect(wildcardMatch(text, pattern)).toBe(expected);
    });
  }

  it('stays fast on a pattern that makes regular expressions backtrack', () => {
    // 30 stars against 3,000 characters would take ages with a backtracking regex.
    const text = 'a'.repeat(3000);
    expect(wildcardMatch(text, `${'*a'.repeat(30)}b`)).toBe(false);
  });
});
