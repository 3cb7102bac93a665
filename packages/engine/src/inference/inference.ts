/** Qlik's `qStateCounts` for one field (research/engine-protocol.md §3.2). */
export interface StateCounts {
  readonly qLocked: number;
  readonly qSelected: number;
  readonly qOption: number;
  readonly qDeselected: number;
  readonly qAlternative: number;
  readonly qExcluded: number;
  readonly qSelectedExcluded: number;
  readonly qLockedExcluded: number;
}

export interface FieldInference {
  readonly field: number;
  /**
   * One `SymbolState` per code: `states[k]` is the state of symbol k - 1, and slot 0 (null) is
   * always excluded, so a table column's codes index it directly.
   */
  readonly states: Uint8Array;
  readonly counts: StateCounts;
}

export interface TableInference {
  readonly table: number;
  /**
   * 1 for every row that takes part in some combination satisfying the selections, else 0.
   * Tables no selection reaches share one cached all-ones array: read it, never write it.
   */
  readonly possible: Uint8Array;
  readonly possibleCount: number;
}

/** The result of `infer`: immutable, shareable by every session with the same selection hash. */
export interface Inference {
  readonly modelId: string;
  /** The `hash()` of the selection state it was computed from. */
  readonly stateHash: string;
  readonly fields: readonly FieldInference[];
  readonly tables: readonly TableInference[];
}
