/** Terminal states a reload can end in besides success. */
export type ReloadFailureStatus = 'FAILED' | 'EXCEEDED_LIMIT' | 'CANCELED';

export class ReloadFailure extends Error {
  constructor(
    readonly status: ReloadFailureStatus,
    /** RELOADS-… code recorded on the reload. */
    readonly code: string,
    message: string,
    /** For the server log only (a crashed process's stderr tail); never shown to the client. */
    readonly internalDetail?: string,
  ) {
    super(message);
  }
}

/** Table and field summary of a model, as `/apps/{id}/data/metadata` shows it. */
export interface ModelMetadata {
  readonly fields: ReadonlyArray<{
    name: string;
    src_tables: string[];
    is_system: boolean;
    is_hidden: boolean;
    cardinal: number;
    tags: string[];
    comment: string;
  }>;
  readonly tables: ReadonlyArray<{
    name: string;
    is_system: boolean;
    is_loose: boolean;
    no_of_rows: number;
    no_of_fields: number;
    comment: string;
  }>;
}

export interface ReloadJob {
  readonly reloadId: string;
  readonly tenantId: string;
  readonly appId: string;
  readonly script: string;
  readonly partial: boolean;
}

/** What the platform lends a running reload: files of the tenant, a log sink, limits. */
export interface ReloadEnvironment {
  readFile(path: string): Promise<Uint8Array>;
  listFiles(pattern: string): Promise<readonly string[]>;
  log(line: string): void;
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  readonly memoryMb: number;
}

export interface ReloadOutput {
  /** serializeModel(...) bytes. */
  readonly model: Uint8Array;
  readonly metadata: ModelMetadata;
  readonly variables: Record<string, string>;
}

/**
 * Runs one reload to completion. Throws ReloadFailure for script errors, limits and
 * cancellation. The production runner is a child process; tests may inject their own.
 */
export type ReloadRunner = (job: ReloadJob, env: ReloadEnvironment) => Promise<ReloadOutput>;
