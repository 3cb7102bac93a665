/**
 * QVD load time against DuckDB loading the same rows from Parquet, measured in one run.
 * Usage: node --import tsx packages/formats/bench/qvd-load.bench.ts [rows] [parquet file]
 * Defaults: 100,000 rows of vega-datasets' flights-3m.parquet (the brief's test file; pass
 * 3000000 for all of it). Prints times and the ratio; asserts nothing (a shared machine is noisy).
 */
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm';
import { arrowToColumns } from '../src/arrow/arrow-columns.js';
import { BATCH_ROWS } from '../src/parquet/read-parquet.js';
import { readQvd } from '../src/qvd/read-qvd.js';
import { writeQvd } from '../src/qvd/write-qvd.js';

const rows = Number(process.argv[2] ?? 100_000);
const file = process.argv[3] ?? 'node_modules/vega-datasets/data/flights-3m.parquet';

/** Wall time, and this process's CPU time (less distorted when the machine is shared). */
function time<T>(run: () => T): [T, number, number] {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(cpu);
  return [result, performance.now() - start, (used.user + used.system) / 1000];
}

const [arrow, parquetMs, parquetCpuMs] = time(() =>
  tableFromIPC(
    readParquet(readFileSync(file), { limit: rows, batchSize: BATCH_ROWS }).intoIPCStream(),
  ),
);
const [columns, convertMs, convertCpuMs] = time(() =>
  arrowToColumns(arrow, { file, code: 'PARQUET_TYPE_UNSUPPORTED' }),
);
const qvd = writeQvd({ name: 'flights', batches: [{ rowCount: arrow.numRows, columns }] });

const samples = [0, 1, 2].map(() => time(() => readQvd(qvd, 'flights.qvd')));
const qvdMs = Math.min(...samples.map((s) => s[1]));
const qvdCpuMs = Math.min(...samples.map((s) => s[2]));

const duck = await (await DuckDBInstance.create(':memory:')).connect();
const duckSamples: number[] = [];
for (let i = 0; i < 3; i++) {
  await duck.run('DROP TABLE IF EXISTS t');
  const start = performance.now();
  await duck.run(`CREATE TABLE t AS SELECT * FROM read_parquet('${file}') LIMIT ${rows}`);
  duckSamples.push(performance.now() - start);
}
const duckMs = Math.min(...duckSamples);

console.log(
  JSON.stringify({
    rows: arrow.numRows,
    qvdBytes: qvd.length,
    parquetWasmDecodeMs: Math.round(parquetMs),
    parquetWasmDecodeCpuMs: Math.round(parquetCpuMs),
    arrowToColumnsMs: Math.round(convertMs),
    arrowToColumnsCpuMs: Math.round(convertCpuMs),
    readQvdMs: Math.round(qvdMs),
    readQvdCpuMs: Math.round(qvdCpuMs),
    duckdbParquetLoadMs: Math.round(duckMs),
    qvdOverDuckdb: Number((qvdMs / duckMs).toFixed(2)),
  }),
);
