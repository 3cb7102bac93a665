export type SearchErrorCode = 'SEARCH_BAD_RANGE' | 'SEARCH_NO_EXPRESSION_HOOK';

/** A search string that cannot be used, with the offending text quoted in the message. */
export class SearchError extends Error {
  constructor(
    readonly code: SearchErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SearchError';
  }
}
