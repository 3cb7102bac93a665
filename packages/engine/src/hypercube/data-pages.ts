import { valueAt } from '../aggregate/group-results.js';
import type { CalcContext } from '../calc/calc-context.js';
import { EngineError, engineErrorCodes } from '../calc/engine-error.js';
import { dimensionCell, measureCell } from './cells.js';
import type { CubeResult } from './cube-result.js';
import type { HyperCubeDef, NxCell, NxDataPage, NxPage } from './hypercube-def.js';

/** Qlik refuses data pages larger than this many cells (research/engine-protocol.md §3.2). */
export const maxPageCells = 10_000;

/**
 * One data page: the requested rectangle clipped to the cube, columns in `qColumnOrder` when it
 * is a full permutation (else dimensions then measures). `qArea` reports what was returned, with
 * `qTop`/`qLeft` echoing the request.
 */
export function dataPage(
  ctx: CalcContext,
  def: HyperCubeDef,
  result: CubeResult,
  page: NxPage,
): NxDataPage {
  const top = page.qTop ?? 0;
  const left = page.qLeft ?? 0;
  const width = page.qWidth ?? 0;
  const height = page.qHeight ?? 0;
  if (width * height > maxPageCells) {
    throw new EngineError(
      engineErrorCodes.pagesTooLarge,
      JSON.stringify(page),
      `A data page of ${width} x ${height} = ${width * height} cells is over the limit of ${maxPageCells}`,
    );
  }
  const columns = columnOrder(def, result);
  const rowCount = cubeHeight(result);
  const rowEnd = Math.min(rowCount, top + height);
  const colEnd = Math.min(columns.length, left + width);
  const matrix: NxCell[][] = [];
  for (let r = top; r < rowEnd; r++) {
    const cells: NxCell[] = [];
    for (let c = left; c < colEnd; c++) cells.push(cell(ctx, def, result, r, columns[c]!));
    matrix.push(cells);
  }
  return {
    qMatrix: matrix,
    qTails: [],
    qArea: {
      qLeft: left,
      qTop: top,
      qWidth: Math.max(0, colEnd - left),
      qHeight: Math.max(0, rowEnd - top),
    },
    qIsReduced: false,
  };
}

/** Rows of the cube: one per shown combination, or one when there are only measures. */
export function cubeHeight(result: CubeResult): number {
  if (result.columns.dimensions.length === 0) return result.columns.measures.length > 0 ? 1 : 0;
  return result.rows.length;
}

export function columnOrder(def: HyperCubeDef, result: CubeResult): number[] {
  const count = result.columns.dimensions.length + result.columns.measures.length;
  const order = def.qColumnOrder ?? [];
  const isPermutation =
    order.length === count &&
    new Set(order).size === count &&
    order.every((c) => c >= 0 && c < count);
  return isPermutation ? [...order] : Array.from({ length: count }, (_, i) => i);
}

function cell(
  ctx: CalcContext,
  def: HyperCubeDef,
  result: CubeResult,
  row: number,
  column: number,
): NxCell {
  const { dimensions } = result.columns;
  const group = dimensions.length === 0 ? 0 : result.rows[row]!;
  if (column < dimensions.length) {
    const field = dimensions[column]!;
    return dimensionCell(
      field,
      result.table.index.code(group, column),
      ctx.inference.fields[field.index]!.states,
    );
  }
  const m = column - dimensions.length;
  return measureCell(
    valueAt(result.table.measures[m]!, group),
    def.qMeasures?.[m]?.qDef.qNumFormat,
    ctx.locale,
  );
}
