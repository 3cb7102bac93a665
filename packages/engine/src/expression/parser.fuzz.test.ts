import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExpressionError } from './errors.js';
import { parseExpression } from './parser.js';

/** Text built from the language's own pieces, so the parser gets deep before failing. */
const piece = fc.constantFrom(
  'Sum',
  'If',
  '(',
  ')',
  ',',
  '{',
  '}',
  '<',
  '>',
  '=',
  '+=',
  '-',
  '*',
  '/',
  '&',
  'and',
  'not',
  'TOTAL',
  'DISTINCT',
  'P(',
  'E(',
  '$',
  '1',
  '2.5',
  "'a''b'",
  '"*x*"',
  '">=1<2"',
  '[F G]',
  'x',
  '::',
  ' ',
  '`q`',
  'like',
  'bitnot',
  '$(v)',
  '#',
  '"=Sum(x)"',
);

describe('parseExpression on arbitrary input', () => {
  it('either returns a tree or throws ExpressionError with a position inside the text', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 25 }).map((parts) => parts.join('')),
        (text) => {
          try {
            parseExpression(text);
          } catch (error) {
            expect(error).toBeInstanceOf(ExpressionError);
            const { offset } = (error as ExpressionError).position;
            expect(offset >= 0 && offset <= text.length).toBe(true);
          }
        },
      ),
      { seed: 31337, numRuns: 1000 },
    );
  });
});
