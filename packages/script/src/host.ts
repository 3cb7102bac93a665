import type { DataModel } from '@cairn/engine';
import type { ScriptErrorInfo } from './errors.js';

/** Budgets that stop a runaway reload with a clear error. */
export interface ReloadLimits {
  /** Rows over all tables held during the reload (resident and mapping tables included). */
  readonly maxRows: number;
  /** Estimated bytes of the reload's tables (symbols and indexes). */
  readonly maxMemoryBytes: number;
}

/**
 * What the server lends a reload. Paths handed to `readFile`, `writeFile` and `listFiles` are
 * already normalised and checked by the script (`/` separators, no `..`, no absolute or drive
 * paths): `lib://Space:DataFiles/x.csv`, `lib://DataFiles/x.csv` or a plain relative `x.csv`. The
 * host still resolves them against its own root and refuses links that leave it.
 */
export interface ScriptHost {
  readFile(path: string): Promise<Uint8Array>;
  /** STORE: the bytes of a whole file. */
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  /** FileList / FOR EACH: the paths matching a `*`/`?` mask, in the host's order. */
  listFiles(pattern: string): Promise<readonly string[]>;
  log(event: ReloadLogEvent): void;
  readonly signal: AbortSignal;
  readonly limits: ReloadLimits;
}

/**
 * The reload log, as Qlik's script log shows it: each statement run, each table with rows fetched
 * and fields, traces, warnings (synthetic keys among them) and the end. `elapsedMs` counts from
 * the start of the reload.
 */
export type ReloadLogEvent =
  | { readonly kind: 'started'; readonly elapsedMs: number }
  | {
      readonly kind: 'statement';
      readonly elapsedMs: number;
      readonly file: string;
      readonly line: number;
      /** The statement after dollar-sign expansion, cut to 300 characters. */
      readonly text: string;
    }
  | {
      readonly kind: 'table';
      readonly elapsedMs: number;
      readonly table: string;
      /** `file`, `inline`, `resident`, `autogenerate`, `join`, `keep`, `concatenate` … */
      readonly source: string;
      readonly rowsFetched: number;
      readonly rowsInTable: number;
      readonly fields: readonly string[];
    }
  | { readonly kind: 'trace'; readonly elapsedMs: number; readonly message: string }
  | { readonly kind: 'warning'; readonly elapsedMs: number; readonly warning: ScriptWarning }
  | {
      readonly kind: 'finished';
      readonly elapsedMs: number;
      readonly tables: number;
      readonly fields: number;
      readonly rows: number;
    }
  | { readonly kind: 'failed'; readonly elapsedMs: number; readonly error: ScriptErrorInfo };

/** A problem that did not stop the reload (synthetic key, circular reference, ignored value…). */
export interface ScriptWarning {
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly tables?: readonly string[];
}

export interface ReloadResult {
  readonly model: DataModel;
  /** Every script variable at the end of the reload, as text. */
  readonly variables: Record<string, string>;
  readonly log: readonly ReloadLogEvent[];
  readonly warnings: readonly ScriptWarning[];
}
