import type { Inference } from '../inference/inference.js';
import type { DataModel, ModelField } from '../model/data-model.js';

/**
 * How often each symbol occurs in the possible rows of the largest table holding the field
 * (for a key field the most detailed table, usually the facts), and the row total. Qlik's exact
 * choice of table for key fields is not documented; this is our reading of it.
 */
export function symbolFrequencies(
  model: DataModel,
  inference: Inference,
  field: ModelField,
): { counts: Uint32Array; possibleTotal: number; allTotal: number } {
  const counts = new Uint32Array(field.symbols.size);
  let largest = -1;
  for (const t of field.tables) {
    if (largest < 0 || (model.tables[t]?.rowCount ?? 0) > (model.tables[largest]?.rowCount ?? 0))
      largest = t;
  }
  const table = model.tables[largest];
  const codes = table?.columns.find((c) => c.field === field.index)?.codes;
  const possible = inference.tables[largest]?.possible;
  let possibleTotal = 0;
  let allTotal = 0;
  if (codes && possible) {
    for (let row = 0; row < codes.length; row++) {
      const code = codes[row] as number;
      if (code === 0) continue;
      allTotal++;
      if (possible[row] === 1) {
        counts[code - 1] = (counts[code - 1] as number) + 1;
        possibleTotal++;
      }
    }
  }
  return { counts, possibleTotal, allTotal };
}
