import type { Value } from './value.js';

/**
 * The read-only shape of a built data model, shared by every session of an app. Implemented by
 * the model builder; read by inference, hypercubes, list objects and the serializer.
 *
 * Storage convention (one rule everywhere): a table column stores per row a *code*, where
 * 0 means null and code k (k >= 1) means symbol k - 1 of the field's symbol table. Codes live in
 * the narrowest byte-aligned array that holds `symbolCount + 1` values, so per-field state
 * arrays can be indexed by code directly with slot 0 standing for null.
 */
export type CodeArray = Uint8Array | Uint16Array | Uint32Array;

export interface SymbolTable {
  /** Number of distinct non-null values. */
  readonly size: number;
  /** Number of symbol i, NaN when it is a pure text. */
  num(i: number): number;
  /** Text of symbol i (a pure number gets its default formatted text). */
  text(i: number): string;
  /** Whether symbol i carries a number (pure number or dual). */
  isNumeric(i: number): boolean;
  value(i: number): Value;
  /** Symbol index of a value, or -1 when the field does not hold it. */
  find(value: Value): number;
}

export interface ModelField {
  readonly index: number;
  readonly name: string;
  readonly symbols: SymbolTable;
  /** Indexes of the tables that hold this field. */
  readonly tables: readonly number[];
  /** `$key`, `$numeric`, `$integer`, `$text`, `$ascii`, `$date`, `$timestamp`, `$hidden`, ... */
  readonly tags: readonly string[];
  readonly comment: string;
  /** A system field such as `$Table`, `$Field` (hidden from field lists by default). */
  readonly isSystem: boolean;
}

export interface TableColumn {
  readonly field: number;
  readonly codes: CodeArray;
}

export interface ModelTable {
  readonly index: number;
  /** `$Syn 1`, `$Syn 2`, ... for synthetic key tables. */
  readonly name: string;
  readonly rowCount: number;
  readonly columns: readonly TableColumn[];
  readonly isSynthetic: boolean;
  /** Loosely coupled tables do not carry selections across (breaking a circular reference). */
  readonly isLooselyCoupled: boolean;
  readonly comment: string;
}

export interface ModelWarning {
  readonly code: 'SYNTHETIC_KEY' | 'CIRCULAR_REFERENCE' | string;
  readonly message: string;
  readonly tables: readonly string[];
}

export interface DataModel {
  /** Changes with every build; part of every cache key. */
  readonly id: string;
  readonly fields: readonly ModelField[];
  readonly tables: readonly ModelTable[];
  readonly warnings: readonly ModelWarning[];
  fieldByName(name: string): ModelField | undefined;
  tableByName(name: string): ModelTable | undefined;
}
