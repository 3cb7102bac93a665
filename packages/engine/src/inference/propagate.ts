import type { CodeArray, DataModel } from '../model/data-model.js';
import type { AssociationGraph, TableLink } from './association-graph.js';
import { constrainedSides } from './constrained-sides.js';
import {
  applyLink,
  applySelection,
  collectLinkCodes,
  dead,
  initVerdicts,
  markCodesOfRows,
  markPossibleCodes,
  verdictsToPossible,
  verdictsToPossibleRows,
} from './kernels.js';

/** Below one possible row in this many, later passes gather over a row list instead of scanning. */
const sparseRatio = 8;

/** Stride for (table, link) pair keys; verdicts allow at most 253 links per table anyway. */
const maxLinks = 256;

/** Selected codes per selected field: `mask[code]` is 1 when that value is selected. */
export type SelectionMasks = ReadonlyMap<number, Uint8Array>;

export interface Propagation {
  /** Per table, 1 for each possible row (tables no selection reaches share `graph.allRows`). */
  readonly possible: readonly Uint8Array[];
  readonly possibleCount: readonly number[];
  /** Possible row numbers of tables where few rows are possible (gathering beats scanning). */
  readonly rowLists: ReadonlyMap<number, Uint32Array>;
}

type Message = Uint8Array | null;

/**
 * Computes the possible rows of every table under the selections by message passing over the
 * association forest, never materialising the join. A message from a table over one of its key
 * fields is the set of key codes for which that table's side of the forest can complete a
 * combination satisfying every selection held on that side; a side holding no selection accepts
 * anything, a missing partner (null) included. A row is possible when it passes its own table's
 * selections and every message arriving over its key fields. Rooted at its largest table, each
 * tree needs one upward and one downward pass; a table is scanned at most twice, and not at all
 * when no selection reaches it.
 */
export function propagate(
  model: DataModel,
  graph: AssociationGraph,
  masks: SelectionMasks,
): Propagation {
  const possible: Uint8Array[] = graph.allRows.slice();
  const possibleCount = model.tables.map((t) => t.rowCount);
  const selectedIn = model.tables.map((table) => table.columns.filter((c) => masks.has(c.field)));
  const { links } = graph;
  const rowLists = new Map<number, Uint32Array>();
  // Rows passing the first filter of a table's last scan: an upper bound of its possible rows.
  const upperBounds = model.tables.map((t) => t.rowCount);
  // (table, link) pairs whose incoming message restricted the table's last scan.
  const applied = new Set<number>();
  const out: Message[][] = links.map((l) => l.map((): Message => null));
  const constrained = constrainedSides(links, (t, field) =>
    (selectedIn[t] ?? []).some((c) => c.field !== field),
  );

  // The message arriving at `table` over link `j`: what every partner across it accepts.
  const incoming = (table: number, j: number): Message => {
    const link = links[table]?.[j];
    let result: Message = null;
    for (const partner of link?.partners ?? []) {
      const back = links[partner]?.findIndex((l) => l.field === link?.field) ?? -1;
      const message = out[partner]?.[back] ?? null;
      if (message === null) continue;
      if (result === null) result = message.slice();
      else intersect(result, message);
    }
    return result;
  };

  // Verdicts per row (see kernels.ts), or null when nothing restricts the table at all.
  const scan = (table: number, skip: number): Uint8Array | null => {
    const rows = model.tables[table]?.rowCount ?? 0;
    const messages = (links[table] ?? []).map((_, j) => (j === skip ? null : incoming(table, j)));
    const own = selectedIn[table] ?? [];
    if (own.length === 0 && messages.every((m) => m === null)) return null;
    const verdicts = new Uint8Array(rows);
    let first = true;
    let passing = rows;
    for (const column of own) {
      const mask = masks.get(column.field) as Uint8Array;
      if (first) passing = initVerdicts(column.codes, mask, dead, verdicts, 0, rows);
      else applySelection(column.codes, mask, verdicts, 0, rows);
      first = false;
    }
    messages.forEach((message, j) => {
      const codes = links[table]?.[j]?.codes as CodeArray;
      if (message === null) return;
      applied.add(table * maxLinks + j);
      if (first) passing = initVerdicts(codes, message, j + 1, verdicts, 0, rows);
      else applyLink(codes, message, j, verdicts, 0, rows);
      first = false;
    });
    upperBounds[table] = passing;
    return verdicts;
  };

  // Codes of link j in rows that pass all but that link (mark -1: rows that pass everything).
  const codesOfPossibleRows = (
    link: TableLink,
    tablePossible: Uint8Array,
    rows: Uint32Array | undefined,
  ): Uint8Array => {
    const size = model.fields[link.field]?.symbols.size ?? 0;
    const message = new Uint8Array(size + 1);
    if (rows !== undefined) markCodesOfRows(link.codes, rows, message, 0, rows.length);
    else markPossibleCodes(link.codes, tablePossible, message, size + 1, 0, link.codes.length);
    message[0] = 0;
    return message;
  };

  const collect = (
    table: number,
    j: number,
    verdicts: Uint8Array | null,
    mark: number,
  ): Uint8Array => {
    const link = links[table]?.[j] as TableLink;
    let message: Uint8Array;
    if (verdicts === null) {
      const column = model.tables[table]?.columns.findIndex((c) => c.field === link.field) ?? -1;
      message = graph.presence(table, column).slice();
    } else {
      message = new Uint8Array((model.fields[link.field]?.symbols.size ?? 0) + 1);
      collectLinkCodes(link.codes, verdicts, mark, message, 0, link.codes.length);
    }
    // A null key never meets a partner, so a side that must be present cannot accept it.
    message[0] = 0;
    return message;
  };

  const visited = new Uint8Array(model.tables.length);
  for (let root = 0; root < model.tables.length; root++) {
    if (visited[root] === 1) continue;
    const { order, parentLink } = rootedOrder(
      graph,
      largestInComponent(model, graph, root),
      visited,
    );
    if (!order.some((t) => (selectedIn[t]?.length ?? 0) > 0)) continue;
    for (let i = order.length - 1; i > 0; i--) {
      const table = order[i] as number;
      const up = parentLink.get(table) ?? -1;
      if (constrained[table]?.[up])
        (out[table] as Message[])[up] = collect(table, up, scan(table, up), -1);
    }
    for (const table of order) {
      const up = parentLink.get(table) ?? -1;
      const verdicts = scan(table, -1);
      if (verdicts !== null) {
        const tablePossible = new Uint8Array(verdicts.length);
        const bound = upperBounds[table] ?? verdicts.length;
        if (bound * sparseRatio < verdicts.length) {
          const rows = new Uint32Array(bound);
          possibleCount[table] = verdictsToPossibleRows(
            verdicts,
            tablePossible,
            rows,
            0,
            verdicts.length,
          );
          rowLists.set(table, rows.subarray(0, possibleCount[table]));
        } else {
          possibleCount[table] = verdictsToPossible(verdicts, tablePossible, 0, verdicts.length);
        }
        possible[table] = tablePossible;
      }
      (links[table] ?? []).forEach((link, j) => {
        if (j === up || !constrained[table]?.[j]) return;
        // No row can fail a link whose message was not applied: the message is then just the
        // codes of the possible rows, which a row list or an early-exit scan finds cheaply.
        const fromPossible = verdicts !== null && !applied.has(table * maxLinks + j);
        (out[table] as Message[])[j] = fromPossible
          ? codesOfPossibleRows(link, possible[table] as Uint8Array, rowLists.get(table))
          : collect(table, j, verdicts, j);
      });
    }
  }
  return { possible, possibleCount, rowLists };
}

function largestInComponent(model: DataModel, graph: AssociationGraph, start: number): number {
  const component = graph.component[start];
  let best = start;
  for (let t = start; t < model.tables.length; t++) {
    if (
      graph.component[t] === component &&
      (model.tables[t]?.rowCount ?? 0) > (model.tables[best]?.rowCount ?? 0)
    ) {
      best = t;
    }
  }
  return best;
}

/** Tables of the root's tree in pre-order, with the link each was reached by (root: -1). */
function rootedOrder(
  graph: AssociationGraph,
  root: number,
  visited: Uint8Array,
): { order: number[]; parentLink: Map<number, number> } {
  const order: number[] = [];
  const parentLink = new Map<number, number>([[root, -1]]);
  const stack = [root];
  visited[root] = 1;
  while (stack.length > 0) {
    const table = stack.pop() as number;
    order.push(table);
    for (const link of graph.links[table] ?? []) {
      for (const partner of link.partners) {
        if (visited[partner] === 1) continue;
        visited[partner] = 1;
        parentLink.set(
          partner,
          graph.links[partner]?.findIndex((l) => l.field === link.field) ?? -1,
        );
        stack.push(partner);
      }
    }
  }
  return { order, parentLink };
}

function intersect(into: Uint8Array, other: Uint8Array): void {
  for (let code = 0; code < into.length; code++)
    into[code] = (into[code] as number) & (other[code] as number);
}
