import type { TableInput } from '../model/column-batch.js';
import type { Value } from '../model/value.js';

/** A one-batch `TableInput` from named value columns, for tests and examples. */
export function tableInput(
  name: string,
  columns: Readonly<Record<string, readonly Value[]>>,
): TableInput {
  const entries = Object.entries(columns);
  const rowCount = entries[0]?.[1].length ?? 0;
  return {
    name,
    batches: [
      {
        rowCount,
        columns: entries.map(([column, values]) => ({ kind: 'values', name: column, values })),
      },
    ],
  };
}
