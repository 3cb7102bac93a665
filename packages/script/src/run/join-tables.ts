import type { Value } from '@cairn/engine';
import type { JoinKind } from '../parse/ast.js';
import { matchKey } from './row-key.js';
import { ScriptTable } from './script-table.js';

/**
 * Natural join of `target` and `loaded` on their common fields (a Cartesian product when there is
 * none). Rows keep target order, each followed by its matches; unmatched loaded rows come last.
 */
export function joinTables(target: ScriptTable, loaded: ScriptTable, how: JoinKind): ScriptTable {
  const common = loaded.fieldNames.filter((name) => target.hasField(name));
  const added = loaded.fieldNames.filter((name) => !target.hasField(name));
  const result = new ScriptTable(target.name, [...target.fieldNames, ...added]);
  result.comment = target.comment;
  const matches = indexRows(loaded, common);
  const used = new Uint8Array(loaded.rowCount);
  const row: Value[] = new Array(result.columns.length);
  const targetWidth = target.columns.length;
  for (let t = 0; t < target.rowCount; t++) {
    for (let c = 0; c < targetWidth; c++)
      row[c] = (target.columns[c] as { valueAt(r: number): Value }).valueAt(t);
    const key = common.length === 0 ? '' : matchKey(common.map((name) => target.valueAt(name, t)));
    const partners = key === null ? undefined : matches.get(key);
    if (partners === undefined || partners.length === 0) {
      if (how === 'left' || how === 'outer') {
        row.fill(null, targetWidth);
        result.pushRow(row);
      }
      continue;
    }
    for (const l of partners) {
      used[l] = 1;
      added.forEach((name, i) => {
        row[targetWidth + i] = loaded.valueAt(name, l);
      });
      result.pushRow(row);
    }
  }
  if (how === 'right' || how === 'outer') {
    for (let l = 0; l < loaded.rowCount; l++) {
      if (used[l]) continue;
      result.fieldNames.forEach((name, c) => {
        row[c] = loaded.hasField(name) ? loaded.valueAt(name, l) : null;
      });
      result.pushRow(row);
    }
  }
  return result;
}

/**
 * KEEP: filters `target` and/or `loaded` to rows with a partner in the other table, as the join
 * would, and keeps them apart. Returns the filtered pair.
 */
export function keepTables(
  target: ScriptTable,
  loaded: ScriptTable,
  how: JoinKind,
): [ScriptTable, ScriptTable] {
  const common = loaded.fieldNames.filter((name) => target.hasField(name));
  const inLoaded = indexRows(loaded, common);
  const inTarget = indexRows(target, common);
  const filter = (table: ScriptTable, other: Map<string, number[]>) => {
    const rows: number[] = [];
    for (let r = 0; r < table.rowCount; r++) {
      const key = common.length === 0 ? '' : matchKey(common.map((name) => table.valueAt(name, r)));
      if (key !== null && other.has(key)) rows.push(r);
    }
    return rows.length === table.rowCount ? table : table.selectRows(rows);
  };
  const keptTarget = how === 'inner' || how === 'right' ? filter(target, inLoaded) : target;
  const keptLoaded = how === 'inner' || how === 'left' ? filter(loaded, inTarget) : loaded;
  return [keptTarget, keptLoaded];
}

function indexRows(table: ScriptTable, fields: readonly string[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (let r = 0; r < table.rowCount; r++) {
    const key = fields.length === 0 ? '' : matchKey(fields.map((name) => table.valueAt(name, r)));
    if (key === null) continue;
    const rows = index.get(key);
    if (rows) rows.push(r);
    else index.set(key, [r]);
  }
  return index;
}
