import type { AggregateCall, Expression } from '../expression/ast.js';
import type { LocaleSettings } from '../format/locale.js';
import type { Inference } from '../inference/inference.js';
import type { DataModel } from '../model/data-model.js';
import type { Value } from '../model/value.js';
import type { SelectionView } from '../selection/selection-view.js';
import type { ResultCache } from './result-cache.js';

/**
 * Answers a scalar expression's field references and aggregation calls while it is evaluated
 * for one chart row (or one record, inside an aggregation's argument).
 */
export interface EvaluationBinding {
  /** The value of a field in the current row; undefined when the name is no field here. */
  field(name: string): Value | undefined;
  /** The hook the scalar evaluator calls for an aggregation node. */
  aggregate(call: AggregateCall): Value;
}

/** The expressions package's scalar evaluator, injected so the calc layer stays independent. */
export type ScalarEvaluator = (expression: Expression, binding: EvaluationBinding) => Value;

/**
 * A selection state as the calculation reads it: the current selections (what inference reads)
 * plus the back history that set identifiers `$1`, `$2`, ... step through.
 */
export interface CalcState extends SelectionView {
  /** Selections `steps` back (1 = the previous state), or undefined past the history. */
  backSelections?(steps: number): ReadonlyMap<number, readonly number[]> | undefined;
}

/** Everything one calculation needs; cheap to build per request. */
export interface CalcContext {
  readonly model: DataModel;
  readonly state: CalcState;
  readonly inference: Inference;
  /** App variables by name, as their definition text (for `$(name)` and bare names). */
  readonly variables: ReadonlyMap<string, string>;
  /** Number and date formatting settings of the app (from its locale variables). */
  readonly locale: LocaleSettings;
  readonly evaluate?: ScalarEvaluator;
  /** Runs inference for a temporary state (set analysis); defaults to the engine's `infer`. */
  readonly infer?: (model: DataModel, view: SelectionView) => Inference;
  /** The app's shared result cache (one per app, across its sessions); none = no memo. */
  readonly cache?: ResultCache;
  /** The user's data-reduction key (row-level security); empty until section access exists. */
  readonly dataReductionKey?: string;
}
