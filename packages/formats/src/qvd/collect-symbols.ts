import { Dual, type TableInput, type Value } from '@cairn/engine';

/** One field of a table about to be stored: distinct symbols and one symbol id per row. */
export interface FieldSymbols {
  readonly name: string;
  /** Distinct values in first-occurrence order of the rows, as Qlik writes them (§1.4). */
  readonly symbols: Value[];
  /** Per row, the symbol id; -1 = NULL. */
  readonly ids: Int32Array;
  readonly hasNull: boolean;
}

/**
 * Gathers each field's distinct values over all batches. Numbers (pure or dual) are keyed by
 * their number, texts by the exact string: inside one Qlik field a number has exactly one text,
 * the first one seen (research/script-qvd.md §1.8 step 1, §7.1).
 */
export function collectSymbols(table: TableInput): FieldSymbols[] {
  const names = table.batches[0]?.columns.map((c) => c.name) ?? [];
  const rowCount = table.batches.reduce((sum, b) => sum + b.rowCount, 0);
  return names.map((name) => collectField(table, name, rowCount));
}

function collectField(table: TableInput, name: string, rowCount: number): FieldSymbols {
  const symbols: Value[] = [];
  const byNumber = new Map<number, number>();
  const byText = new Map<string, number>();
  const ids = new Int32Array(rowCount);
  let hasNull = false;
  const idOf = (value: Value): number => {
    if (value === null) {
      hasNull = true;
      return -1;
    }
    const isText = typeof value === 'string';
    const key = isText ? value : value instanceof Dual ? value.num : value;
    const known = isText ? byText.get(value) : byNumber.get(key as number);
    if (known !== undefined) return known;
    const id = symbols.length;
    symbols.push(value);
    if (isText) byText.set(value, id);
    else byNumber.set(key as number, id);
    return id;
  };
  let row = 0;
  for (const batch of table.batches) {
    const column = batch.columns.find((c) => c.name === name);
    if (column === undefined) {
      // A batch without the field contributes NULLs, as a concatenated load would.
      for (let r = 0; r < batch.rowCount; r++) ids[row++] = idOf(null);
    } else if (column.kind === 'values') {
      for (let r = 0; r < batch.rowCount; r++) ids[row++] = idOf(column.values[r] ?? null);
    } else {
      // Map each local symbol once, on its first use, so first-occurrence order is kept.
      const local = new Int32Array(column.symbols.length).fill(-2);
      for (let r = 0; r < batch.rowCount; r++) {
        const index = column.indexes[r] as number;
        if (index < 0) {
          ids[row++] = idOf(null);
          continue;
        }
        let id = local[index] as number;
        if (id === -2) {
          id = idOf(column.symbols[index] ?? null);
          local[index] = id;
        }
        ids[row++] = id;
      }
    }
  }
  return { name, symbols, ids, hasNull };
}
