import { buildModel, type DataModel, type TableInput } from '@cairn/engine';
import { customerRegions, customerRows, factColumns, factSpec } from './star-data.js';

/** The star as a Cairn model, handed over as indexed columns (symbols + indexes, no row objects). */
export function buildStarModel(rows: number): DataModel {
  const fact = factColumns(rows);
  const factTable: TableInput = {
    name: 'Fact',
    batches: [
      {
        rowCount: rows,
        columns: factSpec.map(([name, , cardinality]) => ({
          kind: 'indexed' as const,
          name,
          symbols: Array.from({ length: cardinality }, (_, i) => i),
          indexes: fact[name],
        })),
      },
    ],
  };
  const keys = Int32Array.from({ length: customerRows }, (_, i) => i);
  const customers: TableInput = {
    name: 'Customers',
    batches: [
      {
        rowCount: customerRows,
        columns: [
          { kind: 'indexed', name: 'key', symbols: Array.from(keys), indexes: keys },
          {
            kind: 'indexed',
            name: 'region',
            symbols: Array.from({ length: 50 }, (_, i) => i),
            indexes: customerRegions(),
          },
        ],
      },
    ],
  };
  return buildModel([factTable, customers], { id: `bench-${rows}` });
}

/**
 * The model's own bytes: code arrays plus symbol tables (numbers, kinds and texts at two bytes a
 * character and a small header each), not the process's resident size.
 */
export function modelBytes(model: DataModel): number {
  let bytes = 0;
  for (const table of model.tables)
    for (const column of table.columns) bytes += column.codes.byteLength;
  for (const field of model.fields) {
    const symbols = field.symbols as unknown as {
      nums?: Float64Array;
      kinds?: Uint8Array;
      texts?: readonly (string | null)[];
    };
    bytes += symbols.nums?.byteLength ?? field.symbols.size * 8;
    bytes += symbols.kinds?.byteLength ?? field.symbols.size;
    for (const text of symbols.texts ?? []) bytes += 8 + (text === null ? 0 : 16 + text.length * 2);
  }
  return bytes;
}
