import { describe, expect, it } from 'vitest';
import { Dual } from '../model/value.js';
import { ExpressionError } from './errors.js';
import { evaluateScalar } from './evaluate.js';
import { parseExpression } from './parser.js';
import type { RowFunctionHost } from './scope.js';
import { rowScope, run } from './test-scope.js';

describe('evaluateScalar arithmetic and NULL', () => {
  it('follows precedence: 1 + 2 * 3 = 7', () => {
    expect(run('1 + 2 * 3')).toBe(7);
  });

  it('interprets number-like text in arithmetic', () => {
    expect(run("'3' + 2")).toBe(5);
  });

  it('uses the number of a dual', () => {
    expect(run('D * 2', { D: new Dual(21, 'twenty-one') })).toBe(42);
  });

  it('gives NULL for arithmetic with NULL or non-numeric text', () => {
    expect([run('N + 1', { N: null }), run("'abc' * 2")]).toEqual([null, null]);
  });

  it('gives NULL for division by zero', () => {
    expect(run('1 / 0')).toBeNull();
  });

  it('concatenates with & reading NULL as empty', () => {
    expect(run("'A' & N & 1", { N: null })).toBe('A1');
  });

  it('shows computed numbers with 14 significant digits in &', () => {
    expect(run("'x' & 1/3")).toBe('x0.33333333333333');
  });
});

describe('evaluateScalar comparisons and logic', () => {
  it("compares numerically when both sides are numbers: '1' = 1", () => {
    expect(run("'1' = 1")).toBe(-1);
  });

  it("trims blanks for the numeric reading: '1 ' < ' 2' but not '1 ' precedes ' 2'", () => {
    expect([run("'1 ' < ' 2'"), run("'1 ' precedes ' 2'"), run("' 1' precedes ' 2'")]).toEqual([
      -1, 0, -1,
    ]);
  });

  it('compares texts as text', () => {
    expect([run("'abc' < 'abd'"), run("'b' follows 'a'")]).toEqual([-1, -1]);
  });

  it('applies the NULL rules: NULL = NULL is NULL, A <> NULL true, A = NULL false', () => {
    expect([
      run('N = N', { N: null }),
      run('1 <> N', { N: null }),
      run('1 = N', { N: null }),
    ]).toEqual([null, -1, 0]);
  });

  it('matches like with * and ? case-insensitively', () => {
    expect([run("'Sweden' like 'sw*'"), run("'abc' like 'a?c'"), run("'abc' like 'a?'")]).toEqual([
      -1, -1, 0,
    ]);
  });

  it('returns -1 and 0 for logic, NULL counting as false', () => {
    expect([run('1 and 2'), run('0 or N', { N: null }), run('1 xor 1'), run('not 0')]).toEqual([
      -1, 0, 0, -1,
    ]);
  });

  it('computes bit operators on integers', () => {
    expect([
      run('6 bitand 3'),
      run('6 bitor 3'),
      run('6 bitxor 3'),
      run('1 << 4'),
      run('bitnot 0'),
    ]).toEqual([2, 7, 5, 16, -1]);
  });
});

describe('evaluateScalar names and hooks', () => {
  it('reads a field, then a variable of that name', () => {
    const scope = rowScope({ A: 1 }, { variable: (name) => (name === 'vX' ? 10 : undefined) });
    expect(evaluateScalar(parseExpression('A + vX'), scope)).toBe(11);
  });

  it('reports an unknown field with its position', () => {
    try {
      run('1 + Missing');
      expect.unreachable();
    } catch (error) {
      expect(error instanceof ExpressionError && [error.code, error.position.offset]).toEqual([
        'EXPR_UNKNOWN_FIELD',
        4,
      ]);
    }
  });

  it('reports an unknown function before evaluating anything', () => {
    expect(() => run('NoSuch(1)')).toThrow(
      expect.objectContaining({ code: 'EXPR_UNKNOWN_FUNCTION' }),
    );
  });

  it('suggests the closest known function name', () => {
    expect(() => run('Lenn(1)')).toThrow("did you mean 'Len'?");
  });

  it('quotes the printed node when no source text is given', () => {
    const scope = rowScope();
    expect(() => evaluateScalar(parseExpression('1 + [No Field]'), scope)).toThrow(
      "Field not found '[No Field]'",
    );
  });

  it('reports a wrong argument count with the accepted range', () => {
    expect(() => run('Left(1)')).toThrow(/Left takes 2 argument\(s\), got 1/);
  });

  it('asks the row-function host first and gives it unevaluated arguments', () => {
    const host: RowFunctionHost = {
      names: new Set(['recno', 'previous']),
      call: (call) => (call.name === 'recno' ? 7 : `prev:${call.args[0]?.kind}`),
    };
    const scope = rowScope({}, { rowFunctions: host });
    expect(evaluateScalar(parseExpression("RecNo() & '/' & Previous(X)"), scope)).toBe(
      '7/prev:field',
    );
  });

  it('hands aggregation calls to the AggregateEvaluator', () => {
    const scope = rowScope(
      {},
      { aggregates: { evaluateAggregate: (call) => call.args.length * 100 } },
    );
    expect(evaluateScalar(parseExpression('Sum(A) + 1'), scope)).toBe(101);
  });

  it('refuses aggregations when no evaluator is available', () => {
    expect(() => run('Sum(A)')).toThrow(
      expect.objectContaining({ code: 'EXPR_AGGREGATION_UNAVAILABLE' }),
    );
  });

  it('evaluates only the chosen If branch', () => {
    expect(run('If(1, 2, NoField)')).toBe(2);
  });
});
