import { describe, expect, it } from 'vitest';
import { type DollarExpansionHooks, expandDollar } from './dollar-expansion.js';
import { ExpressionError } from './errors.js';

function hooksFor(variables: Record<string, string>): DollarExpansionHooks {
  return {
    variable: (name) => variables[name],
    evaluate: (expression) => `<${expression}>`,
  };
}

describe('expandDollar', () => {
  it('replaces $(v) with the variable text, also inside quotes', () => {
    expect(expandDollar("Date(x, '$(fmt)') + $(n)", hooksFor({ fmt: 'YYYY', n: '3' }))).toBe(
      "Date(x, 'YYYY') + 3",
    );
  });

  it('expands an unknown variable to the empty string', () => {
    expect(expandDollar('AUTOGENERATE ( - $(x))', hooksFor({}))).toBe('AUTOGENERATE ( - )');
  });

  it('expands innermost first: $(v$(i))', () => {
    expect(expandDollar('$(v$(i))', hooksFor({ i: '2', v2: 'two' }))).toBe('two');
  });

  it('expands the text a variable yields again (late binding)', () => {
    expect(expandDollar('$(a)', hooksFor({ a: 'x$(b)', b: 'y' }))).toBe('xy');
  });

  it('substitutes $1..$n and $0, leaving missing parameters as written', () => {
    expect(expandDollar('$(f(3, 7))', hooksFor({ f: '$1*$2+$3 ($0)' }))).toBe('3*7+$3 (2)');
  });

  it('splits parameters only at top-level commas', () => {
    expect(expandDollar("$(f(g(1,2), 'a,b'))", hooksFor({ f: '[$1|$2]' }))).toBe("[g(1,2)|'a,b']");
  });

  it('hands $(=expr) to the evaluator', () => {
    expect(expandDollar('{<Year={$(=Max(Year))}>}', hooksFor({}))).toBe('{<Year={<Max(Year)>}>}');
  });

  it('gives $(#v) a decimal-point number, 0 when not numeric', () => {
    const hooks: DollarExpansionHooks = {
      variable: (name) => (name === 'x' ? '3,5' : 'abc'),
      variableNumber: (name) => (name === 'x' ? 3.5 : null),
    };
    expect([expandDollar('$(#x)', hooks), expandDollar('$(#y)', hooks)]).toEqual(['3.5', '0']);
  });

  it('stops a self-referencing variable with EXPR_DOLLAR_LIMIT', () => {
    expect(() => expandDollar('$(v)', hooksFor({ v: '$(v)' }))).toThrow(
      expect.objectContaining({ code: 'EXPR_DOLLAR_LIMIT' }),
    );
  });

  it('reports an unterminated expansion at its $( offset', () => {
    try {
      expandDollar('a + $(b', hooksFor({}));
      expect.unreachable();
    } catch (error) {
      expect(error instanceof ExpressionError && [error.code, error.position.offset]).toEqual([
        'EXPR_DOLLAR_UNTERMINATED',
        4,
      ]);
    }
  });

  it('refuses $(=...) without an evaluator', () => {
    expect(() => expandDollar('$(=1+1)', { variable: () => undefined })).toThrow(
      expect.objectContaining({ code: 'EXPR_DOLLAR_EVALUATE' }),
    );
  });
});
