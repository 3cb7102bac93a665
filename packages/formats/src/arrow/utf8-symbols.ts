import type { ColumnBuilder } from '../column-builder.js';

/**
 * Appends an Arrow UTF-8 column to `builder` without decoding every row: rows are matched by
 * their bytes in an open-addressing hash table and only the first occurrence of each distinct
 * byte string is decoded. Columns of a few hundred distinct codes over millions of rows
 * (airports, countries) are the common case; per row this costs one hash and one comparison.
 */
export function appendUtf8(
  builder: ColumnBuilder,
  bytes: Uint8Array,
  offsets: ArrayLike<number | bigint>,
  first: number,
  count: number,
  isValid: (i: number) => boolean,
  table: ByteStringTable,
): void {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // 64-bit offsets are read from their low words: one batch's string data stays under 2 GiB,
  // which a Uint8Array needs anyway.
  const at = offsetsAsInt32(offsets, first, count);
  for (let i = 0; i < count; i++) {
    if (!isValid(i)) {
      builder.pushIndex(-1);
      continue;
    }
    const start = at[i] as number;
    const end = at[i + 1] as number;
    let symbol = table.find(bytes, start, end);
    if (symbol < 0) {
      symbol = builder.textSymbol(text.toString('utf8', start, end));
      table.add(bytes, start, end, symbol);
    }
    builder.pushIndex(symbol);
  }
}

/** The `count + 1` offsets from `first` as int32 (the low words of a 64-bit layout). */
function offsetsAsInt32(
  offsets: ArrayLike<number | bigint>,
  first: number,
  count: number,
): Int32Array {
  if (offsets instanceof Int32Array) return offsets.subarray(first, first + count + 1);
  const out = new Int32Array(count + 1);
  if (offsets instanceof BigInt64Array) {
    const words = new Int32Array(offsets.buffer, offsets.byteOffset, offsets.length * 2);
    for (let k = 0; k <= count; k++) out[k] = words[2 * (first + k)] as number;
  } else {
    for (let k = 0; k <= count; k++) out[k] = Number(offsets[first + k]);
  }
  return out;
}

/**
 * Maps byte strings to symbol indexes (open addressing). Each distinct string is copied into
 * the table's own pool, so one table serves every chunk of a column.
 */
export class ByteStringTable {
  private pool = new Uint8Array(4096);
  private poolSize = 0;
  private slots = new Int32Array(1024).fill(-1); // entry number, -1 = empty
  private hashes = new Int32Array(1024);
  private starts = new Int32Array(256);
  private ends = new Int32Array(256);
  private symbols = new Int32Array(256);
  private size = 0;
  private lastHash = 0;

  find(bytes: Uint8Array, start: number, end: number): number {
    let hash = 0x811c9dc5 ^ (end - start);
    for (let p = start; p < end; p++) hash = Math.imul(hash ^ (bytes[p] as number), 0x01000193);
    this.lastHash = hash;
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] as number;
      if (entry < 0) return -1;
      if (this.hashes[slot] === hash && this.same(bytes, entry, start, end)) {
        return this.symbols[entry] as number;
      }
    }
  }

  /** Adds the string `find` just missed (its hash is remembered). */
  add(bytes: Uint8Array, start: number, end: number, symbol: number): void {
    const length = end - start;
    while (this.poolSize + length > this.pool.length) {
      const grown = new Uint8Array(this.pool.length * 2);
      grown.set(this.pool);
      this.pool = grown;
    }
    this.pool.set(bytes.subarray(start, end), this.poolSize);
    if (this.size === this.starts.length) {
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.symbols = grow(this.symbols);
    }
    const entry = this.size++;
    this.starts[entry] = this.poolSize;
    this.ends[entry] = this.poolSize + length;
    this.poolSize += length;
    this.symbols[entry] = symbol;
    this.place(entry, this.lastHash);
    if (this.size * 2 > this.slots.length) this.rehash();
  }

  private place(entry: number, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while ((this.slots[slot] as number) >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry;
    this.hashes[slot] = hash;
  }

  private rehash(): void {
    const oldSlots = this.slots;
    const oldHashes = this.hashes;
    this.slots = new Int32Array(oldSlots.length * 2).fill(-1);
    this.hashes = new Int32Array(oldSlots.length * 2);
    for (let s = 0; s < oldSlots.length; s++) {
      const entry = oldSlots[s] as number;
      if (entry >= 0) this.place(entry, oldHashes[s] as number);
    }
  }

  private same(bytes: Uint8Array, entry: number, start: number, end: number): boolean {
    const from = this.starts[entry] as number;
    if ((this.ends[entry] as number) - from !== end - start) return false;
    const pool = this.pool;
    for (let k = 0; k < end - start; k++) {
      if (pool[from + k] !== bytes[start + k]) return false;
    }
    return true;
  }
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}
