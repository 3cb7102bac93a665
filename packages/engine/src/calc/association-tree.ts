import type { DataModel } from '../model/data-model.js';

/**
 * How the tables a calculation needs hang together, seen from one root table (the table whose
 * records an aggregation counts). Tables associate through fields of the same name; walking
 * breadth-first from the root gives each other table one parent and the field it links by.
 * After synthetic keys and circular-reference breaking the table graph is a forest, so this
 * tree is the join path Qlik uses (research/performance.md §1.3, "find combinations").
 */
export interface TreeNode {
  readonly table: number;
  /** The field linking this table to its parent; -1 for the root. */
  readonly linkField: number;
  /** Column index of `linkField` in this table and in the parent. */
  readonly linkColumn: number;
  readonly parentLinkColumn: number;
  readonly children: TreeNode[];
  /** Dimension positions (into the calculation's field list) read from this table. */
  readonly fieldSlots: number[];
}

interface Visit {
  parent: number;
  field: number;
  depth: number;
}

/**
 * Builds the smallest tree rooted at `root` that reaches a table holding each of `fields`;
 * returns null when a field is not reachable from the root (tables in separate data islands).
 */
export function buildAssociationTree(
  model: DataModel,
  root: number,
  fields: readonly number[],
): TreeNode | null {
  const visits = new Map<number, Visit>([[root, { parent: -1, field: -1, depth: 0 }]]);
  const queue = [root];
  for (let head = 0; head < queue.length; head++) {
    const table = queue[head]!;
    const depth = visits.get(table)!.depth;
    // A loosely coupled table (a broken circular reference) associates with nothing.
    if (model.tables[table]!.isLooselyCoupled) continue;
    for (const column of model.tables[table]!.columns) {
      for (const other of model.fields[column.field]!.tables) {
        if (visits.has(other) || model.tables[other]!.isLooselyCoupled) continue;
        visits.set(other, { parent: table, field: column.field, depth: depth + 1 });
        queue.push(other);
      }
    }
  }
  const nodes = new Map<number, TreeNode>();
  const nodeOf = (table: number): TreeNode => {
    const existing = nodes.get(table);
    if (existing) return existing;
    const visit = visits.get(table)!;
    const created: TreeNode = {
      table,
      linkField: visit.field,
      linkColumn: visit.field < 0 ? -1 : columnOf(model, table, visit.field),
      parentLinkColumn: visit.field < 0 ? -1 : columnOf(model, visit.parent, visit.field),
      children: [],
      fieldSlots: [],
    };
    nodes.set(table, created);
    if (visit.parent >= 0) nodeOf(visit.parent).children.push(created);
    return created;
  };
  nodeOf(root);
  for (let slot = 0; slot < fields.length; slot++) {
    const holder = nearestHolder(model, fields[slot]!, visits);
    if (holder < 0) return null;
    nodeOf(holder).fieldSlots.push(slot);
  }
  return nodes.get(root)!;
}

/** The table holding `field` closest to the root (the root itself when it holds it). */
function nearestHolder(model: DataModel, field: number, visits: Map<number, Visit>): number {
  let best = -1;
  let bestDepth = Number.POSITIVE_INFINITY;
  for (const table of model.fields[field]!.tables) {
    const depth = visits.get(table)?.depth;
    if (depth !== undefined && depth < bestDepth) {
      best = table;
      bestDepth = depth;
    }
  }
  return best;
}

export function columnOf(model: DataModel, table: number, field: number): number {
  const columns = model.tables[table]!.columns;
  for (let i = 0; i < columns.length; i++) if (columns[i]!.field === field) return i;
  throw new Error(`table ${model.tables[table]!.name} has no field ${model.fields[field]!.name}`);
}

/** Tables that hold every one of `fields`, in model order. */
export function tablesHoldingAll(model: DataModel, fields: readonly number[]): number[] {
  if (fields.length === 0) return [];
  return model.fields[fields[0]!]!.tables.filter((table) =>
    fields.every((field) => model.fields[field]!.tables.includes(table)),
  );
}
