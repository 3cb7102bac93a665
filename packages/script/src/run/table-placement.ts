import { textOf, type Value } from '@cairn/engine';
import type { LoadPrefix } from '../parse/ast.js';
import { joinTables, keepTables } from './join-tables.js';
import type { ReloadContext } from './reload-context.js';
import { ScriptTable } from './script-table.js';

/** Where a loaded result went, for the log. */
export interface Placement {
  readonly table: string;
  readonly rowsInTable: number;
  readonly how: string;
}

/**
 * Puts a LOAD's rows where its prefixes say (research §4.4): a mapping table, a JOIN or KEEP with
 * an existing table, a CONCATENATE, an automatic concatenation onto a table with the same field
 * set, or a new table named by the label (or the source), with `-1`, `-2` … when taken.
 */
export function placeLoadedTable(
  context: ReloadContext,
  loaded: ScriptTable,
  label: string | null,
  defaultName: string,
  prefixes: readonly LoadPrefix[],
): Placement {
  const has = <K extends LoadPrefix['kind']>(kind: K) =>
    prefixes.find((prefix): prefix is Extract<LoadPrefix, { kind: K }> => prefix.kind === kind);
  const name = label ?? defaultName;
  if (has('mapping')) return placeMapping(context, loaded, name);
  for (const [from, to] of context.aliases) if (loaded.hasField(from)) loaded.renameField(from, to);
  const join = has('join');
  const keep = has('keep');
  const concatenate = has('concatenate');
  context.version++;
  if (join) {
    const target = context.table(join.table ?? lastTableName(context, 'JOIN'));
    const joined = joinTables(target, loaded, join.how);
    context.tables.set(target.name, joined);
    context.lastTable = target.name;
    return { table: target.name, rowsInTable: joined.rowCount, how: `${join.how} join` };
  }
  if (concatenate) {
    const target = context.table(concatenate.table ?? lastTableName(context, 'CONCATENATE'));
    target.append(loaded);
    context.lastTable = target.name;
    return { table: target.name, rowsInTable: target.rowCount, how: 'concatenate' };
  }
  if (keep) {
    const target = context.table(keep.table ?? lastTableName(context, 'KEEP'));
    const [keptTarget, keptLoaded] = keepTables(target, loaded, keep.how);
    context.tables.set(target.name, keptTarget);
    return addTable(context, qualified(context, keptLoaded, name), name, `${keep.how} keep`);
  }
  const fields = qualified(context, loaded, name);
  if (!has('noconcatenate')) {
    for (const table of context.tables.values()) {
      if (table.sameFieldSet(fields.fieldNames)) {
        table.append(fields);
        context.lastTable = table.name;
        return { table: table.name, rowsInTable: table.rowCount, how: 'automatic concatenation' };
      }
    }
  }
  return addTable(context, fields, name, 'new table');
}

function addTable(
  context: ReloadContext,
  table: ScriptTable,
  wanted: string,
  how: string,
): Placement {
  const name = context.freeTableName(wanted);
  table.name = name;
  context.tables.set(name, table);
  context.lastTable = name;
  return { table: name, rowsInTable: table.rowCount, how };
}

function lastTableName(context: ReloadContext, prefix: string): string {
  if (context.lastTable === null || !context.tables.has(context.lastTable)) {
    throw context.error(
      'TABLE_NOT_FOUND',
      `${prefix} without a table name needs a table loaded before it`,
    );
  }
  return context.lastTable;
}

/** MAPPING LOAD: first field → second field; the first row of a key wins. */
function placeMapping(context: ReloadContext, loaded: ScriptTable, name: string): Placement {
  if (loaded.columns.length < 2) {
    throw context.error(
      'INVALID_ARGUMENT',
      `a MAPPING LOAD needs two fields, "${name}" has ${loaded.columns.length}`,
    );
  }
  const [from, to] = loaded.columns as [ScriptTable['columns'][0], ScriptTable['columns'][0]];
  const mapping = new Map<string, Value>();
  for (let row = 0; row < loaded.rowCount; row++) {
    const key = textOf(from.valueAt(row));
    if (key !== null && !mapping.has(key)) mapping.set(key, to.valueAt(row));
  }
  context.mappings.set(name, mapping);
  return { table: name, rowsInTable: mapping.size, how: 'mapping table' };
}

/** QUALIFY: fields matching a pattern (and no UNQUALIFY exception) become `Table.Field`. */
function qualified(context: ReloadContext, table: ScriptTable, name: string): ScriptTable {
  const { patterns, exceptions } = context.qualify;
  if (patterns.length === 0) return table;
  for (const field of table.fieldNames) {
    if (patterns.some((p) => matches(p, field)) && !exceptions.some((p) => matches(p, field))) {
      table.renameField(field, `${name}.${field}`);
    }
  }
  return table;
}

/** `*` and `?` wildcards, as QUALIFY and UNQUALIFY patterns use them. */
export function matches(pattern: string, text: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return regex.test(text);
}

export { ScriptTable };
