import type { CalcContext } from '../calc/calc-context.js';
import { contextFingerprint, resultKey } from '../calc/result-cache.js';
import { measureCell } from './cells.js';
import { dimensionInfo, measureInfo } from './column-info.js';
import { cubeResult, definitionKey } from './cube-result.js';
import { cubeHeight, dataPage } from './data-pages.js';
import type { HyperCubeDef, NxDataPage, NxPage } from './hypercube-def.js';

/**
 * `qHyperCubeDef` → `qHyperCube` in straight mode (research/engine-protocol.md §3.2–§3.4),
 * with the pages of `qInitialDataFetch`. Results are memoised in the context's cache, so the
 * same definition in a state any session already reached costs a lookup. The layout is shared:
 * callers serialise it and must not change it.
 *
 * Known gaps: calculation conditions (`qCalcCondition`, hidden columns), `qOtherTotalSpec` and
 * attribute expressions are not evaluated; master items (`qLibraryId`) must be resolved by the
 * caller into inline definitions.
 */
export function computeHyperCube(ctx: CalcContext, def: HyperCubeDef): Record<string, unknown> {
  const key =
    ctx.cache &&
    resultKey(
      'layout',
      ctx.model.id,
      ctx.inference.stateHash,
      `${definitionKey(def)}${JSON.stringify([def.qInitialDataFetch, def.qColumnOrder, def.qDimensions, def.qMeasures])}${contextFingerprint(ctx)}`,
      ctx.dataReductionKey,
    );
  if (key) {
    const cached = ctx.cache!.get<Record<string, unknown>>(key);
    if (cached) return cached;
  }
  const result = cubeResult(ctx, def);
  const dims = def.qDimensions ?? [];
  const measures = def.qMeasures ?? [];
  const layout = {
    qStateName: def.qStateName || '$',
    qSize: { qcx: dims.length + measures.length, qcy: cubeHeight(result) },
    qDimensionInfo: dims.map((d, slot) => dimensionInfo(ctx, result, slot, d, result.sorts[slot]!)),
    qMeasureInfo: measures.map((m, j) =>
      measureInfo(ctx, result, j, m, result.sorts[dims.length + j]!),
    ),
    qEffectiveInterColumnSortOrder: [...result.interColumnOrder],
    qGrandTotalRow: result.totals.map((value, j) =>
      measureCell(value, measures[j]?.qDef.qNumFormat, ctx.locale, true),
    ),
    qDataPages: (def.qInitialDataFetch ?? []).map((page) => dataPage(ctx, def, result, page)),
    qPivotDataPages: [],
    qStackedDataPages: [],
    qMode: 'S',
    qNoOfLeftDims: -1,
    qTreeNodesOnDim: [],
    qColumnOrder: def.qColumnOrder ?? [],
    qHasOtherValues: false,
    qCalcCondMsg: '',
    qTitle: '',
  };
  if (key)
    ctx.cache!.set(key, layout, 1 + layout.qDataPages.reduce((n, p) => n + p.qMatrix.length, 0));
  return layout;
}

/** `GetHyperCubeData`: the requested pages of a cube (each page at most 10,000 cells). */
export function getHyperCubeData(
  ctx: CalcContext,
  def: HyperCubeDef,
  pages: readonly NxPage[],
): NxDataPage[] {
  const result = cubeResult(ctx, def);
  return pages.map((page) => dataPage(ctx, def, result, page));
}
