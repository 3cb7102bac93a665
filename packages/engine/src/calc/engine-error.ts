/**
 * Errors the chart side of the engine raises, with the QIX `LocalizedErrorCode` numbers the
 * Engine API sends on the wire as `{code, parameter, message}` (research/engine-protocol.md §1.7).
 * One registry: a code is never reused for another meaning.
 */
export const engineErrorCodes = {
  /** LOCERR_GENERIC_INVALID_PARAMETERS: a definition the engine cannot use. */
  invalidParameters: 8,
  /** LOCERR_GENERIC_NOT_FOUND: a field or dimension that does not exist. */
  notFound: 2,
  /** LOCERR_HC_RESULT_TOO_LARGE. */
  resultTooLarge: 6001,
  /** LOCERR_CALC_EVAL_CONDITION_FAILED: shown inside layouts as `qError`, never thrown. */
  calcConditionFailed: 7005,
  /** LOCERR_CALC_PAGES_TOO_LARGE: a data page over 10,000 cells. */
  pagesTooLarge: 7009,
} as const;

export type EngineErrorCode = (typeof engineErrorCodes)[keyof typeof engineErrorCodes];

export class EngineError extends Error {
  override readonly name = 'EngineError';

  constructor(
    readonly code: EngineErrorCode,
    /** What the error is about (a field name, the page request as text, ...). */
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}
