import { readJson } from './json/read-json.js';
import { readParquetTable } from './parquet/read-parquet.js';
import { readQvd } from './qvd/read-qvd.js';
import { type FileFormatSpec, resolveFormat } from './spec.js';
import type { FormatTable } from './table.js';
import { readText } from './text/read-text.js';
import { readXlsx } from './xlsx/read-xlsx.js';

/**
 * Reads one table from a file's bytes. The format comes from `spec.format`, else from the
 * extension of `fileName`, which also names the file in every `FormatError`. The table is named
 * after the file (without folder and extension), as Qlik names a table loaded without a label;
 * a QVD keeps the name stored in its header.
 */
export async function readTable(
  bytes: Uint8Array,
  spec: FileFormatSpec,
  fileName: string,
): Promise<FormatTable> {
  const format = resolveFormat(spec, fileName);
  switch (format) {
    case 'qvd':
      return readQvd(bytes, fileName);
    case 'txt':
    case 'csv':
      return readText(bytes, spec, fileName, tableNameOf(fileName));
    case 'parquet':
      return readParquetTable(bytes, fileName, tableNameOf(fileName));
    case 'ooxml':
      return readXlsx(bytes, spec, fileName);
    case 'json':
      return readJson(bytes, spec, fileName, tableNameOf(fileName));
    default:
      return assertNever(format);
  }
}

/** The table name Qlik gives a file load without a label: the base name without extension. */
export function tableNameOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

function assertNever(value: never): never {
  throw new Error(`unhandled format ${String(value)}`);
}
