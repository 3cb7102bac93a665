import { ExpressionError } from '@cairn/engine';
import type { ScriptExpression } from '../parse/ast.js';

/** An expression error raised while running, with the statement offset of its expression. */
export class ExpressionAt extends Error {
  constructor(
    readonly error: ExpressionError,
    readonly at: number,
  ) {
    super(error.message);
  }
}

/** Runs `work`, moving an expression error to the offset of `expression` in its statement. */
export function locatedIn<T>(expression: ScriptExpression, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ExpressionError) throw new ExpressionAt(error, expression.at);
    throw error;
  }
}
