import type { CalcContext } from '../calc/calc-context.js';
import { EngineError, engineErrorCodes } from '../calc/engine-error.js';
import type { HyperCubeDef } from './hypercube-def.js';
import { resolveColumns } from './resolve-columns.js';

/** A selection a hypercube click asks for: symbols of one field. */
export interface HyperCubeSelection {
  readonly field: number;
  readonly fieldName: string;
  /** Symbol indexes, ascending, without duplicates. */
  readonly symbols: readonly number[];
}

/**
 * `SelectHyperCubeValues(path, dimNo, values, toggle)`: a dimension cell's `qElemNumber` is the
 * symbol index of its value, so the click maps straight to symbols of the dimension's field.
 * Special element numbers (-2 null, -3 others, -1 total) select nothing and are dropped.
 */
export function selectHyperCubeValues(
  ctx: CalcContext,
  def: HyperCubeDef,
  dimensionIndex: number,
  elemNumbers: readonly number[],
): HyperCubeSelection {
  const { dimensions } = resolveColumns(ctx.model, def);
  const field = dimensions[dimensionIndex];
  if (!field) {
    throw new EngineError(
      engineErrorCodes.invalidParameters,
      String(dimensionIndex),
      `Dimension ${dimensionIndex} does not exist; the cube has ${dimensions.length} dimensions`,
    );
  }
  const symbols = [...new Set(elemNumbers.filter((e) => e >= 0 && e < field.symbols.size))];
  return { field: field.index, fieldName: field.name, symbols: symbols.sort((a, b) => a - b) };
}
