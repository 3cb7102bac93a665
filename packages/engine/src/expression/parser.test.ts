import { describe, expect, it } from 'vitest';
import { ExpressionError } from './errors.js';
import { parseExpression } from './parser.js';
import { show } from './test-helpers.js';

function parsed(text: string): string {
  return show(parseExpression(text));
}

describe('parseExpression precedence', () => {
  const table: [string, string][] = [
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['1 - 2 - 3', '((1 - 2) - 3)'],
    ['8 / 4 / 2', '((8 / 4) / 2)'],
    ["'a' & 1 + 2", "('a' & (1 + 2))"],
    ["'T: ' & Sum(x) * 2", "('T: ' & (Sum(x) * 2))"],
    ['-a * b', '((- a) * b)'],
    ['- 2 + 3', '((- 2) + 3)'],
    ['a & b = c', '((a & b) = c)'],
    ['a bitand b = c', '((a bitand b) = c)'],
    ['a & b bitor c', '((a & b) bitor c)'],
    ['a << 1 >> 2', '((a << 1) >> 2)'],
    ['bitnot a bitxor b', '((bitnot a) bitxor b)'],
    ['not a = b', '(not (a = b))'],
    ['not a and b', '((not a) and b)'],
    ['a and b or c and d', '((a and b) or (c and d))'],
    ['a or b xor c', '((a or b) xor c)'],
    ["x like 'a*' and y precedes z", "((x like 'a*') and (y precedes z))"],
    ['a follows b = c', '((a follows b) = c)'],
    ['a <= b <> c', '((a <= b) <> c)'],
    ['(1 + 2) * 3', '((1 + 2) * 3)'],
    ['not not a', '(not (not a))'],
    ['a = not b', '(a = (not b))'],
    ['1 + not 0', '(1 + (not 0))'],
  ];
  for (const [text, expected] of table) {
    it(`parseExpression('${text}') groups as ${expected}`, () => {
      expect(parsed(text)).toBe(expected);
    });
  }
});

describe('parseExpression literals and names', () => {
  it("collapses doubled quotes in 'it''s'", () => {
    expect(parseExpression("'it''s'")).toMatchObject({ kind: 'string', value: "it's" });
  });

  it('keeps backslashes literal in strings', () => {
    expect(parseExpression("'C:\\dir\\'")).toMatchObject({ value: 'C:\\dir\\' });
  });

  it('reads numbers with fraction and exponent and keeps the written text', () => {
    expect(parseExpression('1.50e2')).toMatchObject({ kind: 'number', value: 150, text: '1.50e2' });
  });

  it('reads the four ways of naming a field', () => {
    const names = ['Sales', '[Order Date]', '"Net ""x"""', '`a b`'].map((t) => parseExpression(t));
    expect(names.map((n) => (n.kind === 'field' ? `${n.quote}:${n.name}` : n.kind))).toEqual([
      'none:Sales',
      'bracket:Order Date',
      'double:Net "x"',
      'backtick:a b',
    ]);
  });

  it('accepts identifiers with dots, $, %, # and non-ASCII letters', () => {
    expect(parsed('%KEY + Tab.Field + $Syn1 + Größe')).toBe(
      '(((%KEY + Tab.Field) + $Syn1) + Größe)',
    );
  });

  it('treats function names as field names when no ( follows', () => {
    expect(parsed('Year(Date) + Year + If + Left')).toBe('(((Year(Date) + Year) + If) + Left)');
  });

  it('records source offsets on every node', () => {
    const tree = parseExpression('a +  Len(b)');
    expect(tree.kind === 'binary' && [tree.right.start, tree.right.end]).toEqual([5, 11]);
  });

  it('skips line and block comments', () => {
    expect(parsed('1 /* one */ + // plus\n 2')).toBe('(1 + 2)');
  });

  it('returns frozen nodes', () => {
    const tree = parseExpression('f(a, b)');
    expect(Object.isFrozen(tree) && tree.kind === 'call' && Object.isFrozen(tree.args)).toBe(true);
  });
});

describe('parseExpression errors', () => {
  function failure(text: string): ExpressionError {
    try {
      parseExpression(text);
    } catch (error) {
      if (error instanceof ExpressionError) return error;
      throw error;
    }
    throw new Error(`'${text}' parsed without error`);
  }

  it('keeps the detail apart from the position for callers that re-locate errors', () => {
    expect(failure('Sum(x').detail).toBe("expected ')' to close the call of 'Sum'");
  });

  it('reports a missing operand at the end with code and column', () => {
    const error = failure('1 +');
    expect([error.code, error.position.column]).toEqual(['EXPR_UNEXPECTED_END', 4]);
  });

  it('quotes the unexpected token and its line and column', () => {
    const error = failure('a +\n  b c');
    expect(error.code).toBe('EXPR_UNEXPECTED_TOKEN');
    expect(error.position).toEqual({ offset: 8, line: 2, column: 5 });
    expect(error.message).toContain("'c'");
  });

  it('reports an unterminated string from its opening quote', () => {
    const error = failure("Len('abc)");
    expect([error.code, error.position.offset]).toEqual(['EXPR_UNTERMINATED_STRING', 4]);
  });

  it('reports an unclosed call', () => {
    expect(failure('Sum(x').message).toContain("expected ')' to close the call of 'Sum'");
  });

  it('reports a character the language does not have', () => {
    const error = failure('a ? b');
    expect([error.code, error.found]).toEqual(['EXPR_INVALID_CHARACTER', '?']);
  });

  it('rejects set expressions outside aggregations', () => {
    expect(failure('If({1} x, 1)').code).toBe('EXPR_MISPLACED_QUALIFIER');
  });

  it('rejects an empty expression', () => {
    expect(failure('  ').code).toBe('EXPR_EMPTY');
  });
});
