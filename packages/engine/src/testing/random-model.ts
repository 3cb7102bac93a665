import fc from 'fast-check';
import type { TableInput } from '../model/column-batch.js';
import type { Value } from '../model/value.js';
import { tableInput } from './table-input.js';

/** A field pool small enough that random tables often share one or more fields. */
const fieldPool = ['a', 'b', 'c', 'd', 'e'] as const;

/** A cell: null, a small number, or a small text, so tables meet (and miss) partners often. */
const cellArb = (maxNumber: number): fc.Arbitrary<Value> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 4, arbitrary: fc.integer({ min: 1, max: maxNumber }) },
    { weight: 1, arbitrary: fc.constantFrom('p', 'q') },
  );

const tableArb = (maxRows: number, maxNumber: number) =>
  fc
    .record({
      fields: fc.subarray([...fieldPool], { minLength: 1, maxLength: 3 }),
      rows: fc.integer({ min: 0, max: maxRows }),
    })
    .chain(({ fields, rows }) =>
      fc
        .tuple(
          ...fields.map(() => fc.array(cellArb(maxNumber), { minLength: rows, maxLength: rows })),
        )
        .map((columns) => Object.fromEntries(fields.map((name, i) => [name, columns[i] ?? []]))),
    );

/**
 * Random multi-table models: 1-4 tables over a pool of 5 field names, so chains, stars,
 * snowflakes, one-to-many and many-to-many links, synthetic keys, loops, nulls and missing
 * partners all come up.
 */
export const randomTablesArb: fc.Arbitrary<TableInput[]> = tablesArb(4, 5, 3);

/**
 * Fewer, longer tables with more distinct values: selections then leave few rows possible, which
 * takes inference down its sparse (row list) paths.
 */
export const randomLongTablesArb: fc.Arbitrary<TableInput[]> = tablesArb(3, 40, 12);

function tablesArb(
  maxTables: number,
  maxRows: number,
  maxNumber: number,
): fc.Arbitrary<TableInput[]> {
  return fc
    .array(tableArb(maxRows, maxNumber), { minLength: 1, maxLength: maxTables })
    .map((tables) => tables.map((columns, i) => tableInput(`T${i}`, columns)));
}

/** Random selections: per field of the pool, maybe a non-empty subset of symbol indexes 0-4. */
export const randomSelectionsArb = fc.array(
  fc.record({
    field: fc.constantFrom(...fieldPool),
    symbols: fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 3 }),
    lock: fc.boolean(),
  }),
  { maxLength: 3 },
);

export type RandomSelections = typeof randomSelectionsArb extends fc.Arbitrary<infer T> ? T : never;
