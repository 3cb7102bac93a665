import { ExpressionError, parseExpression } from '@cairn/engine';
import type { ScriptExpression } from './ast.js';
import { StatementSyntaxError } from './cursor.js';

/**
 * Hands an expression found in a statement to the engine's parser (one expression language for
 * charts and scripts); its errors are moved to the statement's offsets.
 */
export function scriptExpression(
  piece: { text: string; at: number },
  what: string,
): ScriptExpression {
  if (piece.text.trim() === '') {
    throw new StatementSyntaxError(`expected ${what}, found nothing`, piece.at, '');
  }
  try {
    return Object.freeze({ text: piece.text, at: piece.at, ast: parseExpression(piece.text) });
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    const detail = error.message.split(' in expression ')[0] ?? error.message;
    throw new StatementSyntaxError(
      `invalid ${what}: ${detail}`,
      piece.at + error.position.offset,
      error.found,
      'EXPRESSION_ERROR',
    );
  }
}
