import { Dual, type Value } from '@cairn/engine';

/**
 * One field of a table held during a reload: distinct symbols plus one index per row (-1 = null).
 * The same shape the engine takes as an `indexed` batch column, so a finished table hands over
 * without copying rows.
 */
export class ScriptColumn {
  readonly symbols: Value[] = [];
  private readonly lookup = new Map<number | string, number>();
  private lookupBuilt = true;
  /** Bytes the symbols take, kept up to date so budget checks stay cheap. */
  private symbolBytes = 0;
  private data: Int32Array;
  private length = 0;

  constructor(
    public name: string,
    capacity = 16,
  ) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  get rowCount(): number {
    return this.length;
  }

  /** Appends a value, reusing its symbol when an identical value (number and text) is known. */
  push(value: Value): void {
    this.pushIndex(value === null ? -1 : this.symbolIndex(value));
  }

  pushIndex(index: number): void {
    if (this.length >= this.data.length) {
      const grown = new Int32Array(Math.max(16, this.data.length * 2));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = index;
  }

  /** Appends `count` nulls (a forced concatenation of a table without this field). */
  pushNulls(count: number): void {
    for (let i = 0; i < count; i++) this.pushIndex(-1);
  }

  /** Takes over a reader's symbols and indexes (an empty column only); no per-row work. */
  adopt(symbols: readonly Value[], indexes: Int32Array): void {
    // A loop, not push(...symbols): a reader may hand over millions of symbols, more arguments
    // than one call may take.
    for (const symbol of symbols) {
      this.symbols.push(symbol);
      this.symbolBytes += bytesOf(symbol);
    }
    this.data = indexes.length > 0 ? indexes : this.data;
    this.length = indexes.length;
    this.lookupBuilt = false;
  }

  symbolIndex(value: Exclude<Value, null>): number {
    if (!this.lookupBuilt) this.buildLookup();
    const key = keyOf(value);
    let index = this.lookup.get(key);
    if (index === undefined) {
      index = this.symbols.length;
      this.symbols.push(value);
      this.symbolBytes += bytesOf(value);
      this.lookup.set(key, index);
    }
    return index;
  }

  private buildLookup(): void {
    this.symbols.forEach((symbol, i) => {
      if (symbol !== null && !this.lookup.has(keyOf(symbol))) this.lookup.set(keyOf(symbol), i);
    });
    this.lookupBuilt = true;
  }

  indexAt(row: number): number {
    return this.data[row] as number;
  }

  valueAt(row: number): Value {
    const index = this.data[row] as number;
    return index < 0 ? null : (this.symbols[index] as Value);
  }

  /** The row indexes, trimmed to the row count (a view, not a copy). */
  indexes(): Int32Array {
    return this.data.subarray(0, this.length);
  }

  /** Keeps only the given rows, in the given order. */
  select(rows: ArrayLike<number>): ScriptColumn {
    const copy = new ScriptColumn(this.name, rows.length);
    for (let i = 0; i < rows.length; i++) copy.push(this.valueAt(rows[i] as number));
    return copy;
  }

  /** Rough bytes held: 4 per row plus the symbols (for the memory budget). */
  estimateBytes(): number {
    return this.length * 4 + this.symbolBytes;
  }
}

/** Identity of a value inside a column: pure numbers by number, texts and duals by both parts. */
export function keyOf(value: Exclude<Value, null>): number | string {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return `s${value}`;
  return `d${value.num}\u0000${value.text}`;
}

function bytesOf(value: Value): number {
  if (typeof value === 'string') return 16 + value.length * 2;
  if (value instanceof Dual) return 32 + value.text.length * 2;
  return 16;
}
