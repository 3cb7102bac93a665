/**
 * The benchmark's star schema, generated identically in JS and in DuckDB SQL from one integer
 * mixing function (so no data crosses between the two): a fact table with dimension fields of
 * 10 / 1,000 / 100,000 distinct values, a key into a 100,000-row customer table, measure m1 with
 * 100,000 distinct values and m2 with 20.
 */
export const customerRows = 100_000;
export const regionCount = 50;

export interface FactColumns {
  readonly d1: Int32Array;
  readonly d2: Int32Array;
  readonly d3: Int32Array;
  readonly key: Int32Array;
  readonly m1: Int32Array;
  readonly m2: Int32Array;
}

/** A 32-bit integer mix (multiply-xorshift), exact in both JS and DuckDB's BIGINT/HUGEINT. */
export function mix(i: number, salt: number): number {
  let h = Math.imul(i + salt, 0x9e3779b1) >>> 0;
  h = (h ^ (h >>> 15)) >>> 0;
  h = Math.imul(h, 0x85ebca77) >>> 0;
  return (h ^ (h >>> 13)) >>> 0;
}

export const factSpec = [
  ['d1', 1, 10],
  ['d2', 2, 1_000],
  ['d3', 3, 100_000],
  ['key', 4, customerRows],
  ['m1', 5, 100_000],
  ['m2', 6, 20],
] as const;

export function factColumns(rows: number): FactColumns {
  const columns = Object.fromEntries(
    factSpec.map(([name, salt, cardinality]) => {
      const values = new Int32Array(rows);
      for (let i = 0; i < rows; i++) values[i] = mix(i, salt) % cardinality;
      return [name, values];
    }),
  );
  return columns as unknown as FactColumns;
}

export function customerRegions(): Int32Array {
  const regions = new Int32Array(customerRows);
  for (let k = 0; k < customerRows; k++) regions[k] = mix(k, 7) % regionCount;
  return regions;
}

/** SQL building the same tables in DuckDB. */
export function starSql(rows: number): string[] {
  const columns = factSpec
    .map(
      ([name, salt, cardinality]) => `CAST(mix(i, ${salt}) % ${cardinality} AS INTEGER) AS ${name}`,
    )
    .join(', ');
  return [
    'CREATE MACRO mul1(x) AS ((x * 2654435761) % 4294967296)',
    'CREATE MACRO xs15(h) AS xor(h, h >> 15)',
    'CREATE MACRO mul2(h) AS CAST((CAST(h AS HUGEINT) * 2246822519) % 4294967296 AS BIGINT)',
    'CREATE MACRO xs13(h) AS xor(h, h >> 13)',
    'CREATE MACRO mix(i, s) AS xs13(mul2(xs15(mul1(i + s))))',
    `CREATE TABLE fact AS SELECT ${columns} FROM range(${rows}) t(i)`,
    `CREATE TABLE customers AS SELECT CAST(i AS INTEGER) AS key, CAST(mix(i, 7) % ${regionCount} AS INTEGER) AS region FROM range(${customerRows}) t(i)`,
  ];
}
