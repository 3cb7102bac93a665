import type { SetExpression } from './set-ast.js';

/**
 * The chart/script expression AST. Every node is frozen, carries a `kind` tag and the source
 * offsets `[start, end)` of the text it was parsed from, so errors found later (unknown
 * function, wrong argument count, a field that does not exist) can quote the exact text.
 */
export interface NodeSpan {
  readonly start: number;
  readonly end: number;
}

export type Expression =
  | NumberLiteral
  | StringLiteral
  | FieldReference
  | FunctionCall
  | AggregateCall
  | UnaryExpression
  | BinaryExpression
  | StarExpression
  | TupleExpression;

export interface NumberLiteral extends NodeSpan {
  readonly kind: 'number';
  readonly value: number;
  /** The literal as written (`1.50`), kept so a formatter can show the user's text. */
  readonly text: string;
}

export interface StringLiteral extends NodeSpan {
  readonly kind: 'string';
  /** The text with the doubled quotes already collapsed (`'it''s'` → `it's`). */
  readonly value: string;
}

/**
 * A field (or, when no field has that name, a variable) used by name. `quote` records how the
 * name was written; names are case-sensitive, unlike function names.
 */
export interface FieldReference extends NodeSpan {
  readonly kind: 'field';
  readonly name: string;
  readonly quote: 'none' | 'bracket' | 'double' | 'backtick';
}

/** A scalar function call; `name` as written, look it up case-insensitively. */
export interface FunctionCall extends NodeSpan {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly Expression[];
}

/** `TOTAL` alone (`fields` null) or `TOTAL <A, B>` (the dimensions that still split). */
export interface TotalQualifier {
  readonly fields: readonly string[] | null;
}

/**
 * A call of an aggregation function (`Sum`, `Count`, `Aggr`, ...) with its qualifiers:
 * `Sum({<Year={2020}>} DISTINCT TOTAL <Region> Sales)`. Evaluated by the aggregation layer,
 * never by the scalar evaluator.
 */
export interface AggregateCall extends NodeSpan {
  readonly kind: 'aggregate';
  readonly name: string;
  readonly set: SetExpression | null;
  /** `DISTINCT`, `NODISTINCT` or `ALL` when written; `null` for the function's default. */
  readonly distinct: 'distinct' | 'nodistinct' | null;
  readonly all: boolean;
  readonly total: TotalQualifier | null;
  readonly args: readonly Expression[];
}

export type UnaryOperator = '-' | '+' | 'not' | 'bitnot';

export interface UnaryExpression extends NodeSpan {
  readonly kind: 'unary';
  readonly op: UnaryOperator;
  readonly operand: Expression;
}

export type BinaryOperator =
  | '*'
  | '/'
  | '+'
  | '-'
  | '&'
  | '<<'
  | '>>'
  | 'bitand'
  | 'bitor'
  | 'bitxor'
  | '='
  | '<>'
  | '<'
  | '<='
  | '>'
  | '>='
  | 'like'
  | 'precedes'
  | 'follows'
  | 'and'
  | 'or'
  | 'xor';

export interface BinaryExpression extends NodeSpan {
  readonly kind: 'binary';
  readonly op: BinaryOperator;
  readonly left: Expression;
  readonly right: Expression;
}

/** `*` as the sole argument of an aggregation: `Count(*)` in a LOAD ... GROUP BY. */
export interface StarExpression extends NodeSpan {
  readonly kind: 'star';
}

/**
 * A parenthesised list, only accepted as an aggregation argument: the structured dimension
 * parameter of `Aggr(expr, (Dim, (NUMERIC, DESCENDING)))`.
 */
export interface TupleExpression extends NodeSpan {
  readonly kind: 'tuple';
  readonly items: readonly Expression[];
}

/** Freezes a node and its lists; every node in a parsed tree is built through here. */
export function node<T extends object>(value: T): T {
  for (const item of Object.values(value)) if (Array.isArray(item)) Object.freeze(item);
  return Object.freeze(value);
}
