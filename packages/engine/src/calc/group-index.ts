import { EngineError, engineErrorCodes } from './engine-error.js';

/**
 * Numbers the distinct dimension combinations of a hypercube. A combination is keyed by a
 * mixed-radix number over the dimensions' codes (radix = symbol count + 1, digit 0 = null), so a
 * partial key of some dimensions adds to a partial key of the others: branches of the join tree
 * compute their parts independently. Small key spaces use a dense slot array (one load per row);
 * larger ones a Map.
 */
const denseLimit = 1 << 22;

export class GroupIndex {
  readonly weights: Float64Array;
  readonly radices: Int32Array;
  private readonly slots: Int32Array | null;
  private readonly map: Map<number, number> | null;
  private keyList: Float64Array = new Float64Array(64);
  private count = 0;

  constructor(radices: readonly number[]) {
    this.radices = Int32Array.from(radices);
    this.weights = new Float64Array(radices.length);
    let space = 1;
    for (let i = 0; i < radices.length; i++) {
      this.weights[i] = space;
      space *= radices[i]!;
    }
    if (space > Number.MAX_SAFE_INTEGER) {
      throw new EngineError(
        engineErrorCodes.resultTooLarge,
        radices.join('x'),
        `The dimensions span ${space} combinations, more than a hypercube can number`,
      );
    }
    this.slots = space <= denseLimit ? new Int32Array(space).fill(-1) : null;
    this.map = this.slots ? null : new Map();
  }

  get size(): number {
    return this.count;
  }

  /** The group of a combination key, numbering it when first seen. */
  groupOf(key: number): number {
    const slots = this.slots;
    if (slots) {
      const existing = slots[key]!;
      if (existing >= 0) return existing;
      slots[key] = this.count;
    } else {
      const existing = this.map!.get(key);
      if (existing !== undefined) return existing;
      this.map!.set(key, this.count);
    }
    if (this.count === this.keyList.length) {
      const grown = new Float64Array(this.count * 2);
      grown.set(this.keyList);
      this.keyList = grown;
    }
    this.keyList[this.count] = key;
    return this.count++;
  }

  /** Dense slot array for hot loops, or null when the key space is too large. */
  denseSlots(): Int32Array | null {
    return this.slots;
  }

  key(group: number): number {
    return this.keyList[group]!;
  }

  /** The code of dimension `slot` in a group's combination (0 = null). */
  code(group: number, slot: number): number {
    return Math.floor(this.keyList[group]! / this.weights[slot]!) % this.radices[slot]!;
  }
}
