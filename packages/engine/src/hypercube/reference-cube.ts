import type { DataModel } from '../model/data-model.js';
import type { SelectionView } from '../selection/selection-view.js';

/**
 * A slow, literal straight cube for differential tests. It materialises the full natural outer
 * join of the islands holding `root` and `dimensionRoot` (tables linked through fields held by several tables that are
 * not loosely coupled), keeps the join rows that satisfy every selection (absent = null, which
 * no selection accepts), and takes as cube rows the dimension tuples of join rows that contain a
 * record of `root` (the measure's table) or of `dimensionRoot` (the first dimension's table).
 * A measure aggregates the distinct `root` records seen with each tuple. Exponential: small
 * models only.
 */
export interface ReferenceCubeRow {
  /** Dimension codes (0 = null). */
  readonly codes: readonly number[];
  /** Distinct records of the root table associated with the row. */
  readonly rootRows: readonly number[];
}

export function referenceCube(
  model: DataModel,
  state: SelectionView,
  dimensions: readonly number[],
  root: number,
  dimensionRoot: number,
): ReferenceCubeRow[] {
  const selected = new Map(
    state.selectedFields().map((f) => [f, new Set(state.selectedSymbols(f).map((s) => s + 1))]),
  );
  const rows = new Map<string, { codes: number[]; rootRows: Set<number> }>();
  // The two roots may sit in different islands (a loosely coupled table is one on its own).
  for (const start of root === dimensionRoot ? [root] : [root, dimensionRoot]) {
    const island = islandOf(model, start);
    const islandFields = new Set(
      island.flatMap((t) => model.tables[t]!.columns.map((c) => c.field)),
    );
    const at = island.indexOf(start);
    for (const combo of outerJoin(model, island)) {
      if (combo[at]! < 0) continue;
      const codeOf = (field: number) => {
        for (let i = 0; i < island.length; i++) {
          const row = combo[i]!;
          const column = model.tables[island[i]!]!.columns.find((c) => c.field === field);
          if (row >= 0 && column && column.codes[row] !== 0) return column.codes[row]!;
        }
        return 0;
      };
      const satisfies = [...selected].every(
        ([f, codes]) => !islandFields.has(f) || codes.has(codeOf(f)),
      );
      if (!satisfies) continue;
      const codes = dimensions.map(codeOf);
      const key = codes.join(',');
      let entry = rows.get(key);
      if (!entry) {
        entry = { codes, rootRows: new Set() };
        rows.set(key, entry);
      }
      if (start === root) entry.rootRows.add(combo[at]!);
    }
  }
  return [...rows.values()].map((r) => ({
    codes: r.codes,
    rootRows: [...r.rootRows].sort((a, b) => a - b),
  }));
}

function isLink(model: DataModel, field: number): boolean {
  return model.fields[field]!.tables.filter((t) => !model.tables[t]!.isLooselyCoupled).length > 1;
}

/** The tables associated with `start`, breadth-first; a loosely coupled table stands alone. */
function islandOf(model: DataModel, start: number): number[] {
  const island = [start];
  for (let i = 0; i < island.length; i++) {
    const table = model.tables[island[i]!]!;
    if (table.isLooselyCoupled) continue;
    for (const column of table.columns) {
      if (!isLink(model, column.field)) continue;
      for (const other of model.fields[column.field]!.tables) {
        if (!island.includes(other) && !model.tables[other]!.isLooselyCoupled) island.push(other);
      }
    }
  }
  return island;
}

/** Full outer join in breadth-first order; each table meets the joined ones over one link. */
function outerJoin(model: DataModel, island: readonly number[]): Int32Array[] {
  let combos: Int32Array[] = [];
  const first = model.tables[island[0]!]!;
  for (let row = 0; row < first.rowCount; row++) {
    const combo = new Int32Array(island.length).fill(-1);
    combo[0] = row;
    combos.push(combo);
  }
  for (let i = 1; i < island.length; i++) {
    const table = model.tables[island[i]!]!;
    const link = table.columns.find(
      (c) =>
        isLink(model, c.field) &&
        island.slice(0, i).some((t) => model.tables[t]!.columns.some((o) => o.field === c.field)),
    )!;
    const keyOf = (combo: Int32Array) => {
      for (let j = 0; j < i; j++) {
        const column = model.tables[island[j]!]!.columns.find((c) => c.field === link.field);
        const row = combo[j]!;
        if (column && row >= 0 && column.codes[row] !== 0) return column.codes[row]!;
      }
      return 0;
    };
    const matched = new Uint8Array(table.rowCount);
    const next: Int32Array[] = [];
    for (const combo of combos) {
      const key = keyOf(combo);
      let found = false;
      for (let row = 0; key !== 0 && row < table.rowCount; row++) {
        if (link.codes[row] !== key) continue;
        const extended = combo.slice();
        extended[i] = row;
        next.push(extended);
        matched[row] = 1;
        found = true;
      }
      if (!found) next.push(combo);
    }
    for (let row = 0; row < table.rowCount; row++) {
      if (matched[row]) continue;
      const combo = new Int32Array(island.length).fill(-1);
      combo[i] = row;
      next.push(combo);
    }
    combos = next;
  }
  return combos;
}
