import { tableFromIPC } from 'apache-arrow';
// The package's `node` export is a CommonJS build that compiles its WebAssembly synchronously
// on first import, so no `init()` call is needed on Node (the `esm` build would need one).
import { readParquet as decodeParquet } from 'parquet-wasm';
import { arrowToColumns } from '../arrow/arrow-columns.js';
import { FormatError } from '../errors.js';
import type { FormatTable } from '../table.js';

const PARQUET_MAGIC = 'PAR1';
/**
 * Rows per Arrow record batch. parquet-wasm's default (1,024) makes thousands of small batches;
 * 64 Ki rows cut decode CPU several-fold on flights-3m (bench/qvd-load.bench.ts).
 */
export const BATCH_ROWS = 65_536;

/**
 * Reads a Parquet file (any codec parquet-wasm was built with: Snappy, ZSTD, GZIP, LZ4, Brotli)
 * through Arrow IPC into `indexed` columns. Known gaps: the whole file is decoded in memory (no
 * row-group streaming or column projection yet), and after a Rust panic inside parquet-wasm the
 * shared WebAssembly instance may stay unusable for later calls (not verified; a panic seen in
 * the writer did not break later reads in the tests).
 */
export function readParquetTable(bytes: Uint8Array, file: string, name: string): FormatTable {
  const magic = (at: number): string => Buffer.from(bytes.subarray(at, at + 4)).toString('latin1');
  if (
    bytes.length < 12 ||
    magic(0) !== PARQUET_MAGIC ||
    magic(bytes.length - 4) !== PARQUET_MAGIC
  ) {
    throw new FormatError(
      'PARQUET_INVALID',
      'the file does not start and end with "PAR1": it is not Parquet or it is truncated',
      { file, offset: 0 },
    );
  }
  let ipc: Uint8Array;
  try {
    ipc = decodeParquet(bytes, { batchSize: BATCH_ROWS }).intoIPCStream();
  } catch (error) {
    throw new FormatError('PARQUET_INVALID', `decoding failed: ${messageOf(error)}`, { file });
  }
  const table = tableFromIPC(ipc);
  const columns = arrowToColumns(table, { file, code: 'PARQUET_TYPE_UNSUPPORTED' });
  return { name, batches: [{ rowCount: table.numRows, columns }] };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
