import type { CodeArray } from './data-model.js';
import type { SymbolTableData } from './symbol-table.js';

/** A field while the model is being built: its symbols and what tables said about it. */
export interface DraftField {
  readonly name: string;
  symbols: SymbolTableData;
  readonly tags: Set<string>;
  comment: string;
  readonly isSystem: boolean;
}

/** A table while the model is being built; synthetic keys rewrite its columns. */
export interface DraftTable {
  readonly name: string;
  readonly rowCount: number;
  fields: number[];
  codes: CodeArray[];
  readonly isSynthetic: boolean;
  isLooselyCoupled: boolean;
  readonly comment: string;
}

export interface Draft {
  readonly fields: DraftField[];
  readonly tables: DraftTable[];
}
