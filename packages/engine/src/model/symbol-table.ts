import type { SymbolTable } from './data-model.js';
import { Dual, type Value } from './value.js';

/** How a symbol carries its parts: a pure text, a pure number, or a dual (number + text). */
export const SymbolKind = { text: 0, number: 1, dual: 2 } as const;

/**
 * A frozen symbol table kept as three parallel arrays so the serializer can copy them as blocks:
 * `nums` (NaN for pure texts), `texts` (null for pure numbers, whose text is derived) and `kinds`.
 * Lookup maps are built on the first `find`, since inference and hypercubes never need them.
 */
export class SymbolTableData implements SymbolTable {
  private byNum: Map<number, number> | undefined;
  private byText: Map<string, number> | undefined;

  constructor(
    readonly nums: Float64Array,
    readonly texts: readonly (string | null)[],
    readonly kinds: Uint8Array,
  ) {}

  get size(): number {
    return this.kinds.length;
  }

  num(i: number): number {
    return this.nums[i] ?? Number.NaN;
  }

  text(i: number): string {
    const text = this.texts[i];
    return text ?? defaultNumberText(this.nums[i] ?? Number.NaN);
  }

  isNumeric(i: number): boolean {
    return this.kinds[i] !== SymbolKind.text;
  }

  value(i: number): Value {
    const kind = this.kinds[i];
    if (kind === SymbolKind.text) return this.texts[i] ?? '';
    if (kind === SymbolKind.number) return this.nums[i] ?? Number.NaN;
    if (kind === SymbolKind.dual) return new Dual(this.nums[i] ?? Number.NaN, this.texts[i] ?? '');
    throw new RangeError(`symbol ${i} is out of range (symbol table holds ${this.size})`);
  }

  /**
   * Identity as Qlik keeps it (research/script-qvd.md §7.1): a value with a number is found by its
   * number (so dual(1, '01') finds the pure number 1), a pure text by its exact text. The text
   * '1' and the number 1 are different symbols: interpreting text as numbers is the loader's job.
   */
  find(value: Value): number {
    if (value === null) return -1;
    const num = typeof value === 'number' ? value : value instanceof Dual ? value.num : Number.NaN;
    if (!Number.isNaN(num)) {
      this.byNum ??= this.indexNumbers();
      return this.byNum.get(num) ?? -1;
    }
    const text = typeof value === 'string' ? value : value instanceof Dual ? value.text : '';
    this.byText ??= this.indexTexts();
    return this.byText.get(text) ?? -1;
  }

  private indexNumbers(): Map<number, number> {
    const map = new Map<number, number>();
    for (let i = 0; i < this.kinds.length; i++) {
      if (this.kinds[i] !== SymbolKind.text) map.set(this.nums[i] ?? Number.NaN, i);
    }
    return map;
  }

  private indexTexts(): Map<string, number> {
    const map = new Map<string, number>();
    for (let i = 0; i < this.kinds.length; i++) {
      if (this.kinds[i] === SymbolKind.text) map.set(this.texts[i] ?? '', i);
    }
    return map;
  }
}

/**
 * The text a pure number shows when nothing formatted it: integers as is, other numbers with at
 * most 14 significant digits (Qlik's default display precision), so 0.1 + 0.2 shows as 0.3.
 */
export function defaultNumberText(num: number): string {
  if (Number.isInteger(num) || !Number.isFinite(num)) return String(num);
  return String(Number(num.toPrecision(14)));
}
