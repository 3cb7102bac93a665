export type SelectionErrorCode =
  | 'SELECTION_UNKNOWN_FIELD'
  | 'SELECTION_BAD_SYMBOL'
  | 'SELECTION_WRONG_MODEL';

/** A selection call that names something the model does not hold. */
export class SelectionError extends Error {
  constructor(
    readonly code: SelectionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SelectionError';
  }
}
