import type { ColumnBuilder } from '../column-builder.js';

/**
 * Appends an Arrow UTF-8 column to `builder` without decoding every row: rows are grouped by a
 * hash of their bytes and only the first occurrence of each distinct byte string is decoded.
 * Columns of a few hundred distinct codes over millions of rows (airports, countries) are the
 * common case this is for; cost per row is one hash and one byte comparison.
 */
export function appendUtf8(
  builder: ColumnBuilder,
  bytes: Uint8Array,
  offsets: ArrayLike<number | bigint>,
  first: number,
  count: number,
  isValid: (i: number) => boolean,
): void {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wide = offsets instanceof BigInt64Array;
  const offset32 = wide
    ? new Int32Array(offsets.buffer, offsets.byteOffset, offsets.length * 2)
    : null;
  // Offsets of a 64-bit layout are read from their low words: a file's string data in one batch
  // stays under 2 GiB, which a Uint8Array needs anyway.
  const at = (k: number): number =>
    offset32 === null ? (offsets[k] as number) : (offset32[2 * k] as number);
  const buckets = new Map<number, number[]>(); // hash → [start, end, symbol, start, end, …]
  for (let i = 0; i < count; i++) {
    if (!isValid(i)) {
      builder.push(null);
      continue;
    }
    const start = at(first + i);
    const end = at(first + i + 1);
    let hash = 0x811c9dc5 ^ (end - start);
    for (let p = start; p < end; p++) hash = Math.imul(hash ^ (bytes[p] as number), 0x01000193);
    let bucket = buckets.get(hash);
    if (bucket === undefined) {
      bucket = [];
      buckets.set(hash, bucket);
    }
    let id = -1;
    for (let b = 0; b < bucket.length; b += 3) {
      if (sameBytes(bytes, bucket[b] as number, bucket[b + 1] as number, start, end)) {
        id = bucket[b + 2] as number;
        break;
      }
    }
    if (id < 0) {
      id = builder.textSymbol(text.toString('utf8', start, end));
      bucket.push(start, end, id);
    }
    builder.pushIndex(id);
  }
}

function sameBytes(
  bytes: Uint8Array,
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let k = 0; k < aEnd - aStart; k++) {
    if (bytes[aStart + k] !== bytes[bStart + k]) return false;
  }
  return true;
}
