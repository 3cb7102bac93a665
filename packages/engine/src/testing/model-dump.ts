import type { DataModel } from '../model/data-model.js';

/**
 * A readable text dump of a model for golden files: warnings, fields (tags, tables, symbols) and
 * each table's rows as texts, with `-` for null. Rows past `maxRows` are elided.
 */
export function dumpModel(model: DataModel, maxRows = 20): string {
  const lines: string[] = [`model ${model.id}`];
  for (const warning of model.warnings) lines.push(`warning ${warning.code}: ${warning.message}`);
  for (const field of model.fields) {
    const tables = field.tables.map((t) => model.tables[t]?.name).join(', ');
    const symbols = Array.from({ length: field.symbols.size }, (_, i) =>
      symbolText(model, field.index, i),
    );
    lines.push(
      `field ${field.name}${field.isSystem ? ' (system)' : ''} [${field.tags.join(' ')}] in ${tables}: ${symbols.join(' | ')}`,
    );
  }
  for (const table of model.tables) {
    const flags = [
      table.isSynthetic ? 'synthetic' : '',
      table.isLooselyCoupled ? 'loosely coupled' : '',
    ]
      .filter((f) => f !== '')
      .join(', ');
    lines.push(`table ${table.name} (${table.rowCount} rows${flags ? `, ${flags}` : ''})`);
    lines.push(
      `  ${table.columns.map((c) => `${model.fields[c.field]?.name}:${c.codes.constructor.name}`).join('\t')}`,
    );
    for (let row = 0; row < Math.min(table.rowCount, maxRows); row++) {
      const cells = table.columns.map((c) => {
        const code = c.codes[row] ?? 0;
        return code === 0 ? '-' : (model.fields[c.field]?.symbols.text(code - 1) ?? '?');
      });
      lines.push(`  ${cells.join('\t')}`);
    }
    if (table.rowCount > maxRows) lines.push(`  ... ${table.rowCount - maxRows} more rows`);
  }
  return `${lines.join('\n')}\n`;
}

function symbolText(model: DataModel, field: number, symbol: number): string {
  const symbols = model.fields[field]?.symbols;
  if (symbols === undefined) return '?';
  const value = symbols.value(symbol);
  if (typeof value === 'number') return `${value}`;
  if (typeof value === 'string') return `'${value}'`;
  return `${symbols.text(symbol)}=${symbols.num(symbol)}`;
}
