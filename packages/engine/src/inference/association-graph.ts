import type { CodeArray, DataModel } from '../model/data-model.js';
import { markAllCodes } from './kernels.js';

/** A key field as seen from one table: the column and the other tables that hold the field. */
export interface TableLink {
  readonly field: number;
  readonly codes: CodeArray;
  /** Other tables (not loosely coupled) holding the field. */
  readonly partners: readonly number[];
}

/**
 * The association graph of a model, derived once and shared by every inference on it: tables
 * (except loosely coupled ones) linked through fields they hold in common. After circular
 * references are broken it is a forest, which is what makes propagation exact.
 */
export interface AssociationGraph {
  readonly links: readonly (readonly TableLink[])[];
  /** Component number per table; a loosely coupled table is a component of its own. */
  readonly component: Int32Array;
  /** For each table, a shared array of ones (all rows possible); never written to. */
  readonly allRows: readonly Uint8Array[];
  /** Codes present per table column (slot 0 = null), computed on first use. */
  presence(table: number, column: number): Uint8Array;
}

// Derived data of immutable models only; keyed weakly so a dropped model frees its graph.
const graphs = new WeakMap<DataModel, AssociationGraph>();

export function associationGraph(model: DataModel): AssociationGraph {
  let graph = graphs.get(model);
  if (graph === undefined) {
    graph = buildGraph(model);
    graphs.set(model, graph);
  }
  return graph;
}

function buildGraph(model: DataModel): AssociationGraph {
  const holders = model.fields.map((field) =>
    field.tables.filter((t) => model.tables[t]?.isLooselyCoupled === false),
  );
  const links = model.tables.map((table) => {
    if (table.isLooselyCoupled) return [];
    return table.columns
      .filter((column) => (holders[column.field]?.length ?? 0) > 1)
      .map((column) => ({
        field: column.field,
        codes: column.codes,
        partners: (holders[column.field] ?? []).filter((t) => t !== table.index),
      }));
  });
  const component = new Int32Array(model.tables.length).fill(-1);
  let next = 0;
  for (let start = 0; start < model.tables.length; start++) {
    if (component[start] !== -1) continue;
    const stack = [start];
    component[start] = next;
    while (stack.length > 0) {
      const table = stack.pop() as number;
      for (const link of links[table] ?? []) {
        for (const partner of link.partners) {
          if (component[partner] === -1) {
            component[partner] = next;
            stack.push(partner);
          }
        }
      }
    }
    next++;
  }
  const presenceCache = new Map<string, Uint8Array>();
  return {
    links,
    component,
    allRows: model.tables.map((table) => new Uint8Array(table.rowCount).fill(1)),
    presence(table, column) {
      const key = `${table}:${column}`;
      let present = presenceCache.get(key);
      if (present === undefined) {
        const col = model.tables[table]?.columns[column];
        const size = model.fields[col?.field ?? 0]?.symbols.size ?? 0;
        present = new Uint8Array(size + 1);
        if (col) markAllCodes(col.codes, present, 0, col.codes.length);
        presenceCache.set(key, present);
      }
      return present;
    },
  };
}
