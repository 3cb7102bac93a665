import type { DataModel } from '../model/data-model.js';
import type { TreeNode } from './association-tree.js';
import type { GroupIndex } from './group-index.js';
import type { RowScope } from './row-scope.js';

/**
 * The (record, combination) pairs of a root table: each possible row of the root paired with
 * every distinct dimension combination it is associated with, once per combination however the
 * links fan out (research/engine-protocol.md §3.2, script-qvd.md §5.3). `rows` null means pair i
 * is row i (every row possible, one combination each: the common star-schema case).
 */
export interface RowGroups {
  readonly rows: Int32Array | null;
  readonly groups: Int32Array;
  readonly length: number;
  /** Each record in exactly one pair (no fan-out): totals can be added up from the groups. */
  readonly functional: boolean;
}

/** Partial combination keys of a subtree, per code of the field linking it to its parent. */
interface BranchMap {
  readonly linkColumn: number;
  /** The one partial key of a link code (0 = all nulls, also for codes without partner rows). */
  readonly single: Float64Array;
  /** Link codes associated with several partial combinations. */
  readonly multi: Map<number, number[]>;
}

export function findCombinations(
  model: DataModel,
  tree: TreeNode,
  slotFields: readonly number[],
  scope: RowScope,
  index: GroupIndex,
): RowGroups {
  const branches = tree.children.map((child) => branchMap(model, child, slotFields, scope, index));
  const table = model.tables[tree.table]!;
  const own = ownDigits(model, tree, slotFields, index);
  const rows = scope.rows(tree.table);
  const rowCount = rows ? rows.length : table.rowCount;
  if (branches.every((b) => b.multi.size === 0)) {
    const groups = new Int32Array(rowCount);
    const slots = index.denseSlots();
    if (slots && branches.length <= 1 && own.parts.length <= 2) {
      const branch = branches[0];
      functionalDense(
        rows,
        rowCount,
        own.parts,
        branch,
        table.columns,
        slots,
        index,
        groups,
        table.rowCount,
      );
    } else {
      const parentCodes = branches.map((b) => table.columns[b.linkColumn]!.codes);
      for (let i = 0; i < rowCount; i++) {
        const row = rows ? rows[i]! : i;
        let key = own.keyOf(row);
        for (let b = 0; b < branches.length; b++) {
          key += branches[b]!.single[parentCodes[b]![row]!]!;
        }
        groups[i] = index.groupOf(key);
      }
    }
    return { rows, groups, length: rowCount, functional: true };
  }
  const pairRows: number[] = [];
  const pairGroups: number[] = [];
  for (let i = 0; i < rowCount; i++) {
    const row = rows ? rows[i]! : i;
    for (const key of expand(own.keyOf(row), branches, table.columns, row)) {
      pairRows.push(row);
      pairGroups.push(index.groupOf(key));
    }
  }
  return {
    rows: Int32Array.from(pairRows),
    groups: Int32Array.from(pairGroups),
    length: pairRows.length,
    functional: pairRows.length === rowCount,
  };
}

function branchMap(
  model: DataModel,
  node: TreeNode,
  slotFields: readonly number[],
  scope: RowScope,
  index: GroupIndex,
): BranchMap {
  const branches = node.children.map((child) => branchMap(model, child, slotFields, scope, index));
  const table = model.tables[node.table]!;
  const own = ownDigits(model, node, slotFields, index);
  const linkCodes = table.columns[node.linkColumn]!.codes;
  const single = new Float64Array(model.fields[node.linkField]!.symbols.size + 1);
  const seen = new Uint8Array(single.length);
  const multi = new Map<number, number[]>();
  const rows = scope.rows(node.table);
  const rowCount = rows ? rows.length : table.rowCount;
  for (let i = 0; i < rowCount; i++) {
    const row = rows ? rows[i]! : i;
    const link = linkCodes[row]!;
    // A record with a null link joins no parent record (null does not associate).
    if (link === 0) continue;
    for (const key of expand(own.keyOf(row), branches, table.columns, row)) {
      if (seen[link] === 0) {
        seen[link] = 1;
        single[link] = key;
        continue;
      }
      const list = multi.get(link);
      if (list) {
        if (!list.includes(key)) list.push(key);
      } else if (single[link] !== key) {
        multi.set(link, [single[link]!, key]);
      }
    }
  }
  return { linkColumn: node.parentLinkColumn, single, multi };
}

/** Every combination key of one row: its own digits plus one partial key from each branch. */
function expand(
  ownKey: number,
  branches: readonly BranchMap[],
  columns: DataModel['tables'][number]['columns'],
  row: number,
): number[] {
  let keys = [ownKey];
  for (const branch of branches) {
    const code = columns[branch.linkColumn]!.codes[row]!;
    const list = branch.multi.get(code);
    if (!list) {
      const part = branch.single[code]!;
      for (let k = 0; k < keys.length; k++) keys[k]! += part;
      continue;
    }
    const next: number[] = [];
    for (const key of keys) for (const part of list) next.push(key + part);
    keys = next;
  }
  return keys;
}

let sharedZeros = new Uint8Array(0);

/** A read-only all-zero array of at least `length` entries, shared between calls. */
function zerosFor(length: number): Uint8Array {
  if (sharedZeros.length < length) sharedZeros = new Uint8Array(length);
  return sharedZeros;
}

interface DigitPart {
  readonly codes: ArrayLike<number>;
  readonly weight: number;
}

interface OwnDigits {
  readonly parts: readonly DigitPart[];
  keyOf(row: number): number;
}

/**
 * The hot loop of the star-schema case, unrolled: up to two own dimensions and one branch, one
 * group per row, a dense slot array. Absent parts read a zero array at weight 0.
 */
function functionalDense(
  rows: Int32Array | null,
  rowCount: number,
  parts: readonly DigitPart[],
  branch: BranchMap | undefined,
  columns: DataModel['tables'][number]['columns'],
  slots: Int32Array,
  index: GroupIndex,
  groups: Int32Array,
  tableRows: number,
): void {
  // Row-indexed zeros stand in for absent parts, so one loop shape serves every case.
  const zero = parts.length < 2 || !branch ? zerosFor(tableRows) : new Uint8Array(1);
  const a = parts[0]?.codes ?? zero;
  const wa = parts[0]?.weight ?? 0;
  const b = parts[1]?.codes ?? zero;
  const wb = parts[1]?.weight ?? 0;
  const link = branch ? columns[branch.linkColumn]!.codes : zero;
  const partial = branch ? branch.single : Float64Array.of(0);
  if (rows === null) {
    for (let row = 0; row < rowCount; row++) {
      const key = a[row]! * wa + b[row]! * wb + partial[link[row]!]!;
      let group = slots[key]!;
      if (group < 0) group = index.groupOf(key);
      groups[row] = group;
    }
    return;
  }
  for (let i = 0; i < rowCount; i++) {
    const row = rows[i]!;
    const key = a[row]! * wa + b[row]! * wb + partial[link[row]!]!;
    let group = slots[key]!;
    if (group < 0) group = index.groupOf(key);
    groups[i] = group;
  }
}

/** The partial key of the dimensions a table holds itself. */
function ownDigits(
  model: DataModel,
  node: TreeNode,
  slotFields: readonly number[],
  index: GroupIndex,
): OwnDigits {
  const table = model.tables[node.table]!;
  const parts = node.fieldSlots.map((slot) => ({
    codes: table.columns.find((c) => c.field === slotFields[slot])!.codes,
    weight: index.weights[slot]!,
  }));
  if (parts.length === 0) return { parts, keyOf: () => 0 };
  if (parts.length === 1) {
    const [a] = parts as [(typeof parts)[0]];
    return { parts, keyOf: (row) => a.codes[row]! * a.weight };
  }
  if (parts.length === 2) {
    const [a, b] = parts as [(typeof parts)[0], (typeof parts)[0]];
    return { parts, keyOf: (row) => a.codes[row]! * a.weight + b.codes[row]! * b.weight };
  }
  return {
    parts,
    keyOf: (row) => {
      let key = 0;
      for (const part of parts) key += part.codes[row]! * part.weight;
      return key;
    },
  };
}
