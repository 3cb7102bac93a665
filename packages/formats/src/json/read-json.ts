import { Dual, type Value } from '@cairn/engine';
import { ColumnBuilder } from '../column-builder.js';
import { FormatError, quote } from '../errors.js';
import type { FileFormatSpec } from '../spec.js';
import type { FormatTable } from '../table.js';
import { decodeText } from '../text/decode-text.js';
import { parseJsonText } from './parse-json.js';

const TRUE = new Dual(-1, 'true');
const FALSE = new Dual(0, 'false');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/**
 * Reads records from JSON: a top-level array of objects; NDJSON (one object per line); or an
 * object whose member named by `table is` (a dotted path such as `data.items` reaches deeper)
 * holds the array; with no `table is`, its only array member. Decision on nesting: nested
 * objects are flattened into dotted field names (`address.city`); arrays inside a record are
 * kept as their JSON text, so no row is multiplied. Booleans become -1/0 duals (Qlik's True()).
 */
export function readJson(
  bytes: Uint8Array,
  spec: FileFormatSpec,
  file: string,
  name: string,
): FormatTable {
  const text = decodeText(bytes, spec.codePage, file);
  const records = recordsOf(parseJsonText(text, file), spec.table, file);
  const builders = new Map<string, ColumnBuilder>();
  records.forEach((record, row) => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      throw new FormatError(
        'JSON_SHAPE_UNSUPPORTED',
        `record ${row + 1} is ${quote(JSON.stringify(record))}, not an object`,
        { file, line: row + 1 },
      );
    }
    flatten(record, '', file, 0, (field, value) => {
      let builder = builders.get(field);
      if (builder === undefined) {
        builder = new ColumnBuilder(field);
        builder.padTo(row);
        builders.set(field, builder);
      }
      builder.push(value);
    });
    for (const builder of builders.values()) builder.padTo(row + 1);
  });
  const columns = [...builders.values()].map((b) => b.build());
  return { name, batches: [{ rowCount: records.length, columns }] };
}

function recordsOf(documents: Json[], table: string | undefined, file: string): Json[] {
  if (documents.length !== 1) return documents; // NDJSON: each line is a record
  const doc = documents[0] ?? null;
  if (Array.isArray(doc)) return doc;
  if (doc === null || typeof doc !== 'object') {
    throw new FormatError('JSON_SHAPE_UNSUPPORTED', 'the document is not an array or an object', {
      file,
    });
  }
  if (table !== undefined) {
    let member: Json = doc;
    for (const key of table.split('.')) {
      member =
        member !== null && typeof member === 'object' && !Array.isArray(member)
          ? (member[key] ?? null)
          : null;
    }
    if (Array.isArray(member)) return member;
    throw new FormatError(
      'JSON_SHAPE_UNSUPPORTED',
      `the member ${quote(table)} is not an array of records (members: ${memberList(doc)})`,
      { file },
    );
  }
  const arrays = Object.entries(doc).filter(([, v]) => Array.isArray(v));
  if (arrays.length === 1) return arrays[0]?.[1] as Json[];
  // A single object that is not a wrapper is one record.
  if (arrays.length === 0) return [doc];
  throw new FormatError(
    'JSON_SHAPE_UNSUPPORTED',
    `the object has several array members (${memberList(doc)}); name one with "table is"`,
    { file },
  );
}

function memberList(doc: JsonObject): string {
  return (
    Object.keys(doc)
      .map((k) => quote(k))
      .join(', ') || 'none'
  );
}

/** Deeper nesting than this is refused rather than risking the stack on hostile input. */
const MAX_DEPTH = 32;

function flatten(
  record: JsonObject,
  prefix: string,
  file: string,
  depth: number,
  emit: (field: string, value: Value) => void,
): void {
  for (const [key, value] of Object.entries(record)) {
    const field = prefix + key;
    if (value === null) emit(field, null);
    else if (typeof value === 'boolean') emit(field, value ? TRUE : FALSE);
    else if (typeof value === 'number' || typeof value === 'string') emit(field, value);
    else if (Array.isArray(value)) emit(field, JSON.stringify(value));
    else if (depth + 1 >= MAX_DEPTH) {
      throw new FormatError(
        'JSON_SHAPE_UNSUPPORTED',
        `objects nest deeper than ${MAX_DEPTH} levels at ${quote(field.slice(0, 80))}`,
        { file, field },
      );
    } else flatten(value, `${field}.`, file, depth + 1, emit);
  }
}
