import { type DataModel, numOf, textOf, type Value } from '@cairn/engine';
import { readQvd } from '@cairn/formats';

/** A model table's rows as the texts a chart would show (null as null), for assertions. */
export function tableTexts(model: DataModel, table: string): (string | null)[][] {
  const found = model.tableByName(table);
  if (found === undefined)
    throw new Error(`no table ${table} in ${model.tables.map((t) => t.name).join(', ')}`);
  const rows: (string | null)[][] = [];
  for (let r = 0; r < found.rowCount; r++) {
    rows.push(
      found.columns.map((column) => {
        const code = column.codes[r] as number;
        return code === 0 ? null : (model.fields[column.field]?.symbols.text(code - 1) ?? null);
      }),
    );
  }
  return rows;
}

export function fieldNames(model: DataModel, table: string): string[] {
  const found = model.tableByName(table);
  return found === undefined
    ? []
    : found.columns.map((column) => model.fields[column.field]?.name ?? '?');
}

/** A QVD's field names and rows as [number, text] pairs, to compare files cell by cell. */
export function qvdCells(bytes: Uint8Array): {
  fields: string[];
  rows: [number | null, string | null][][];
} {
  const table = readQvd(bytes, 'compare.qvd');
  const batch = table.batches[0];
  if (batch === undefined) return { fields: [], rows: [] };
  const rows: [number | null, string | null][][] = [];
  for (let r = 0; r < batch.rowCount; r++) {
    rows.push(
      batch.columns.map((column) => {
        const value: Value =
          column.kind === 'indexed'
            ? (column.indexes[r] as number) < 0
              ? null
              : (column.symbols[column.indexes[r] as number] ?? null)
            : (column.values[r] ?? null);
        const number = numOf(value);
        return [Number.isNaN(number) ? null : number, textOf(value)];
      }),
    );
  }
  return { fields: batch.columns.map((column) => column.name), rows };
}
