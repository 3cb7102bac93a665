import type { Inference } from '../inference/inference.js';

/**
 * The records of each table that take part in a calculation: the rows possible under a selection
 * state (or under the temporary state of a set expression). Kernels read these lists, never
 * bitsets, so one pass builds them and every aggregation over the same state reuses them.
 */
export interface RowScope {
  /** Possible rows of table `table` in ascending order, or null when every row is possible. */
  rows(table: number): Int32Array | null;
  /** A stable text identifying the state behind the scope (part of cache keys). */
  readonly stateKey: string;
}

const scopes = new WeakMap<Inference, RowScope>();

/**
 * The scope of an inference result: row lists built lazily per table and kept with the
 * inference, which every session in the same state shares.
 */
export function scopeOf(inference: Inference): RowScope {
  let scope = scopes.get(inference);
  if (!scope) {
    const lists = new Map<number, Int32Array | null>();
    scope = {
      stateKey: inference.stateHash,
      rows(table) {
        let list = lists.get(table);
        if (list === undefined) {
          const info = inference.tables[table]!;
          list = rowsOfMask(info.possible, info.possibleCount);
          lists.set(table, list);
        }
        return list;
      },
    };
    scopes.set(inference, scope);
  }
  return scope;
}

/** Ascending list of the rows marked 1; null when every row is marked. */
export function rowsOfMask(possible: Uint8Array, possibleCount: number): Int32Array | null {
  if (possibleCount >= possible.length) return null;
  const rows = new Int32Array(possibleCount);
  let next = 0;
  for (let row = 0; row < possible.length; row++) if (possible[row] !== 0) rows[next++] = row;
  return rows;
}

/** A scope where every row of every table takes part (`{1}`, or no selections). */
export function allRowsScope(stateKey = '1'): RowScope {
  return { rows: () => null, stateKey };
}
