import { EngineError, engineErrorCodes } from '../calc/engine-error.js';
import type { Expression } from '../expression/ast.js';
import { parseExpression } from '../expression/parser.js';
import type { DataModel, ModelField } from '../model/data-model.js';
import type { HyperCubeDef } from './hypercube-def.js';

export interface ResolvedColumns {
  readonly dimensions: readonly ModelField[];
  readonly measures: readonly Expression[];
  /** Measure texts as written without the leading `=`, for fallback titles. */
  readonly measureTexts: readonly string[];
}

/**
 * Resolves a cube definition's columns: field dimensions by name (`Country` or `[Country]`)
 * and measure expressions (nebula sends them with a leading `=`). Master items (`qLibraryId`)
 * are resolved by the caller into inline definitions before this point.
 */
export function resolveColumns(model: DataModel, def: HyperCubeDef): ResolvedColumns {
  const dimensions = (def.qDimensions ?? []).map((dimension, i) => {
    const written = dimension.qDef.qFieldDefs[0] ?? '';
    if (written.trim().startsWith('=')) {
      throw new EngineError(
        engineErrorCodes.invalidParameters,
        written,
        `Dimension ${i} '${written}' is a calculated dimension, which straight cubes do not support yet`,
      );
    }
    const name = fieldName(written);
    const field = model.fieldByName(name);
    if (!field) {
      throw new EngineError(
        engineErrorCodes.notFound,
        name,
        `Dimension ${i} names field '${name}', which the data model does not have`,
      );
    }
    return field;
  });
  const measureTexts = (def.qMeasures ?? []).map((measure) =>
    measure.qDef.qDef.trim().replace(/^=/, ''),
  );
  return { dimensions, measures: measureTexts.map((text) => parseExpression(text)), measureTexts };
}

/** `[Country names]` → `Country names` (a doubled `]]` stands for one `]`). */
export function fieldName(written: string): string {
  const trimmed = written.trim();
  if (trimmed.startsWith('[') && trimmed.endsWith(']'))
    return trimmed.slice(1, -1).replace(/]]/g, ']');
  return trimmed;
}
