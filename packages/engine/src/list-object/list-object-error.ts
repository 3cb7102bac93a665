export type ListObjectErrorCode =
  | 'LIST_UNKNOWN_FIELD'
  | 'LIST_CALCULATED_FIELD'
  | 'LIST_PAGE_TOO_LARGE';

/** Qlik's engine error numbers for the cases a client can tell apart (engine-protocol.md §1.7). */
const qlikCodes: Record<ListObjectErrorCode, number> = {
  LIST_UNKNOWN_FIELD: 8,
  LIST_CALCULATED_FIELD: 20,
  LIST_PAGE_TOO_LARGE: 7009,
};

/** A list object definition or page request the engine cannot answer. */
export class ListObjectError extends Error {
  readonly qErrorCode: number;

  constructor(
    readonly code: ListObjectErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ListObjectError';
    this.qErrorCode = qlikCodes[code];
  }
}
