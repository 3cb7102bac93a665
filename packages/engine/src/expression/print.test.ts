import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BinaryOperator, Expression, UnaryOperator } from './ast.js';
import { parseExpression } from './parser.js';
import { printExpression } from './print.js';

/** A tree without offsets, for comparing trees parsed from different texts. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'start' && key !== 'end' && key !== 'quote')
      .map(([key, item]) => [key, shape(item)]),
  );
}

const binaryOperators: BinaryOperator[] = [
  '*',
  '/',
  '+',
  '-',
  '&',
  '<<',
  '>>',
  'bitand',
  'bitor',
  'bitxor',
  '=',
  '<>',
  '<',
  '<=',
  '>',
  '>=',
  'like',
  'precedes',
  'follows',
  'and',
  'or',
  'xor',
];
const unaryOperators: UnaryOperator[] = ['-', '+', 'not', 'bitnot'];
const at = { start: 0, end: 0 };

const { tree } = fc.letrec<{ tree: Expression }>((recurse) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.nat(1000).map((n): Expression => ({ kind: 'number', value: n, text: String(n), ...at })),
    fc.string({ maxLength: 6 }).map((value): Expression => ({ kind: 'string', value, ...at })),
    fc
      .constantFrom('Sales', 'Order Date', 'a.b', '%Key', 'x]y', 'Year', 'and')
      .map((name): Expression => ({ kind: 'field', name, quote: 'none', ...at })),
    fc
      .tuple(fc.constantFrom(...unaryOperators), recurse('tree'))
      .map(([op, operand]): Expression => ({ kind: 'unary', op, operand, ...at })),
    fc
      .tuple(fc.constantFrom(...binaryOperators), recurse('tree'), recurse('tree'))
      .map(([op, left, right]): Expression => ({ kind: 'binary', op, left, right, ...at })),
    fc
      .array(recurse('tree'), { maxLength: 3 })
      .map((args): Expression => ({ kind: 'call', name: 'Pick', args, ...at })),
  ),
}));

describe('printExpression', () => {
  it('prints text that parses back to the same tree (random trees)', () => {
    fc.assert(
      fc.property(tree, (expression) => {
        expect(shape(parseExpression(printExpression(expression)))).toEqual(shape(expression));
      }),
      { seed: 4242, numRuns: 400 },
    );
  });

  const texts = [
    "Sum({$<Year={2020, 'x'}, Region=>} DISTINCT TOTAL <A, [B c]> Sales)",
    'Count({1-$ * BM01<F={">=10<20"}, G=P({1} H) - E()>} x)',
    'Aggr(NODISTINCT Sum(S), D1, (D2, (NUMERIC, DESCENDING)))',
    'RowNo(TOTAL)',
    "Only({<A={\"=Sum(x) > 1\"}, B-={'it''s'}>} C)",
  ];
  for (const text of texts) {
    it(`round-trips ${text}`, () => {
      const parsed = parseExpression(text);
      expect(shape(parseExpression(printExpression(parsed)))).toEqual(shape(parsed));
    });
  }

  it('brackets names that are not plain identifiers or are operator words', () => {
    expect(printExpression(parseExpression('[Order Date] & [and] & [x]]y]'))).toBe(
      '[Order Date] & [and] & [x]]y]',
    );
  });
});
