import type { DataModel } from '../model/data-model.js';
import type { AssociationGraph } from './association-graph.js';
import { markCodesOfRows, markPossibleCodes } from './kernels.js';
import type { Propagation } from './propagate.js';

/**
 * The codes of a field that occur in possible rows of any table holding it (slot 0, null, is
 * always 0). Tables no selection reached use the cached presence of the column; sparse tables
 * gather over a row list; dense ones scan and stop once every symbol has been seen.
 */
export function possibleCodes(
  model: DataModel,
  graph: AssociationGraph,
  propagation: Propagation,
  field: number,
): Uint8Array {
  const size = model.fields[field]?.symbols.size ?? 0;
  const out = new Uint8Array(size + 1);
  let marked = 0;
  for (const t of model.fields[field]?.tables ?? []) {
    const table = model.tables[t];
    const column = table?.columns.findIndex((c) => c.field === field) ?? -1;
    const codes = table?.columns[column]?.codes;
    const possible = propagation.possible[t];
    if (table === undefined || codes === undefined || possible === undefined) continue;
    const count = propagation.possibleCount[t] ?? 0;
    if (count === 0) continue;
    if (possible === graph.allRows[t]) {
      const present = graph.presence(t, column);
      for (let code = 0; code <= size; code++)
        out[code] = (out[code] as number) | (present[code] as number);
    } else if (propagation.rowLists.has(t)) {
      markCodesOfRows(codes, propagation.rowLists.get(t) as Uint32Array, out, 0, count);
    } else {
      marked += markPossibleCodes(codes, possible, out, size + 1 - marked, 0, codes.length);
    }
    if (marked >= size + 1) break;
  }
  out[0] = 0;
  return out;
}
