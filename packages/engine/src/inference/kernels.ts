import type { CodeArray } from '../model/data-model.js';

/**
 * Scan kernels of inference. Each works on the row range [start, end) of typed arrays that may
 * live in SharedArrayBuffers, so a host can split a table over worker threads and run the same
 * kernel on each part; the engine itself runs them over the whole range on the calling thread.
 *
 * Rows carry a one-byte verdict while a table is scanned: 0 = passes everything so far,
 * 1..253 = fails only link number (verdict - 1), `failsSeveral` = fails two or more links,
 * `dead` = fails a selection in the table itself.
 */
export const failsSeveral = 254;
export const dead = 255;

/**
 * The first filter of a scan: sets every verdict (0 when the mask accepts the row's code, else
 * `failMark`) without a branch, and returns how many rows pass.
 */
export function initVerdicts(
  codes: CodeArray,
  mask: Uint8Array,
  failMark: number,
  verdicts: Uint8Array,
  start: number,
  end: number,
): number {
  let passing = 0;
  for (let row = start; row < end; row++) {
    const ok = mask[codes[row] as number] as number;
    verdicts[row] = failMark & (ok - 1);
    passing += ok;
  }
  return passing;
}

/** Marks rows whose code the selection mask rejects as dead. */
export function applySelection(
  codes: CodeArray,
  mask: Uint8Array,
  verdicts: Uint8Array,
  start: number,
  end: number,
): void {
  for (let row = start; row < end; row++) {
    if (mask[codes[row] as number] === 0) verdicts[row] = dead;
  }
}

/** Records a failed link `link` (0-based) for rows whose code the link's mask rejects. */
export function applyLink(
  codes: CodeArray,
  mask: Uint8Array,
  link: number,
  verdicts: Uint8Array,
  start: number,
  end: number,
): void {
  const mark = link + 1;
  for (let row = start; row < end; row++) {
    if (mask[codes[row] as number] === 0) {
      const verdict = verdicts[row] as number;
      if (verdict === 0) verdicts[row] = mark;
      else if (verdict < failsSeveral) verdicts[row] = failsSeveral;
    }
  }
}

/**
 * Collects into `out` the codes of rows that pass everything or fail only `link`: the values a
 * table lets through towards that link's side (a message of the propagation).
 */
export function collectLinkCodes(
  codes: CodeArray,
  verdicts: Uint8Array,
  link: number,
  out: Uint8Array,
  start: number,
  end: number,
): void {
  const mark = link + 1;
  for (let row = start; row < end; row++) {
    const verdict = verdicts[row] as number;
    if (verdict === 0 || verdict === mark) out[codes[row] as number] = 1;
  }
}

/** Turns verdicts into the possible-row bytes (1 = possible); returns how many are possible. */
export function verdictsToPossible(
  verdicts: Uint8Array,
  possible: Uint8Array,
  start: number,
  end: number,
): number {
  let count = 0;
  for (let row = start; row < end; row++) {
    const ok = ((verdicts[row] as number) - 1) >>> 31;
    possible[row] = ok;
    count += ok;
  }
  return count;
}

/**
 * Like `verdictsToPossible`, and also lists the possible row numbers in `rows` (from index 0),
 * for sparse results where later passes gather instead of scanning.
 */
export function verdictsToPossibleRows(
  verdicts: Uint8Array,
  possible: Uint8Array,
  rows: Uint32Array,
  start: number,
  end: number,
): number {
  let count = 0;
  for (let row = start; row < end; row++) {
    if (verdicts[row] === 0) {
      possible[row] = 1;
      rows[count++] = row;
    }
  }
  return count;
}

/**
 * Marks in `out` the codes that occur in possible rows; stops early once `target` distinct codes
 * are marked (every symbol found). Returns the number of codes newly marked.
 */
export function markPossibleCodes(
  codes: CodeArray,
  possible: Uint8Array,
  out: Uint8Array,
  target: number,
  start: number,
  end: number,
): number {
  let marked = 0;
  for (let row = start; row < end; row++) {
    if (possible[row] === 1) {
      const code = codes[row] as number;
      if (out[code] === 0) {
        out[code] = 1;
        if (++marked >= target) return marked;
      }
    }
  }
  return marked;
}

/** Like `markPossibleCodes` over a list of possible row numbers (sparse selections). */
export function markCodesOfRows(
  codes: CodeArray,
  rows: Uint32Array,
  out: Uint8Array,
  start: number,
  end: number,
): void {
  for (let i = start; i < end; i++) out[codes[rows[i] as number] as number] = 1;
}

/** Marks every code that occurs in a column (a column's presence set). */
export function markAllCodes(codes: CodeArray, out: Uint8Array, start: number, end: number): void {
  for (let row = start; row < end; row++) out[codes[row] as number] = 1;
}

/** Splits [0, rowCount) into `parts` contiguous ranges of near-equal size, for worker threads. */
export function splitRows(rowCount: number, parts: number): [start: number, end: number][] {
  const count = Math.max(1, Math.min(parts, rowCount));
  const ranges: [number, number][] = [];
  for (let part = 0; part < count; part++) {
    ranges.push([
      Math.floor((rowCount * part) / count),
      Math.floor((rowCount * (part + 1)) / count),
    ]);
  }
  return ranges;
}
