import type { Value } from '@cairn/engine';
import { ScriptTable } from './script-table.js';

/**
 * CROSSTABLE (attribute, data, n): the first n fields are kept; every other field becomes rows of
 * (attribute = the field's name, data = its value), row by row and field by field.
 */
export function crosstable(
  input: ScriptTable,
  attribute: string,
  data: string,
  qualifiers: number,
): ScriptTable {
  const kept = input.columns.slice(0, qualifiers);
  const spread = input.columns.slice(qualifiers);
  const output = new ScriptTable(input.name, [
    ...kept.map((column) => column.name),
    attribute,
    data,
  ]);
  const row: Value[] = new Array(kept.length + 2);
  for (let r = 0; r < input.rowCount; r++) {
    kept.forEach((column, i) => {
      row[i] = column.valueAt(r);
    });
    for (const column of spread) {
      // The attribute is the field name as text (Qlik may number-interpret it, e.g. years: verify).
      row[kept.length] = column.name;
      row[kept.length + 1] = column.valueAt(r);
      output.pushRow(row);
    }
  }
  return output;
}
