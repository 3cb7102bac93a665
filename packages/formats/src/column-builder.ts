import { Dual, type IndexedColumn, type Value } from '@cairn/engine';

/**
 * Builds one `indexed` column row by row: distinct symbols in first-occurrence order and an
 * index per row (-1 = NULL). Texts are keyed by the string, numbers and duals by the number, so
 * a number keeps the first text it came with, as in a Qlik field (research/script-qvd.md §7.1).
 */
export class ColumnBuilder {
  private readonly symbols: Value[] = [];
  private readonly byText = new Map<string, number>();
  private readonly byNumber = new Map<number, number>();
  private indexes = new Int32Array(1024);
  private length = 0;

  constructor(readonly name: string) {}

  get rowCount(): number {
    return this.length;
  }

  push(value: Value): void {
    if (value === null) {
      this.pushIndex(-1);
      return;
    }
    if (typeof value === 'string') {
      this.pushText(value);
      return;
    }
    const num = value instanceof Dual ? value.num : value;
    let index = this.byNumber.get(num);
    if (index === undefined) {
      index = this.symbols.length;
      this.symbols.push(value);
      this.byNumber.set(num, index);
    }
    this.pushIndex(index);
  }

  /**
   * Appends a numeric value, building it with `make` only the first time its number is seen
   * (so a column of timestamps does not allocate a dual per row).
   */
  pushNumber(num: number, make: (num: number) => Value): void {
    let index = this.byNumber.get(num);
    if (index === undefined) {
      index = this.symbols.length;
      this.symbols.push(make(num));
      this.byNumber.set(num, index);
    }
    this.pushIndex(index);
  }

  pushText(text: string): void {
    this.pushIndex(this.textSymbol(text));
  }

  /** The symbol index of a text, adding it when new (for readers that cache indexes). */
  textSymbol(text: string): number {
    let index = this.byText.get(text);
    if (index === undefined) {
      index = this.symbols.length;
      this.symbols.push(text);
      this.byText.set(text, index);
    }
    return index;
  }

  /** Appends NULLs until the column has `rowCount` rows (a row that lacked this field). */
  padTo(rowCount: number): void {
    while (this.length < rowCount) this.pushIndex(-1);
  }

  build(): IndexedColumn {
    return {
      kind: 'indexed',
      name: this.name,
      symbols: this.symbols,
      indexes: this.indexes.slice(0, this.length),
    };
  }

  /** Appends a row holding symbol `index` (from `textSymbol`), or -1 for NULL. */
  pushIndex(index: number): void {
    if (this.length === this.indexes.length) {
      const grown = new Int32Array(this.indexes.length * 2);
      grown.set(this.indexes);
      this.indexes = grown;
    }
    this.indexes[this.length++] = index;
  }
}
