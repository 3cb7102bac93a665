/**
 * Error codes the model builder and serializer raise. Codes are stable (tests and callers match
 * on them); the message says what was wrong, where, and quotes the offending input.
 */
export type ModelErrorCode =
  | 'MODEL_DUPLICATE_TABLE'
  | 'MODEL_EMPTY_NAME'
  | 'MODEL_DUPLICATE_COLUMN'
  | 'MODEL_BATCH_LENGTH'
  | 'MODEL_INDEX_OUT_OF_RANGE'
  | 'MODEL_TOO_MANY_SYMBOLS'
  | 'MODEL_BAD_MAGIC'
  | 'MODEL_BAD_VERSION'
  | 'MODEL_TRUNCATED'
  | 'MODEL_CORRUPT';

export class ModelError extends Error {
  constructor(
    readonly code: ModelErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}
