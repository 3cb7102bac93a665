import { ModelError } from './model-error.js';
import { SymbolKind, SymbolTableData } from './symbol-table.js';
import { Dual, type Value } from './value.js';

/** Qlik's documented ceiling for one symbol table. */
const maxSymbols = 2 ** 31 - 1;

/**
 * Collects the distinct values of one field while tables load. `add` returns the symbol index
 * (or -1 for null); an equal number seen again keeps the text it was first seen with.
 */
export class SymbolTableBuilder {
  private readonly nums: number[] = [];
  private readonly texts: (string | null)[] = [];
  private readonly kinds: number[] = [];
  private readonly byNum = new Map<number, number>();
  private readonly byText = new Map<string, number>();

  constructor(readonly fieldName: string) {}

  get size(): number {
    return this.kinds.length;
  }

  add(value: Value): number {
    if (value === null) return -1;
    if (typeof value === 'number') {
      // NaN is not a value Qlik can hold; it loads as null.
      if (Number.isNaN(value)) return -1;
      return this.byNum.get(value) ?? this.push(value, null, SymbolKind.number);
    }
    if (typeof value === 'string') {
      return this.byText.get(value) ?? this.push(Number.NaN, value, SymbolKind.text);
    }
    if (value instanceof Dual && !Number.isNaN(value.num)) {
      return this.byNum.get(value.num) ?? this.push(value.num, value.text, SymbolKind.dual);
    }
    const text = value.text;
    return this.byText.get(text) ?? this.push(Number.NaN, text, SymbolKind.text);
  }

  build(): SymbolTableData {
    return new SymbolTableData(
      Float64Array.from(this.nums),
      this.texts.slice(),
      Uint8Array.from(this.kinds),
    );
  }

  private push(num: number, text: string | null, kind: number): number {
    const index = this.kinds.length;
    if (index >= maxSymbols) {
      throw new ModelError(
        'MODEL_TOO_MANY_SYMBOLS',
        `field "${this.fieldName}" has more than ${maxSymbols} distinct values`,
      );
    }
    this.nums.push(num);
    this.texts.push(text);
    this.kinds.push(kind);
    if (kind === SymbolKind.text) this.byText.set(text ?? '', index);
    else this.byNum.set(num, index);
    return index;
  }
}
