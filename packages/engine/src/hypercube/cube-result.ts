import type { GroupResults } from '../aggregate/group-results.js';
import { valueAt } from '../aggregate/group-results.js';
import type { CalcContext } from '../calc/calc-context.js';
import { type CubeTable, computeCubeTable } from '../calc/cube-table.js';
import { contextFingerprint, resultKey } from '../calc/result-cache.js';
import { parseExpression } from '../expression/parser.js';
import type { Value } from '../model/value.js';
import type { HyperCubeDef } from './hypercube-def.js';
import { type ResolvedColumns, resolveColumns } from './resolve-columns.js';
import { type ColumnSort, dimensionSort, measureSort, sortGroups } from './sort-rows.js';

/** A computed straight cube: its rows in display order, before paging and cell formatting. */
export interface CubeResult {
  readonly columns: ResolvedColumns;
  readonly table: CubeTable;
  /** Groups of `table` to show, in display order (after suppression and sorting). */
  readonly rows: Int32Array;
  /** Each measure over the whole state (the grand total row); empty without dimensions too. */
  readonly totals: readonly Value[];
  readonly sorts: readonly ColumnSort[];
  readonly interColumnOrder: readonly number[];
}

/** Computes (or takes from the app's cache) the rows of a straight cube. */
export function cubeResult(ctx: CalcContext, def: HyperCubeDef): CubeResult {
  const key =
    ctx.cache &&
    resultKey(
      'cube',
      ctx.model.id,
      ctx.inference.stateHash,
      definitionKey(def) + contextFingerprint(ctx),
      ctx.dataReductionKey,
    );
  if (key) {
    const cached = ctx.cache!.get<CubeResult>(key);
    if (cached) return cached;
  }
  const result = computeCubeResult(ctx, def);
  if (key)
    ctx.cache!.set(
      key,
      result,
      result.rows.length * (result.columns.dimensions.length + result.columns.measures.length) + 1,
    );
  return result;
}

/** The parts of a definition a result depends on (paging and custom keys do not). */
export function definitionKey(def: HyperCubeDef): string {
  return JSON.stringify([
    def.qDimensions?.map((d) => [
      d.qDef.qFieldDefs,
      d.qDef.qSortCriterias,
      d.qDef.qReverseSort,
      d.qNullSuppression,
    ]),
    def.qMeasures?.map((m) => [m.qDef.qDef, m.qSortBy, m.qDef.qReverseSort]),
    def.qInterColumnSortOrder,
    def.qSuppressZero,
    def.qSuppressMissing,
  ]);
}

function computeCubeResult(ctx: CalcContext, def: HyperCubeDef): CubeResult {
  const columns = resolveColumns(ctx.model, def);
  const dims = columns.dimensions.map((field) => field.index);
  // Sort-by-expression criteria are computed as hidden measures of the same cube.
  const sortExpressions = (def.qDimensions ?? []).map((d) => {
    const criteria = d.qDef.qSortCriterias?.[0];
    const text = criteria?.qSortByExpression
      ? criteria.qExpression?.qv?.trim().replace(/^=/, '')
      : '';
    return text ? parseExpression(text) : null;
  });
  const extra = sortExpressions.filter((e) => e !== null);
  const bareAggregates = columns.measures.every((m) => m.kind === 'aggregate');
  const table = computeCubeTable(ctx, dims, [...columns.measures, ...extra], {
    dimensionOnlyRows: !(def.qSuppressZero && columns.measures.length > 0 && bareAggregates),
  });
  const measureCount = columns.measures.length;
  const rows = suppress(table, def, measureCount);

  const cellCount = dims.length + measureCount;
  const interColumnOrder = effectiveOrder(def.qInterColumnSortOrder, cellCount);
  let extraIndex = measureCount;
  const sorts: ColumnSort[] = [];
  (def.qDimensions ?? []).forEach((d, slot) => {
    const field = columns.dimensions[slot]!;
    const expression = sortExpressions[slot] ? table.measures[extraIndex++]! : null;
    const states = ctx.inference.fields[field.index]!.states;
    sorts.push(
      dimensionSort(
        field,
        slot,
        table.index,
        d.qDef.qSortCriterias?.[0],
        d.qDef.qReverseSort === true,
        states,
        expression,
      ),
    );
  });
  (def.qMeasures ?? []).forEach((m, j) => {
    sorts.push(measureSort(table.measures[j]!, m.qSortBy, m.qDef.qReverseSort === true));
  });
  const ordered = sortGroups(
    rows,
    interColumnOrder.map((column) => sorts[column]!),
  );
  const totals = grandTotals(ctx, table, columns, dims.length);
  return {
    columns,
    table: { ...table, measures: table.measures.slice(0, measureCount) },
    rows: ordered,
    totals,
    sorts,
    interColumnOrder,
  };
}

/**
 * Drops rows as the definition asks: `qNullSuppression` rows null in that dimension,
 * `qSuppressZero` rows whose every measure is 0 or null. `qSuppressMissing` removes rows that
 * exist only as a cross product of dimensions, which a straight cube never builds.
 */
function suppress(table: CubeTable, def: HyperCubeDef, measureCount: number): Int32Array {
  const nullSlots = (def.qDimensions ?? []).flatMap((d, slot) =>
    d.qNullSuppression ? [slot] : [],
  );
  const measures = table.measures.slice(0, measureCount);
  const kept: number[] = [];
  for (let g = 0; g < table.index.size; g++) {
    if (nullSlots.some((slot) => table.index.code(g, slot) === 0)) continue;
    if (def.qSuppressZero && measures.length > 0 && measures.every((m) => isZeroOrNull(m, g)))
      continue;
    kept.push(g);
  }
  return Int32Array.from(kept);
}

function isZeroOrNull(results: GroupResults, group: number): boolean {
  const num = results.nums[group]!;
  if (num === 0) return true;
  return Number.isNaN(num) && (results.texts?.[group] ?? null) === null;
}

/** The def's inter-column order, completed with the missing columns in def order. */
function effectiveOrder(requested: readonly number[] | undefined, count: number): number[] {
  const order = (requested ?? []).filter(
    (c, i, all) => c >= 0 && c < count && all.indexOf(c) === i,
  );
  for (let c = 0; c < count; c++) if (!order.includes(c)) order.push(c);
  return order;
}

/**
 * Each measure evaluated over the whole state: its own aggregation, never a sum of rows unless
 * that is the same thing (an additive aggregation whose records each fell in one row).
 */
function grandTotals(
  ctx: CalcContext,
  table: CubeTable,
  columns: ResolvedColumns,
  dimCount: number,
): Value[] {
  const count = columns.measures.length;
  if (count === 0) return [];
  if (dimCount === 0) return table.measures.slice(0, count).map((m) => valueAt(m, 0));
  const totals = table.derivedTotals.slice(0, count);
  const missing = columns.measures.filter((_, j) => totals[j] === undefined);
  if (missing.length > 0) {
    const computed = computeCubeTable(ctx, [], missing).measures.map((m) => valueAt(m, 0));
    let next = 0;
    for (let j = 0; j < count; j++) if (totals[j] === undefined) totals[j] = computed[next++]!;
  }
  return totals.map((total) => total ?? null);
}
