import { SymbolState } from '../inference/symbol-state.js';
import type { DataModel } from '../model/data-model.js';
import type { SelectionView } from '../selection/selection-view.js';

/** What the reference computes: per table the possible rows, per field states by code. */
export interface ReferenceInference {
  readonly possibleRows: readonly Uint8Array[];
  readonly states: readonly Uint8Array[];
}

/** One row of the materialised join: a row number per table of the island, -1 when absent. */
type Combination = Int32Array;

/**
 * A slow, literal implementation of the inference rule for differential tests: it materialises
 * the full natural outer join of every island (tables linked through fields held by more than
 * one table that is not loosely coupled), evaluates each combination against the selections
 * (a field's value is the code of any present table holding it; absent = null, which no
 * selection accepts) and reads states off the satisfying combinations. Exponential in the worst
 * case: use it on small models only.
 */
export function referenceInfer(model: DataModel, state: SelectionView): ReferenceInference {
  const selected = new Map<number, Set<number>>();
  for (const field of state.selectedFields()) {
    const symbols = state.selectedSymbols(field);
    if (symbols.length > 0) selected.set(field, new Set(symbols.map((s) => s + 1)));
  }
  const possible = possibleUnder(model, selected);
  const states = model.fields.map((field) => {
    const own = selected.get(field.index);
    let alternative: Uint8Array | undefined;
    if (own !== undefined) {
      const without = new Map(selected);
      without.delete(field.index);
      alternative = possibleUnder(model, without).values[field.index];
    }
    const values = possible.values[field.index] as Uint8Array;
    const locked = state.isLocked(field.index);
    const out = new Uint8Array(field.symbols.size + 1);
    for (let code = 1; code <= field.symbols.size; code++) {
      if (own?.has(code)) {
        if (values[code] === 1) out[code] = locked ? SymbolState.locked : SymbolState.selected;
        else out[code] = locked ? SymbolState.excludedLocked : SymbolState.excludedSelected;
      } else if (values[code] === 1) out[code] = SymbolState.optional;
      else if (alternative?.[code] === 1) out[code] = SymbolState.alternative;
      else out[code] = SymbolState.excluded;
    }
    return out;
  });
  return { possibleRows: possible.rows, states };
}

function possibleUnder(
  model: DataModel,
  selected: ReadonlyMap<number, ReadonlySet<number>>,
): { rows: Uint8Array[]; values: Uint8Array[] } {
  const rows = model.tables.map((t) => new Uint8Array(t.rowCount));
  const values = model.fields.map((f) => new Uint8Array(f.symbols.size + 1));
  const linkHolders = model.fields.map((f) =>
    f.tables.filter((t) => model.tables[t]?.isLooselyCoupled === false),
  );
  const isLink = (field: number) => (linkHolders[field]?.length ?? 0) > 1;
  for (const island of islands(model, isLink, linkHolders)) {
    const combos = outerJoin(model, island, isLink);
    const islandFields = new Set(
      island.flatMap((t) => model.tables[t]?.columns.map((c) => c.field) ?? []),
    );
    for (const combo of combos) {
      const codeIn = (field: number): number => {
        for (let i = 0; i < island.length; i++) {
          const row = combo[i] as number;
          const table = model.tables[island[i] as number];
          const column = table?.columns.find((c) => c.field === field);
          if (row >= 0 && column !== undefined && column.codes[row] !== 0)
            return column.codes[row] as number;
        }
        return 0;
      };
      const satisfies = [...selected].every(
        ([field, codes]) => !islandFields.has(field) || codes.has(codeIn(field)),
      );
      if (!satisfies) continue;
      island.forEach((t, i) => {
        const row = combo[i] as number;
        if (row >= 0) (rows[t] as Uint8Array)[row] = 1;
      });
      for (const field of islandFields) (values[field] as Uint8Array)[codeIn(field)] = 1;
    }
  }
  for (const v of values) v[0] = 0;
  return { rows, values };
}

/** Tables grouped by association, each island listed in breadth-first order from its first table. */
function islands(
  model: DataModel,
  isLink: (field: number) => boolean,
  linkHolders: readonly (readonly number[])[],
): number[][] {
  const seen = new Set<number>();
  const result: number[][] = [];
  for (const table of model.tables) {
    if (seen.has(table.index)) continue;
    const island = [table.index];
    seen.add(table.index);
    for (let i = 0; i < island.length; i++) {
      const t = model.tables[island[i] as number];
      if (t === undefined || t.isLooselyCoupled) continue;
      for (const column of t.columns) {
        if (!isLink(column.field)) continue;
        for (const partner of linkHolders[column.field] ?? []) {
          if (!seen.has(partner)) {
            seen.add(partner);
            island.push(partner);
          }
        }
      }
    }
    result.push(island);
  }
  return result;
}

/**
 * The full natural outer join of an island, joining tables in breadth-first order: each new
 * table meets the joined ones over exactly one link field (the graph is a forest). Rows match on
 * equal non-null codes; unmatched combinations and unmatched rows both survive.
 */
function outerJoin(
  model: DataModel,
  island: readonly number[],
  isLink: (field: number) => boolean,
): Combination[] {
  const first = model.tables[island[0] as number];
  let combos: Combination[] = [];
  for (let row = 0; row < (first?.rowCount ?? 0); row++) {
    const combo = new Int32Array(island.length).fill(-1);
    combo[0] = row;
    combos.push(combo);
  }
  for (let i = 1; i < island.length; i++) {
    const table = model.tables[island[i] as number];
    if (table === undefined) continue;
    const joined = island.slice(0, i);
    const link = table.columns.find(
      (c) =>
        isLink(c.field) &&
        joined.some((t) => model.tables[t]?.columns.some((o) => o.field === c.field)),
    );
    const keyOf = (combo: Combination): number => {
      for (let j = 0; j < i; j++) {
        const column = model.tables[island[j] as number]?.columns.find(
          (c) => c.field === link?.field,
        );
        const row = combo[j] as number;
        if (column !== undefined && row >= 0 && column.codes[row] !== 0)
          return column.codes[row] as number;
      }
      return 0;
    };
    const matchedRows = new Uint8Array(table.rowCount);
    const next: Combination[] = [];
    for (const combo of combos) {
      const key = keyOf(combo);
      let matched = false;
      for (let row = 0; key !== 0 && row < table.rowCount; row++) {
        if (link?.codes[row] !== key) continue;
        const extended = combo.slice();
        extended[i] = row;
        next.push(extended);
        matchedRows[row] = 1;
        matched = true;
      }
      if (!matched) next.push(combo);
    }
    for (let row = 0; row < table.rowCount; row++) {
      if (matchedRows[row] === 1) continue;
      const combo = new Int32Array(island.length).fill(-1);
      combo[i] = row;
      next.push(combo);
    }
    combos = next;
  }
  return combos;
}
