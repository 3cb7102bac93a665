import type { Statement } from '../parse/ast.js';
import type { ReloadContext } from './reload-context.js';
import { matches } from './table-placement.js';

/** DROP, RENAME, TAG, COMMENT, ALIAS and QUALIFY: statements that reshape loaded tables. */
export function runModelStatement(context: ReloadContext, statement: Statement): boolean {
  switch (statement.kind) {
    case 'drop-tables':
      for (const name of statement.tables) {
        if (context.tables.delete(name)) continue;
        if (!context.mappings.delete(name))
          throw context.error('TABLE_NOT_FOUND', `table "${name}" not found`);
      }
      context.version++;
      return true;
    case 'drop-fields': {
      const tables =
        statement.from === null
          ? [...context.tables.values()]
          : statement.from.map((name) => context.table(name));
      for (const field of statement.fields) {
        let found = false;
        for (const table of tables) found = table.dropField(field) || found;
        if (!found) throw context.error('FIELD_NOT_FOUND', `field "${field}" not found`);
      }
      // A table left without fields is gone, as in Qlik.
      for (const table of tables) if (table.columns.length === 0) context.tables.delete(table.name);
      context.version++;
      return true;
    }
    case 'rename':
      for (const pair of statement.pairs) rename(context, statement.target, pair.from, pair.to);
      return true;
    case 'rename-using': {
      const mapping = context.mappings.get(statement.mapping);
      if (mapping === undefined)
        throw context.error('MAPPING_NOT_FOUND', `mapping table "${statement.mapping}" not found`);
      const names = statement.target === 'table' ? [...context.tables.keys()] : fieldNames(context);
      for (const name of names) {
        const to = mapping.get(name);
        if (to !== undefined && to !== null)
          rename(context, statement.target, name, String(typeof to === 'object' ? to.text : to));
      }
      return true;
    }
    case 'tag':
      for (const table of context.tables.values()) {
        if (statement.target === 'table') continue;
        for (const name of statement.names) {
          if (!table.hasField(name)) continue;
          const tags = table.fieldTags.get(name) ?? [];
          const next = statement.untag
            ? tags.filter((t) => !statement.tags.includes(t))
            : [...new Set([...tags, ...statement.tags])];
          table.fieldTags.set(name, next);
        }
      }
      return true;
    case 'comment':
      for (const name of statement.names) {
        if (statement.target === 'table') context.table(name).comment = statement.text;
        else
          for (const table of context.tables.values())
            if (table.hasField(name)) table.fieldComments.set(name, statement.text);
      }
      return true;
    case 'alias':
      for (const pair of statement.pairs) context.aliases.set(pair.from, pair.to);
      return true;
    case 'qualify':
      if (statement.unqualify) {
        if (statement.names.includes('*')) context.qualify = { patterns: [], exceptions: [] };
        else context.qualify.exceptions.push(...statement.names);
      } else {
        context.qualify.patterns.push(...statement.names);
        context.qualify.exceptions = context.qualify.exceptions.filter(
          (p) => !statement.names.some((n) => matches(n, p)),
        );
      }
      return true;
    default:
      return false;
  }
}

function rename(context: ReloadContext, target: 'table' | 'field', from: string, to: string): void {
  context.version++;
  if (target === 'table') {
    const table = context.table(from);
    if (context.tables.has(to))
      throw context.error(
        'INVALID_ARGUMENT',
        `cannot rename table "${from}" to "${to}": that table exists`,
      );
    const entries = [...context.tables.entries()].map(([name, t]) =>
      name === from ? ([to, t] as const) : ([name, t] as const),
    );
    context.tables.clear();
    for (const [name, t] of entries) context.tables.set(name, t);
    table.name = to;
    if (context.lastTable === from) context.lastTable = to;
    return;
  }
  for (const table of context.tables.values()) table.renameField(from, to);
}

function fieldNames(context: ReloadContext): string[] {
  const names = new Set<string>();
  for (const table of context.tables.values()) for (const name of table.fieldNames) names.add(name);
  return [...names];
}
