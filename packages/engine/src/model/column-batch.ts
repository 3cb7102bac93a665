import type { Value } from './value.js';

/**
 * The hand-over format between producers of rows (file readers in `@cairn/formats`, the load
 * script interpreter in `@cairn/script`) and the model builder. Columns, not rows: a QVD file
 * already holds a symbol table and an index per field, and passing those through unchanged is
 * what makes an optimised QVD load cheap.
 */
export type BatchColumn = ValueColumn | IndexedColumn;

/** One value per row; `null` is a missing value. */
export interface ValueColumn {
  readonly kind: 'values';
  readonly name: string;
  readonly values: ArrayLike<Value>;
}

/**
 * A column given as distinct symbols plus one index per row into them; an index of -1 is null.
 * `symbols` must hold no duplicates (as read from a QVD or built by the interpreter).
 */
export interface IndexedColumn {
  readonly kind: 'indexed';
  readonly name: string;
  readonly symbols: readonly Value[];
  readonly indexes: Int32Array;
}

/** A block of rows of one table: every column has `rowCount` entries. */
export interface ColumnBatch {
  readonly rowCount: number;
  readonly columns: readonly BatchColumn[];
}

/** A finished table handed to the model builder. */
export interface TableInput {
  readonly name: string;
  readonly batches: readonly ColumnBatch[];
  /** Field comments and tags set by the script (`COMMENT FIELD`, `TAG FIELD`). */
  readonly fieldTags?: Readonly<Record<string, readonly string[]>>;
  readonly fieldComments?: Readonly<Record<string, string>>;
  readonly comment?: string;
}
