import type { IToken } from 'chevrotain';
import { isAggregationName } from './aggregate-names.js';
import {
  type BinaryOperator,
  type Expression,
  node,
  type TotalQualifier,
  type UnaryOperator,
} from './ast.js';
import { ExpressionError } from './errors.js';
import { Identifier, NumberLiteral, StringLiteral, tokenize } from './lexer.js';
import type { SetExpression } from './set-ast.js';
import { parseSetExpression } from './set-parser.js';
import { endOf, isNameToken, nameOf, TokenCursor } from './token-cursor.js';

/*
 * Tokens come from chevrotain's lexer (lexer.ts); the grammar itself is a small precedence-
 * climbing parser. Qlik's keywords are contextual (`Total`, `All`, `Year` are also field and
 * function names; DISTINCT/TOTAL only count inside an aggregation call before an operand), and
 * `<`/`>` double as brackets in `TOTAL <A, B>` and set modifiers; deciding those by looking at
 * the next token is simpler and gives better error messages than encoding them as
 * chevrotain grammar rules with gates.
 *
 * Binary operator levels, loosest first (research/script-qvd.md §5.2). Qlik's own BNF is flat,
 * so this order follows the documented usage (`'Total: ' & Sum(x)*2`, `not A = B`); where the
 * brief marks it unverified (`&` against bit operators) the tests pin our choice.
 */
const binaryLevels: readonly (readonly BinaryOperator[])[] = [
  ['or', 'xor'],
  ['and'],
  [], // `not` (prefix) sits here
  ['=', '<>', '<', '<=', '>', '>=', 'like', 'precedes', 'follows'],
  ['<<', '>>', 'bitand', 'bitor', 'bitxor'],
  ['&'],
  ['+', '-'],
  ['*', '/'],
];
const notLevel = 2;
const wordOperators: ReadonlySet<string> = new Set(
  binaryLevels.flat().filter((op) => /^[a-z]+$/.test(op)),
);

/**
 * Parses one chart or script expression (after dollar-sign expansion) into a frozen AST.
 * Throws `ExpressionError` with the code, position and quoted text of the first problem.
 */
export function parseExpression(text: string): Expression {
  const cursor = new TokenCursor(text, tokenize(text));
  if (cursor.atEnd()) throw new ExpressionError('EXPR_EMPTY', text, 0, text.length);
  const parser = new ExpressionParser(cursor);
  const expression = parser.expression();
  if (!cursor.atEnd()) throw cursor.unexpected('expected an operator or the end');
  return expression;
}

class ExpressionParser {
  constructor(private readonly cursor: TokenCursor) {}

  expression(): Expression {
    return this.binary(0);
  }

  private binary(level: number): Expression {
    if (level === notLevel) return this.not();
    if (level >= binaryLevels.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const op = this.operatorAt(binaryLevels[level] ?? []);
      if (!op) return left;
      this.cursor.next();
      const right = this.binary(level + 1);
      left = node({ kind: 'binary', op, left, right, start: left.start, end: right.end });
    }
  }

  private operatorAt(ops: readonly BinaryOperator[]): BinaryOperator | null {
    const token = this.cursor.peek();
    if (!token) return null;
    const image = token.tokenType === Identifier ? token.image.toLowerCase() : token.image;
    if (token.tokenType === Identifier && !wordOperators.has(image)) return null;
    return ops.find((op) => op === image) ?? null;
  }

  private not(): Expression {
    if (this.cursor.isWord('not')) return this.prefix('not', () => this.not());
    return this.binary(notLevel + 1);
  }

  private unary(): Expression {
    if (this.cursor.isPunct('-')) return this.prefix('-', () => this.unary());
    if (this.cursor.isPunct('+')) return this.prefix('+', () => this.unary());
    if (this.cursor.isWord('bitnot')) return this.prefix('bitnot', () => this.unary());
    // `not` written where an operand is expected (`a = not b`) negates that operand only.
    if (this.cursor.isWord('not')) return this.prefix('not', () => this.unary());
    return this.primary();
  }

  private prefix(op: UnaryOperator, operandOf: () => Expression): Expression {
    const start = this.cursor.next().startOffset;
    const operand = operandOf();
    return node({ kind: 'unary', op, operand, start, end: operand.end });
  }

  private primary(): Expression {
    const token = this.cursor.peek();
    if (!token) throw this.cursor.unexpected('expected a value');
    if (token.tokenType === NumberLiteral) {
      this.cursor.next();
      const value = Number(token.image);
      return node({ kind: 'number', value, text: token.image, ...span(token) });
    }
    if (token.tokenType === StringLiteral) {
      this.cursor.next();
      const value = token.image.slice(1, -1).replaceAll("''", "'");
      return node({ kind: 'string', value, ...span(token) });
    }
    if (token.tokenType === Identifier && this.cursor.isPunct('(', 1)) return this.call();
    if (isNameToken(token) && !this.isReservedWord(token)) {
      this.cursor.next();
      return node({ kind: 'field', ...nameOf(token), ...span(token) });
    }
    if (this.cursor.isPunct('(')) return this.parenthesised(false);
    if (this.cursor.isPunct('{')) {
      throw this.cursor.error(
        'EXPR_MISPLACED_QUALIFIER',
        token.startOffset,
        endOf(token),
        'a set expression is only allowed as the first argument of an aggregation',
      );
    }
    throw this.cursor.unexpected('expected a value');
  }

  private isReservedWord(token: IToken): boolean {
    if (token.tokenType !== Identifier) return false;
    const word = token.image.toLowerCase();
    return wordOperators.has(word) || word === 'not' || word === 'bitnot';
  }

  private parenthesised(allowTuple: boolean): Expression {
    const open = this.cursor.next();
    const items = [this.expression()];
    while (allowTuple && this.cursor.isPunct(',')) {
      this.cursor.next();
      items.push(this.tupleItem());
    }
    const close = this.cursor.expectPunct(')', 'to close the parenthesis');
    const first = items[0]!;
    if (items.length === 1) return first;
    return node({ kind: 'tuple', items, start: open.startOffset, end: endOf(close) });
  }

  private tupleItem(): Expression {
    return this.cursor.isPunct('(') ? this.parenthesised(true) : this.expression();
  }

  private call(): Expression {
    const nameToken = this.cursor.next();
    this.cursor.next(); // '('
    const name = nameToken.image;
    const qualifiers = this.qualifiers(!isAggregationName(name));
    const aggregate = isAggregationName(name) || qualifiers.total !== null;
    if (!aggregate && (qualifiers.set || qualifiers.distinct || qualifiers.all)) {
      throw this.cursor.error(
        'EXPR_MISPLACED_QUALIFIER',
        qualifiers.start,
        qualifiers.end,
        `'${name}' is not an aggregation function`,
      );
    }
    const args = this.arguments(aggregate);
    const end = endOf(this.cursor.expectPunct(')', `to close the call of '${name}'`));
    const start = nameToken.startOffset;
    if (!aggregate) return node({ kind: 'call', name, args, start, end });
    const { set, distinct, all, total } = qualifiers;
    return node({ kind: 'aggregate', name, set, distinct, all, total, args, start, end });
  }

  private arguments(aggregate: boolean): Expression[] {
    if (this.cursor.isPunct(')')) return [];
    const first = this.cursor.peek()!;
    if (aggregate && this.cursor.isPunct('*') && this.cursor.isPunct(')', 1)) {
      this.cursor.next();
      return [node({ kind: 'star', ...span(first) })];
    }
    const args = [this.argument(aggregate)];
    while (this.cursor.isPunct(',')) {
      this.cursor.next();
      args.push(this.argument(aggregate));
    }
    return args;
  }

  private argument(aggregate: boolean): Expression {
    return aggregate && this.cursor.isPunct('(') ? this.parenthesised(true) : this.expression();
  }

  /** Set expression, DISTINCT/NODISTINCT/ALL and TOTAL [<fields>], in any order. */
  private qualifiers(bareTotal: boolean): Qualifiers {
    const found: Qualifiers = {
      set: null,
      distinct: null,
      all: false,
      total: null,
      start: this.cursor.peek()?.startOffset ?? 0,
      end: 0,
    };
    for (;;) {
      if (this.cursor.isPunct('{') && found.set === null) {
        found.set = parseSetExpression(this.cursor);
      } else if (this.isQualifierWord('distinct') || this.isQualifierWord('nodistinct')) {
        found.distinct = this.cursor.next().image.toLowerCase() as 'distinct' | 'nodistinct';
      } else if (this.isQualifierWord('all')) {
        this.cursor.next();
        found.all = true;
      } else if (
        this.isQualifierWord('total') ||
        (bareTotal && this.cursor.isWord('total') && this.cursor.isPunct(')', 1))
      ) {
        this.cursor.next();
        found.total = this.totalFields();
      } else {
        found.end = this.cursor.lastEnd();
        return found;
      }
    }
  }

  /** A qualifier word only counts when an operand follows it (`Sum(Total)` sums a field). */
  private isQualifierWord(word: string): boolean {
    if (!this.cursor.isWord(word)) return false;
    const after = this.cursor.peek(1);
    if (!after) return false;
    if (word === 'total' && this.cursor.isPunct('<', 1)) return true;
    if (this.cursor.isPunct('(', 1) || this.cursor.isPunct('{', 1)) return true;
    if (after.tokenType === Identifier) return !this.isReservedWord(after);
    return (
      isNameToken(after) || after.tokenType === NumberLiteral || after.tokenType === StringLiteral
    );
  }

  private totalFields(): TotalQualifier {
    if (!this.cursor.isPunct('<')) return { fields: null };
    this.cursor.next();
    const fields: string[] = [];
    while (!this.cursor.isPunct('>')) {
      if (fields.length > 0) this.cursor.expectPunct(',', 'between TOTAL fields');
      const token = this.cursor.peek();
      if (!isNameToken(token)) throw this.cursor.unexpected('expected a field name after TOTAL <');
      fields.push(nameOf(this.cursor.next()).name);
    }
    this.cursor.next();
    return Object.freeze({ fields: Object.freeze(fields) });
  }
}

interface Qualifiers {
  set: SetExpression | null;
  distinct: 'distinct' | 'nodistinct' | null;
  all: boolean;
  total: TotalQualifier | null;
  start: number;
  end: number;
}

function span(token: IToken): { start: number; end: number } {
  return { start: token.startOffset, end: endOf(token) };
}
