import type { LocaleSettings } from '../format/locale.js';
import type { Value } from '../model/value.js';
import type { AggregateCall, Expression } from './ast.js';

/**
 * What the scalar evaluator needs from whoever runs it: the load script for one source row,
 * a chart for one hypercube cell, `$(=...)` for no row at all.
 */
export interface EvaluationScope {
  readonly locale: LocaleSettings;
  /** The value of a field in the current row; `undefined` when no such field exists. */
  field(name: string): Value | undefined;
  /** A variable referred to by bare name when no field has that name. */
  variable?(name: string): Value | undefined;
  /** Functions that depend on the host: RecNo, RowNo, IterNo, Peek, Previous, Exists, ... */
  readonly rowFunctions?: RowFunctionHost;
  /** Evaluates aggregation calls (Sum, Count, Aggr ...); absent where none are allowed. */
  readonly aggregates?: AggregateEvaluator;
  /** The current time as a date serial (Now(), Today()); defaults to the system clock, UTC. */
  now?(): number;
  /** A uniform random number in [0, 1) for Rand(); defaults to Math.random. */
  random?(): number;
}

/**
 * A function call the host answers. Arguments are given unevaluated because several row
 * functions need the expression itself: `Previous(expr)` evaluates it on the previous record,
 * `Exists(F, expr)` on the current one.
 */
export interface RowFunctionCall {
  /** The function name in lower case. */
  readonly name: string;
  readonly args: readonly Expression[];
  /** Evaluates an argument in the current row. */
  evaluate(argument: Expression): Value;
}

export interface RowFunctionHost {
  /** Lower-case names this host answers; checked before the built-in function library. */
  readonly names: ReadonlySet<string>;
  call(call: RowFunctionCall): Value;
}

/**
 * Implemented by the aggregation layer: evaluates one aggregation call (with its set
 * expression, DISTINCT and TOTAL) for the current chart cell or GROUP BY group.
 */
export interface AggregateEvaluator {
  evaluateAggregate(call: AggregateCall, scope: EvaluationScope): Value;
}
