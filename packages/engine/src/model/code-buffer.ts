import type { CodeArray } from './data-model.js';

/** The narrowest byte-aligned array type that holds codes up to `maxCode`. */
export function allocateCodes(length: number, maxCode: number): CodeArray {
  if (maxCode <= 0xff) return new Uint8Array(length);
  if (maxCode <= 0xffff) return new Uint16Array(length);
  return new Uint32Array(length);
}

/** Whether `codes` is exactly the narrowest type for `maxCode` (the storage rule). */
export function fitsExactly(codes: CodeArray, maxCode: number): boolean {
  return allocateCodes(0, maxCode).constructor === codes.constructor;
}

/**
 * A column of codes being filled while a table loads. It starts as bytes and widens only when a
 * larger code arrives, so loading never holds a 4-byte-per-row copy of a narrow column.
 */
export class CodeBuffer {
  private array: CodeArray;
  private max: number;

  constructor(readonly length: number) {
    this.array = new Uint8Array(length);
    this.max = 0xff;
  }

  get codes(): CodeArray {
    return this.array;
  }

  ensure(maxCode: number): CodeArray {
    if (maxCode > this.max) {
      const wider = allocateCodes(this.length, maxCode);
      wider.set(this.array);
      this.array = wider;
      this.max = wider instanceof Uint16Array ? 0xffff : 0xffffffff;
    }
    return this.array;
  }

  /** The final array, resized to the field's global symbol count (narrower when it can be). */
  finish(maxCode: number): CodeArray {
    if (fitsExactly(this.array, maxCode)) return this.array;
    const exact = allocateCodes(this.length, maxCode);
    exact.set(this.array);
    return exact;
  }
}
