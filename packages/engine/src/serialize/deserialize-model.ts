import { BuiltModel } from '../model/built-model.js';
import type { CodeArray, DataModel, ModelField, ModelTable } from '../model/data-model.js';
import { ModelError } from '../model/model-error.js';
import { SymbolKind, SymbolTableData } from '../model/symbol-table.js';
import { checksum } from './byte-writer.js';
import { type ModelHeader, modelFormatVersion, modelMagic, prefixBytes } from './model-format.js';

const littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * Reads a model written by `serializeModel`. Truncated, corrupt or wrong-version bytes fail with
 * a `ModelError` whose code says which; blocks are copied whole into fresh typed arrays.
 */
export function deserializeModel(bytes: Uint8Array): DataModel {
  if (!littleEndian) throw new ModelError('MODEL_CORRUPT', 'model files need a little-endian host');
  const magic = new TextDecoder().decode(bytes.subarray(0, 8));
  if (magic !== modelMagic && !(bytes.length < 8 && modelMagic.startsWith(magic))) {
    throw new ModelError(
      'MODEL_BAD_MAGIC',
      `not a Cairn model: starts with ${JSON.stringify(magic)}, expected "${modelMagic}"`,
    );
  }
  if (bytes.length < prefixBytes + 4) {
    throw new ModelError(
      'MODEL_TRUNCATED',
      `model bytes are truncated: ${bytes.length} bytes, not even a header`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== modelFormatVersion) {
    throw new ModelError(
      'MODEL_BAD_VERSION',
      `model format version ${version} is not supported (this engine reads version ${modelFormatVersion})`,
    );
  }
  const total = view.getUint32(16, true);
  if (bytes.length < total) {
    throw new ModelError(
      'MODEL_TRUNCATED',
      `model bytes are truncated: ${bytes.length} of ${total} bytes`,
    );
  }
  if (total < prefixBytes + 4) {
    throw new ModelError(
      'MODEL_CORRUPT',
      `model bytes are corrupt: total length ${total} is too small`,
    );
  }
  const stored = view.getUint32(total - 4, true);
  if (checksum(bytes, total - 4) !== stored) {
    throw new ModelError('MODEL_CORRUPT', 'model bytes are corrupt: checksum mismatch');
  }
  const header = readHeader(bytes, view.getUint32(12, true));
  const reader = new BlockReader(bytes, align(prefixBytes + view.getUint32(12, true)), total - 4);
  const fields = header.fields.map((f, index): ModelField => {
    const nums = new Float64Array(reader.take(f.size * 8));
    const kinds = new Uint8Array(reader.take(f.size));
    const lengths = new Uint32Array(reader.take(f.texted * 4));
    const units = new Uint16Array(reader.take(f.textUnits * 2));
    return Object.freeze({
      index,
      name: f.name,
      symbols: new SymbolTableData(nums, texts(kinds, lengths, units), kinds),
      tables: [] as number[],
      tags: Object.freeze([...f.tags]),
      comment: f.comment,
      isSystem: f.isSystem,
    });
  });
  const holders = fields.map((): number[] => []);
  const tables = header.tables.map((t, index): ModelTable => {
    const columns = t.columns.map((c) => {
      holders[c.field]?.push(index);
      return Object.freeze({
        field: c.field,
        codes: codeArray(reader.take(t.rowCount * c.width), c.width),
      });
    });
    return Object.freeze({ index, ...t, columns: Object.freeze(columns) });
  });
  const linked = fields.map((f, i) =>
    Object.freeze({ ...f, tables: Object.freeze(holders[i] ?? []) }),
  );
  return new BuiltModel(
    header.id,
    linked,
    tables,
    Object.freeze(header.warnings.map((w) => Object.freeze(w))),
  );
}

function readHeader(bytes: Uint8Array, length: number): ModelHeader {
  try {
    return JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(
        bytes.subarray(prefixBytes, prefixBytes + length),
      ),
    );
  } catch (error) {
    throw new ModelError('MODEL_CORRUPT', `model header is corrupt: ${(error as Error).message}`);
  }
}

/** Copies consecutive 8-aligned blocks out of the bytes into fresh, aligned buffers. */
class BlockReader {
  constructor(
    private readonly bytes: Uint8Array,
    private at: number,
    private readonly end: number,
  ) {}

  take(length: number): ArrayBuffer {
    if (this.at + length > this.end) {
      throw new ModelError(
        'MODEL_CORRUPT',
        `model block at byte ${this.at} runs past the end (${length} bytes)`,
      );
    }
    const copy = new Uint8Array(length);
    copy.set(this.bytes.subarray(this.at, this.at + length));
    this.at = align(this.at + length);
    return copy.buffer;
  }
}

function align(offset: number): number {
  return Math.ceil(offset / 8) * 8;
}

function codeArray(buffer: ArrayBuffer, width: number): CodeArray {
  if (width === 1) return new Uint8Array(buffer);
  if (width === 2) return new Uint16Array(buffer);
  return new Uint32Array(buffer);
}

function texts(kinds: Uint8Array, lengths: Uint32Array, units: Uint16Array): (string | null)[] {
  // One decode for the whole block; lone surrogates become U+FFFD (same length, so slices hold).
  const all = new TextDecoder('utf-16le').decode(units);
  const out: (string | null)[] = new Array(kinds.length);
  let at = 0;
  let t = 0;
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] === SymbolKind.number) {
      out[i] = null;
      continue;
    }
    const length = lengths[t++] ?? 0;
    out[i] = all.slice(at, at + length);
    at += length;
  }
  return out;
}
