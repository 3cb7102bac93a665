/**
 * Every error the expression layer raises, one stable code each (never reused). The message
 * template is filled with the offending text so a user sees what was wrong and where.
 */
export const expressionErrorCodes = {
  EXPR_INVALID_CHARACTER: 'Unexpected character',
  EXPR_UNTERMINATED_STRING: 'Unterminated quoted text',
  EXPR_UNEXPECTED_TOKEN: 'Unexpected token',
  EXPR_UNEXPECTED_END: 'Unexpected end of expression',
  EXPR_EMPTY: 'Empty expression',
  EXPR_MISPLACED_QUALIFIER: 'Set expression, DISTINCT or TOTAL outside an aggregation',
  EXPR_BAD_SEARCH: 'Invalid search string',
  EXPR_DOLLAR_UNTERMINATED: 'Unterminated dollar-sign expansion',
  EXPR_DOLLAR_LIMIT: 'Too many dollar-sign expansions',
  EXPR_DOLLAR_EVALUATE: 'Dollar-sign expansion with "=" needs an evaluator',
  EXPR_UNKNOWN_FUNCTION: 'Unknown function',
  EXPR_UNKNOWN_FIELD: 'Field not found',
  EXPR_ARGUMENT_COUNT: 'Wrong number of arguments',
  EXPR_AGGREGATION_UNAVAILABLE: 'Aggregation used where no aggregation is available',
  EXPR_ROW_FUNCTION_UNAVAILABLE: 'Function needs a load-script row context',
  EXPR_BAD_ARGUMENT: 'Invalid argument',
} as const;

export type ExpressionErrorCode = keyof typeof expressionErrorCodes;

/** Where in the source text: `offset` 0-based, `line` and `column` 1-based. */
export interface SourcePosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

export function positionAt(text: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  readonly code: ExpressionErrorCode;
  readonly position: SourcePosition;
  /** The offending slice of the source (may be empty at end of input). */
  readonly found: string;
  /** What was expected or how to fix it, without the position (for re-locating errors). */
  readonly detail: string | undefined;

  constructor(
    code: ExpressionErrorCode,
    source: string,
    start: number,
    end: number,
    detail?: string,
  ) {
    const position = positionAt(source, start);
    const found = source.slice(start, Math.max(start, end));
    const quoted = found === '' ? '' : ` '${found}'`;
    const where = `line ${position.line}, column ${position.column}`;
    super(
      `${expressionErrorCodes[code]}${quoted} at ${where}${detail ? `: ${detail}` : ''}` +
        ` in expression '${clip(source)}'`,
    );
    this.code = code;
    this.position = position;
    this.found = found;
    this.detail = detail;
  }
}

function clip(source: string): string {
  return source.length > 120 ? `${source.slice(0, 117)}...` : source;
}
