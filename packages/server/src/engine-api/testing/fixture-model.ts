import { buildModel, type DataModel, type TableInput, type Value } from '@cairn/engine';

/** A one-batch table from named value columns. */
function table(name: string, columns: Record<string, readonly Value[]>): TableInput {
  const entries = Object.entries(columns);
  return {
    name,
    batches: [
      {
        rowCount: entries[0]?.[1].length ?? 0,
        columns: entries.map(([column, values]) => ({ kind: 'values', name: column, values })),
      },
    ],
  };
}

/**
 * Two associated tables, Orders and Customers, linked by CustomerID. Sum(Sales) by Country:
 * Sweden 360, Germany 100, France 320; total 780.
 */
export function salesModel(): DataModel {
  return buildModel(
    [
      table('Orders', {
        OrderID: [1, 2, 3, 4, 5, 6, 7, 8],
        CustomerID: ['C1', 'C1', 'C2', 'C3', 'C3', 'C4', 'C4', 'C2'],
        Product: ['Chair', 'Table', 'Chair', 'Lamp', 'Chair', 'Table', 'Lamp', 'Lamp'],
        Sales: [100, 200, 50, 30, 70, 300, 20, 10],
      }),
      table('Customers', {
        CustomerID: ['C1', 'C2', 'C3', 'C4'],
        Country: ['Sweden', 'Sweden', 'Germany', 'France'],
      }),
    ],
    { id: 'sales-v1' },
  );
}

/** One table of `rows` rows (Row = 1..rows, Value = Row * 2) for paging tests. */
export function bigModel(rows: number): DataModel {
  const ids = Array.from({ length: rows }, (_, i) => i + 1);
  return buildModel([table('Big', { Row: ids, Value: ids.map((i) => i * 2) })], { id: 'big' });
}
