import type { DataModel } from '../model/data-model.js';
import type { SelectionView } from '../selection/selection-view.js';
import { associationGraph } from './association-graph.js';
import type { FieldInference, Inference, StateCounts } from './inference.js';
import { possibleCodes } from './possible-codes.js';
import { propagate, type SelectionMasks } from './propagate.js';
import { SymbolState } from './symbol-state.js';

/**
 * Qlik's logical inference (research/engine-protocol.md §3.3): associated tables behave as one
 * full natural outer join, and a combination is possible when it satisfies every selection (a
 * missing partner is null, and null satisfies no selection). Per field it gives each value's
 * state: selected (S, or L when the field is locked), optional (O), alternative (A: possible if
 * the field's own selection were removed), excluded (X), or selected but excluded (XS / XL). Per
 * table it gives the possible rows. Tables that are not associated (islands) do not restrict
 * each other; a loosely coupled table is its own island.
 *
 * Known gap: treating a loosely coupled table as an island means a key field it shares shows
 * every value the loose table holds as possible; Qlik's exact rule for loose tables is not
 * documented, and this has not been checked against a real engine.
 */
export function infer(model: DataModel, state: SelectionView): Inference {
  const graph = associationGraph(model);
  const masks = selectionMasks(model, state);
  const propagation = propagate(model, graph, masks);
  const fields = model.fields.map((field): FieldInference => {
    const possible = possibleCodes(model, graph, propagation, field.index);
    const selected = masks.get(field.index);
    if (selected === undefined)
      return fieldStates(field.index, possible, undefined, undefined, false);
    const withoutOwn = new Map(masks);
    withoutOwn.delete(field.index);
    const alternative = possibleCodes(
      model,
      graph,
      propagate(model, graph, withoutOwn),
      field.index,
    );
    return fieldStates(field.index, possible, selected, alternative, state.isLocked(field.index));
  });
  const tables = model.tables.map((table) =>
    Object.freeze({
      table: table.index,
      possible: propagation.possible[table.index] as Uint8Array,
      possibleCount: propagation.possibleCount[table.index] ?? 0,
    }),
  );
  return Object.freeze({
    modelId: model.id,
    stateHash: state.hash(),
    fields: Object.freeze(fields),
    tables: Object.freeze(tables),
  });
}

function selectionMasks(model: DataModel, state: SelectionView): SelectionMasks {
  const masks = new Map<number, Uint8Array>();
  for (const field of state.selectedFields()) {
    const symbols = state.selectedSymbols(field);
    if (symbols.length === 0) continue;
    const mask = new Uint8Array((model.fields[field]?.symbols.size ?? 0) + 1);
    for (const symbol of symbols) mask[symbol + 1] = 1;
    masks.set(field, mask);
  }
  return masks;
}

function fieldStates(
  field: number,
  possible: Uint8Array,
  selected: Uint8Array | undefined,
  alternative: Uint8Array | undefined,
  locked: boolean,
): FieldInference {
  const states = new Uint8Array(possible.length);
  const counts = [0, 0, 0, 0, 0, 0, 0];
  for (let code = 1; code < possible.length; code++) {
    let state: number;
    if (selected?.[code] === 1) {
      if (possible[code] === 1) state = locked ? SymbolState.locked : SymbolState.selected;
      else state = locked ? SymbolState.excludedLocked : SymbolState.excludedSelected;
    } else if (possible[code] === 1) state = SymbolState.optional;
    else if (alternative?.[code] === 1) state = SymbolState.alternative;
    else state = SymbolState.excluded;
    states[code] = state;
    counts[state] = (counts[state] as number) + 1;
  }
  return Object.freeze({ field, states, counts: stateCounts(counts) });
}

function stateCounts(counts: readonly number[]): StateCounts {
  const at = (state: number) => counts[state] ?? 0;
  return Object.freeze({
    qLocked: at(SymbolState.locked),
    qSelected: at(SymbolState.selected),
    qOption: at(SymbolState.optional),
    qDeselected: 0,
    qAlternative: at(SymbolState.alternative),
    qExcluded: at(SymbolState.excluded),
    qSelectedExcluded: at(SymbolState.excludedSelected),
    qLockedExcluded: at(SymbolState.excludedLocked),
  });
}
