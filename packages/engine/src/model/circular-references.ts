import type { ModelWarning } from './data-model.js';
import type { Draft, DraftTable } from './draft.js';

/**
 * Finds loops in the association graph (tables linked through fields held by more than one
 * table) and breaks each by marking a table loosely coupled, as Qlik does after a reload. Tables
 * join the graph in load order, synthetic-key tables first, so the table that closes a loop is
 * the one loaded last in it, never a `$Syn` table. A loosely coupled table keeps its data but no
 * longer takes part in the association graph, which is then a forest.
 */
export function breakCircularReferences(draft: Draft): ModelWarning[] {
  const keyFields = fieldsInSeveralTables(draft);
  const fieldNodes = draft.fields.length;
  const parent = new Int32Array(fieldNodes + draft.tables.length).map((_, i) => i);
  const find = (node: number): number => {
    let root = node;
    while (parent[root] !== root) root = parent[root] as number;
    parent[node] = root;
    return root;
  };
  // Edges already in the forest, to name the tables along a loop in the warning.
  const edges: [table: number, field: number][] = [];
  const order = draft.tables
    .map((table, index) => ({ table, index }))
    .sort((a, b) => Number(b.table.isSynthetic) - Number(a.table.isSynthetic) || a.index - b.index);
  const warnings: ModelWarning[] = [];

  for (const { table, index } of order) {
    const keys = table.fields.filter((f) => keyFields.has(f));
    const roots = keys.map(find);
    const loopAt = roots.findIndex((root, i) => roots.indexOf(root) !== i);
    if (loopAt >= 0) {
      const first = keys[roots.indexOf(roots[loopAt] as number)] as number;
      const loop = pathTables(edges, first, keys[loopAt] as number, draft.tables);
      table.isLooselyCoupled = true;
      const names = [...loop, table.name];
      warnings.push({
        code: 'CIRCULAR_REFERENCE',
        message:
          `circular reference: tables ${names.join(', ')} form a loop; ` +
          `table "${table.name}" is loosely coupled (rename or qualify a field to remove the loop)`,
        tables: names,
      });
      continue;
    }
    for (const key of keys) {
      parent[find(fieldNodes + index)] = find(key);
      edges.push([index, key]);
    }
  }
  return warnings;
}

function fieldsInSeveralTables(draft: Draft): Set<number> {
  const counts = new Map<number, number>();
  for (const table of draft.tables) {
    for (const f of table.fields) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, count]) => count > 1).map(([f]) => f));
}

/** Tables on the forest path between two field nodes (breadth-first over the edges so far). */
function pathTables(
  edges: readonly [number, number][],
  from: number,
  to: number,
  tables: readonly DraftTable[],
): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [`f${from}`];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const node = queue.shift() as string;
    if (node === `f${to}`) break;
    for (const [table, field] of edges) {
      const pair = node === `f${field}` ? `t${table}` : node === `t${table}` ? `f${field}` : null;
      if (pair !== null && !seen.has(pair)) {
        seen.add(pair);
        cameFrom.set(pair, node);
        queue.push(pair);
      }
    }
  }
  const names: string[] = [];
  for (let node = cameFrom.get(`f${to}`); node !== undefined; node = cameFrom.get(node)) {
    if (node.startsWith('t')) names.unshift(tables[Number(node.slice(1))]?.name ?? '');
  }
  return names;
}
