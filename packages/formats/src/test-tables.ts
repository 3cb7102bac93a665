import { Dual, type TableInput, type Value } from '@cairn/engine';

/** A one-batch table of `values` columns, for tests. */
export function valuesTable(name: string, columns: Record<string, readonly Value[]>): TableInput {
  const entries = Object.entries(columns);
  return {
    name,
    batches: [
      {
        rowCount: entries[0]?.[1].length ?? 0,
        columns: entries.map(([field, values]) => ({ kind: 'values', name: field, values })),
      },
    ],
  };
}

/** Every column of a read table as plain values per row. */
export function rowsOf(table: TableInput): Value[][] {
  const batch = table.batches[0];
  if (batch === undefined) return [];
  return Array.from({ length: batch.rowCount }, (_, r) =>
    batch.columns.map((c) => {
      if (c.kind === 'values') return c.values[r] ?? null;
      const i = c.indexes[r] as number;
      return i < 0 ? null : (c.symbols[i] ?? null);
    }),
  );
}

export const d = (num: number, text: string): Dual => new Dual(num, text);
