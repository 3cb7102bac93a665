import type { DataModel } from '@cairn/engine';
import type { Json, JsonObject } from '../deps.js';

/**
 * What the Engine API needs from the associative engine, in protocol terms. One `Calculator` per
 * loaded model version, shared by every session of that app; per-session state lives in
 * `Selections`. Implemented over @cairn/engine in `engine-calculator.ts`; kept as an interface so
 * calculations can move behind a worker-thread pool without touching the protocol layer.
 */
export interface NxValue {
  readonly qText: string;
  readonly qNum: number | 'NaN';
  readonly qIsNumeric: boolean;
}

/** A variable as expressions see it (`$(vName)` expansion and bare references). */
export interface VariableValue {
  readonly name: string;
  readonly definition: string;
}

export type SelectVerb = 'all' | 'possible' | 'excluded' | 'alternative';

/** One session's selection state in one model, with its history (Back / Forward). */
export interface Selections {
  /** Selects symbols of a field (by element number = symbol index); toggle flips them instead. */
  selectValues(field: string, symbols: readonly number[], toggle: boolean): boolean;
  /** Field.Select / search-select: a search string, expression or number. */
  selectMatch(field: string, match: string, toggle: boolean): boolean;
  selectVerb(field: string, verb: SelectVerb): boolean;
  clearField(field: string): boolean;
  clearAll(lockedAlso: boolean): void;
  lock(field: string | null): void;
  unlock(field: string | null): void;
  back(): void;
  forward(): void;
  readonly backCount: number;
  readonly forwardCount: number;
  /** Selected symbols of a field (empty when none). */
  selected(field: string): readonly number[];
  /** Opaque copy for modal cancel (EndSelections(false)) and restore. */
  snapshot(): unknown;
  restore(snapshot: unknown): void;
  /** Changes whenever the selection state does; cache key part. */
  hash(): string;
}

export interface CalcInputs {
  readonly selections: Selections;
  readonly variables: readonly VariableValue[];
}

export interface Calculator {
  readonly model: DataModel;
  newSelections(): Selections;
  /** `qHyperCubeDef` → `qHyperCube` (straight mode), with `qInitialDataFetch` pages filled. */
  hyperCube(inputs: CalcInputs, def: JsonObject): Promise<JsonObject>;
  hyperCubeData(inputs: CalcInputs, def: JsonObject, pages: readonly Json[]): Promise<Json[]>;
  /** `search`: an active SearchListObjectFor text (matches only, with highlight ranges). */
  listObject(inputs: CalcInputs, def: JsonObject, search?: string): Promise<JsonObject>;
  listObjectData(
    inputs: CalcInputs,
    def: JsonObject,
    pages: readonly Json[],
    search?: string,
  ): Promise<Json[]>;
  evaluate(inputs: CalcInputs, expression: string): Promise<NxValue>;
  /** The current selections as `qSelectionObject` (without back/forward counts). */
  currentSelections(inputs: CalcInputs): JsonObject[];
  /** Symbols of a field a search string matches (`words`: list-box search; `exact`: Select). */
  search(inputs: CalcInputs, field: string, text: string, mode: 'words' | 'exact'): number[];
  /** Cardinality and state counts of a field; undefined for an unknown field. */
  fieldInfo(
    inputs: CalcInputs,
    field: string,
  ): { cardinal: number; stateCounts: JsonObject; tags: readonly string[] } | undefined;
}
