import { Dual, type Value } from '@cairn/engine';
import type { ReloadContext } from './reload-context.js';
import type { ScriptTable } from './script-table.js';

/** Identity of a value in a field: its number when it has one, else its text. */
export function identityOf(value: Exclude<Value, null>): number | string {
  if (typeof value === 'number') return value;
  if (value instanceof Dual) return value.num;
  return `s${value}`;
}

interface FieldEntry {
  version: number;
  values: Value[];
  seen: Set<number | string>;
  /** Rows of the table being built already added. */
  outputRows: number;
  output: ScriptTable | null;
}

/**
 * The distinct values of a field over every table (Exists, FieldValue, FieldValueCount), in load
 * order, plus the rows the current LOAD has produced so far. Rebuilt when a table changes.
 */
export class FieldValueIndex {
  private readonly fields = new Map<string, FieldEntry>();

  constructor(private readonly context: ReloadContext) {}

  exists(field: string, value: Exclude<Value, null>, output: ScriptTable | null): boolean {
    return this.entry(field, output).seen.has(identityOf(value));
  }

  values(field: string, output: ScriptTable | null): readonly Value[] {
    return this.entry(field, output).values;
  }

  private entry(field: string, output: ScriptTable | null): FieldEntry {
    let entry = this.fields.get(field);
    if (entry === undefined || entry.version !== this.context.version || entry.output !== output) {
      entry = { version: this.context.version, values: [], seen: new Set(), outputRows: 0, output };
      for (const table of this.context.tables.values()) {
        const column = table.column(field);
        if (column !== undefined)
          for (let row = 0; row < table.rowCount; row++) add(entry, column.valueAt(row));
      }
      this.fields.set(field, entry);
    }
    const column = output?.column(field);
    if (output !== null && column !== undefined) {
      for (let row = entry.outputRows; row < output.rowCount; row++)
        add(entry, column.valueAt(row));
      entry.outputRows = output.rowCount;
    }
    return entry;
  }
}

function add(entry: FieldEntry, value: Value): void {
  if (value === null) return;
  const key = identityOf(value);
  if (entry.seen.has(key)) return;
  entry.seen.add(key);
  entry.values.push(value);
}
