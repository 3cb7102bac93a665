import { defaultLocale } from '../format/locale.js';
import { infer } from '../inference/infer.js';
import type { Inference } from '../inference/inference.js';
import type { DataModel } from '../model/data-model.js';
import type { CalcContext } from './calc-context.js';
import { scalarEvaluator } from './create-context.js';

/**
 * Test support until a session's real inference is at hand: a context with no selections, where
 * every row and every value is possible.
 */
export function unselectedContext(model: DataModel, extra: Partial<CalcContext> = {}): CalcContext {
  return {
    model,
    state: {
      selectedFields: () => [],
      selectedSymbols: () => [],
      isLocked: () => false,
      hash: () => 'none',
    },
    inference: allPossible(model),
    variables: new Map(),
    locale: defaultLocale,
    evaluate: scalarEvaluator(defaultLocale, new Map()),
    infer,
    ...extra,
  };
}

export function allPossible(model: DataModel): Inference {
  return {
    modelId: model.id,
    stateHash: 'none',
    fields: model.fields.map((field) => ({
      field: field.index,
      states: new Uint8Array(field.symbols.size + 1).fill(1).fill(0, 0, 1),
      counts: {
        qLocked: 0,
        qSelected: 0,
        qOption: field.symbols.size,
        qDeselected: 0,
        qAlternative: 0,
        qExcluded: 0,
        qSelectedExcluded: 0,
        qLockedExcluded: 0,
      },
    })),
    tables: model.tables.map((table) => ({
      table: table.index,
      possible: new Uint8Array(table.rowCount).fill(1),
      possibleCount: table.rowCount,
    })),
  };
}
