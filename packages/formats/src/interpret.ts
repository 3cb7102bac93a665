import { Dual, type IndexedColumn, type TableInput, type Value } from '@cairn/engine';

/** Turns one cell text into a value (e.g. the script's locale-aware number interpretation). */
export type Interpreter = (text: string, field: string) => Value;

/**
 * Applies `interpret` to each distinct text of an `indexed` column once, instead of once per
 * row: the fast path for interpreting a text file. Texts that become the same number (`10` and
 * `10.0`) are merged into one symbol keeping the first-seen text, as a Qlik field does; since
 * readers list symbols in first-occurrence order, "first" is the first row. Non-text symbols
 * are passed through unchanged.
 */
export function interpretColumn(column: IndexedColumn, interpret: Interpreter): IndexedColumn {
  const symbols: Value[] = [];
  const remap = new Int32Array(column.symbols.length);
  const byNumber = new Map<number, number>();
  const byText = new Map<string, number>();
  column.symbols.forEach((symbol, i) => {
    const value = typeof symbol === 'string' ? interpret(symbol, column.name) : symbol;
    if (value === null) {
      remap[i] = -1;
      return;
    }
    const isText = typeof value === 'string';
    const known = isText ? byText.get(value) : byNumber.get(numberOf(value));
    if (known !== undefined) {
      remap[i] = known;
      return;
    }
    remap[i] = symbols.length;
    if (isText) byText.set(value, symbols.length);
    else byNumber.set(numberOf(value), symbols.length);
    symbols.push(value);
  });
  const indexes = new Int32Array(column.indexes.length);
  for (let r = 0; r < indexes.length; r++) {
    const index = column.indexes[r] as number;
    indexes[r] = index < 0 ? -1 : (remap[index] as number);
  }
  return { kind: 'indexed', name: column.name, symbols, indexes };
}

/** `interpretColumn` over every indexed column of a table; `values` columns are mapped per row. */
export function interpretTable(table: TableInput, interpret: Interpreter): TableInput {
  return {
    ...table,
    batches: table.batches.map((batch) => ({
      rowCount: batch.rowCount,
      columns: batch.columns.map((column) =>
        column.kind === 'indexed'
          ? interpretColumn(column, interpret)
          : {
              ...column,
              values: Array.from(column.values, (v) =>
                typeof v === 'string' ? interpret(v, column.name) : v,
              ),
            },
      ),
    })),
  };
}

function numberOf(value: number | Dual): number {
  return value instanceof Dual ? value.num : value;
}
