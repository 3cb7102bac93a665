import {
  type AggregateName,
  aggregate,
  supportedAggregates,
} from '../aggregate/aggregate-functions.js';
import type { ArgumentColumn } from '../aggregate/argument-column.js';
import { type GroupResults, resultsOf, valueAt } from '../aggregate/group-results.js';
import type { AggregateCall, Expression } from '../expression/ast.js';
import type { Value } from '../model/value.js';
import { setScope } from '../set-analysis/set-scope.js';
import { argumentColumn, argumentRoot, constantText } from './aggregate-argument.js';
import { buildAssociationTree } from './association-tree.js';
import type { CalcContext } from './calc-context.js';
import { EngineError, engineErrorCodes } from './engine-error.js';
import { findCombinations, type RowGroups } from './find-combinations.js';
import { GroupIndex } from './group-index.js';
import { aggregateCallsOf } from './measure-calls.js';
import { type RowScope, scopeOf } from './row-scope.js';

/**
 * A straight table: the distinct dimension combinations present in the associated data and one
 * result per measure and combination. Combinations are the union of those reached from each
 * aggregation's records (under its own set expression) and those of the dimensions' own tables
 * under the current state, so a customer without orders still gets a row (with Sum 0).
 *
 * Known gap: join rows made only of records of other tables (say a product nobody ordered, in a
 * cube of Customer by Sum(Amount) with Product as second dimension) are not rows here; the
 * outer-join reference in hypercube/reference-cube.ts pins the same rule.
 */
export interface CubeTable {
  readonly index: GroupIndex;
  readonly dimensionFields: readonly number[];
  /** Per measure, one result per group (`index.size` groups). */
  readonly measures: readonly GroupResults[];
  /**
   * Groups below this number were reached from some aggregation's records; the rest come only
   * from the dimensions' own tables (no associated data for any measure).
   */
  readonly dataGroupCount: number;
  /**
   * Per measure, its value over the whole scope when it could be added up from the groups (a
   * bare non-DISTINCT Sum/Count/Min/Max whose records each fell in one group); else undefined.
   */
  readonly derivedTotals: readonly (Value | undefined)[];
}

interface PlannedCall {
  readonly call: AggregateCall;
  readonly name: AggregateName;
  readonly scope: RowScope;
  readonly root: number;
  /** Dimension slots that still split this call: all without TOTAL, some with TOTAL <...>. */
  readonly slots: readonly number[];
}

export interface CubeTableOptions {
  /**
   * Add the combinations of the dimensions' own tables that no aggregation reaches (default
   * true). A caller that suppresses rows whose measures are all 0 or null can skip them when
   * every measure is a bare aggregation, since such rows are exactly those.
   */
  readonly dimensionOnlyRows?: boolean;
}

export function computeCubeTable(
  ctx: CalcContext,
  dimensionFields: readonly number[],
  measures: readonly Expression[],
  options: CubeTableOptions = {},
): CubeTable {
  const { model } = ctx;
  const base = scopeOf(ctx.inference);
  const index = new GroupIndex(dimensionFields.map((f) => model.fields[f]!.symbols.size + 1));
  if (dimensionFields.length === 0) index.groupOf(0);
  const pairCache = new Map<string, RowGroups>();
  const pairsFor = (root: number, scope: RowScope): RowGroups => {
    const key = `${root}|${scope.stateKey}`;
    let pairs = pairCache.get(key);
    if (!pairs) {
      const tree = buildAssociationTree(model, root, dimensionFields);
      if (!tree) throw unlinked(ctx, root, dimensionFields);
      pairs = findCombinations(model, tree, dimensionFields, scope, index);
      pairCache.set(key, pairs);
    }
    return pairs;
  };

  const plans = measures.map((measure) =>
    aggregateCallsOf(measure).map((call) => planCall(ctx, call, base, dimensionFields)),
  );
  const full = (plan: PlannedCall) => plan.slots.length === dimensionFields.length;
  // Every aggregation's records define rows, TOTAL ones included (their rows exist in the data
  // even though the value ignores the dimensions).
  for (const plan of plans.flat()) pairsFor(plan.root, plan.scope);
  const dataGroupCount = index.size;
  if (dimensionFields.length > 0 && options.dimensionOnlyRows !== false) {
    pairsFor(model.fields[dimensionFields[0]!]!.tables[0]!, base);
  }
  const groupCount = index.size;

  const derivedTotals: (Value | undefined)[] = [];
  const results = plans.map((calls, m) => {
    const callResults = new Map<AggregateCall, GroupResults>();
    for (const plan of calls) {
      const result = full(plan)
        ? runCall(ctx, plan, pairsFor(plan.root, plan.scope), groupCount)
        : runTotalCall(ctx, plan, index, dimensionFields, groupCount);
      callResults.set(plan.call, result);
    }
    const measure = measures[m]!;
    const plan = calls[0];
    if (measure.kind !== 'aggregate' || !plan) {
      derivedTotals.push(undefined);
      return evaluatePerGroup(ctx, measure, callResults, index, dimensionFields);
    }
    const result = callResults.get(measure)!;
    const functional = full(plan) && pairsFor(plan.root, plan.scope).functional;
    derivedTotals.push(
      functional && measure.distinct !== 'distinct' ? totalOf(plan.name, result) : undefined,
    );
    return result;
  });
  return { index, dimensionFields, measures: results, dataGroupCount, derivedTotals };
}

/** The whole-scope value of an additive aggregation from its per-group values. */
function totalOf(name: AggregateName, result: GroupResults): Value | undefined {
  const { nums } = result;
  if (name === 'sum' || name === 'count') {
    let total = 0;
    for (let g = 0; g < nums.length; g++) total += nums[g]!;
    return total;
  }
  if (name !== 'min' && name !== 'max') return undefined;
  let best = Number.NaN;
  for (let g = 0; g < nums.length; g++) {
    const v = nums[g]!;
    if (Number.isNaN(v)) continue;
    if (Number.isNaN(best) || (name === 'min' ? v < best : v > best)) best = v;
  }
  return Number.isNaN(best) ? null : best;
}

function planCall(
  ctx: CalcContext,
  call: AggregateCall,
  base: RowScope,
  dimensionFields: readonly number[],
): PlannedCall {
  const name = call.name.toLowerCase();
  if (!supportedAggregates.has(name)) {
    throw new EngineError(
      engineErrorCodes.invalidParameters,
      call.name,
      `The aggregation '${call.name}' is not supported yet`,
    );
  }
  const root = argumentRoot(ctx, call);
  const scope = call.set ? setScope(ctx, call.set, root) : base;
  let slots = dimensionFields.map((_, slot) => slot);
  if (call.total) {
    const kept = call.total.fields ?? [];
    slots = slots.filter((slot) => kept.includes(ctx.model.fields[dimensionFields[slot]!]!.name));
  }
  return { call, name: name as AggregateName, scope, root, slots };
}

function runCall(
  ctx: CalcContext,
  plan: PlannedCall,
  pairs: RowGroups,
  groupCount: number,
): GroupResults {
  const { call } = plan;
  const column = argumentColumn(ctx, call.args[0], plan.root, plan.scope);
  const weight: ArgumentColumn | undefined =
    plan.name === 'concat' && call.args[2]
      ? argumentColumn(ctx, call.args[2], plan.root, plan.scope)
      : undefined;
  return aggregate({
    name: plan.name,
    distinct: call.distinct === 'distinct',
    column,
    pairs: { rows: pairs.rows, groups: pairs.groups, from: 0, to: pairs.length },
    groupCount,
    delimiter: plan.name === 'concat' && call.args[1] ? constantText(ctx, call.args[1]) : '',
    weight,
  });
}

/**
 * `TOTAL` and `TOTAL <fields>`: aggregate by the kept dimensions only (each record once per
 * kept combination), then give every chart row the result of its kept combination.
 */
function runTotalCall(
  ctx: CalcContext,
  plan: PlannedCall,
  index: GroupIndex,
  dimensionFields: readonly number[],
  groupCount: number,
): GroupResults {
  const keptFields = plan.slots.map((slot) => dimensionFields[slot]!);
  const subIndex = new GroupIndex(keptFields.map((f) => ctx.model.fields[f]!.symbols.size + 1));
  if (keptFields.length === 0) subIndex.groupOf(0);
  const tree = buildAssociationTree(ctx.model, plan.root, keptFields);
  if (!tree) throw unlinked(ctx, plan.root, keptFields);
  const pairs = findCombinations(ctx.model, tree, keptFields, plan.scope, subIndex);
  const toSub = new Int32Array(groupCount);
  for (let g = 0; g < groupCount; g++) {
    let key = 0;
    plan.slots.forEach((slot, j) => {
      key += index.code(g, slot) * subIndex.weights[j]!;
    });
    toSub[g] = subIndex.groupOf(key);
  }
  const sub = runCall(ctx, plan, pairs, subIndex.size);
  return {
    nums: Float64Array.from(toSub, (s) => sub.nums[s]!),
    texts: sub.texts ? Array.from(toSub, (s) => sub.texts![s] ?? null) : null,
  };
}

/** A measure that combines aggregations (`Sum(A)/Count(B)`), evaluated once per group. */
function evaluatePerGroup(
  ctx: CalcContext,
  measure: Expression,
  callResults: ReadonlyMap<AggregateCall, GroupResults>,
  index: GroupIndex,
  dimensionFields: readonly number[],
): GroupResults {
  const evaluate = requireEvaluator(ctx, measure);
  const values: Value[] = [];
  for (let g = 0; g < index.size; g++) {
    values.push(
      evaluate(measure, {
        aggregate: (call) => {
          const result = callResults.get(call);
          return result ? valueAt(result, g) : null;
        },
        // A bare field in a measure reads the row's dimension value when it is one. Known gap:
        // any other field is left to the evaluator (a variable or an error), where Qlik would
        // take Only(field) over the row's records.
        field: (name) => {
          const slot = dimensionFields.findIndex((f) => ctx.model.fields[f]!.name === name);
          if (slot < 0) return undefined;
          const code = index.code(g, slot);
          return code === 0
            ? null
            : ctx.model.fields[dimensionFields[slot]!]!.symbols.value(code - 1);
        },
      }),
    );
  }
  return resultsOf(values);
}

export function requireEvaluator(ctx: CalcContext, expression: Expression) {
  if (!ctx.evaluate) {
    throw new EngineError(
      engineErrorCodes.invalidParameters,
      String(expression.kind),
      'This expression needs the scalar evaluator, which the calculation context lacks',
    );
  }
  return ctx.evaluate;
}

function unlinked(ctx: CalcContext, root: number, fields: readonly number[]): EngineError {
  const names = fields.map((f) => ctx.model.fields[f]!.name).join(', ');
  // Qlik would form the cartesian product of unlinked data islands; Cairn does not yet.
  return new EngineError(
    engineErrorCodes.invalidParameters,
    names,
    `Table '${ctx.model.tables[root]!.name}' is not associated with every field of ${names}`,
  );
}
