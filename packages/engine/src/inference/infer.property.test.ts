import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../model/build-model.js';
import type { TableInput } from '../model/column-batch.js';
import { SelectionState } from '../selection/selection-state.js';
import {
  type RandomSelections,
  randomLongTablesArb,
  randomSelectionsArb,
  randomTablesArb,
} from '../testing/random-model.js';
import { referenceInfer } from '../testing/reference-inference.js';
import { infer } from './infer.js';

function agreesWithReference(tables: TableInput[], selections: RandomSelections): void {
  const model = buildModel(tables, { id: 'random' });
  const state = new SelectionState(model);
  for (const { field, symbols, lock } of selections) {
    const size = model.fieldByName(field)?.symbols.size ?? 0;
    const valid = symbols.filter((s) => s < size);
    if (valid.length === 0 || state.isLocked(field)) continue;
    state.select(field, valid);
    if (lock) state.lock(field);
  }
  const fast = infer(model, state);
  const reference = referenceInfer(model, state);
  expect(fast.fields.map((f) => [...f.states])).toEqual(reference.states.map((s) => [...s]));
  expect(fast.tables.map((t) => [...t.possible])).toEqual(
    reference.possibleRows.map((r) => [...r]),
  );
}

describe('infer against the materialised outer join', () => {
  it('infer gives the reference states and possible rows on random models and selections', () => {
    fc.assert(fc.property(randomTablesArb, randomSelectionsArb, agreesWithReference), {
      seed: 20261203,
      numRuns: 2000,
    });
  });

  it('infer agrees with the reference on longer tables with sparse selections', () => {
    fc.assert(fc.property(randomLongTablesArb, randomSelectionsArb, agreesWithReference), {
      seed: 20261204,
      numRuns: 300,
    });
  });
});
