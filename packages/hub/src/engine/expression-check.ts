/** `NxRange`: a span of the checked expression, in characters. */
export interface NxRange {
  readonly qFrom: number;
  readonly qCount: number;
}

/** `Doc.CheckExpression`'s out-parameters as enigma returns them. */
export interface CheckExpressionResult {
  readonly qErrorMsg?: string;
  readonly qBadFieldNames?: readonly NxRange[];
  readonly qDangerousFieldNames?: readonly NxRange[];
}

export type ExpressionVerdict =
  | { readonly kind: 'ok' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'bad-fields'; readonly fields: readonly string[] };

/** The text sent to CheckExpression: measures are typed with or without the leading `=`. */
export function expressionBody(expression: string): string {
  const text = expression.trim();
  return text.startsWith('=') ? text.slice(1) : text;
}

/**
 * Turns the engine's answer into what the dialog shows: the engine's message when it has one,
 * else the unknown field names quoted from the expression itself.
 */
export function describeCheck(body: string, result: CheckExpressionResult): ExpressionVerdict {
  const message = (result.qErrorMsg ?? '').trim();
  if (message !== '') return { kind: 'error', message };
  const bad = result.qBadFieldNames ?? [];
  if (bad.length > 0) {
    return { kind: 'bad-fields', fields: bad.map((r) => body.slice(r.qFrom, r.qFrom + r.qCount)) };
  }
  return { kind: 'ok' };
}
