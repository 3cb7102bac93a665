import type { TableInput, Value } from '@cairn/engine';
import { ScriptColumn } from './script-column.js';

/** A table held during a reload: ordered columns of equal length. */
export class ScriptTable {
  readonly columns: ScriptColumn[] = [];
  private readonly byName = new Map<string, ScriptColumn>();
  rowCount = 0;
  comment = '';
  readonly fieldTags = new Map<string, string[]>();
  readonly fieldComments = new Map<string, string>();

  constructor(
    public name: string,
    fieldNames: readonly string[] = [],
  ) {
    for (const field of fieldNames) this.addField(field);
  }

  get fieldNames(): string[] {
    return this.columns.map((column) => column.name);
  }

  column(name: string): ScriptColumn | undefined {
    return this.byName.get(name);
  }

  hasField(name: string): boolean {
    return this.byName.has(name);
  }

  /** Adds a field, filled with nulls for the rows already there. */
  addField(name: string): ScriptColumn {
    const existing = this.byName.get(name);
    if (existing !== undefined) return existing;
    const column = new ScriptColumn(name);
    column.pushNulls(this.rowCount);
    this.columns.push(column);
    this.byName.set(name, column);
    return column;
  }

  /** Appends a row given as values in `columns` order. */
  pushRow(values: readonly Value[]): void {
    for (let i = 0; i < this.columns.length; i++)
      (this.columns[i] as ScriptColumn).push(values[i] ?? null);
    this.rowCount++;
  }

  valueAt(field: string, row: number): Value {
    return this.byName.get(field)?.valueAt(row) ?? null;
  }

  dropField(name: string): boolean {
    const column = this.byName.get(name);
    if (column === undefined) return false;
    this.byName.delete(name);
    this.columns.splice(this.columns.indexOf(column), 1);
    return true;
  }

  renameField(from: string, to: string): void {
    const column = this.byName.get(from);
    if (column === undefined) return;
    this.byName.delete(from);
    column.name = to;
    this.byName.set(to, column);
  }

  /** Same field set, order ignored: the test for automatic concatenation (research §4.4). */
  sameFieldSet(names: readonly string[]): boolean {
    if (names.length !== this.columns.length) return false;
    return names.every((name) => this.byName.has(name));
  }

  /** Appends every row of `other`, matching fields by name; missing fields become null. */
  append(other: ScriptTable): void {
    for (const column of other.columns) this.addField(column.name);
    for (const column of this.columns) {
      const source = other.column(column.name);
      if (source === undefined) column.pushNulls(other.rowCount);
      else for (let row = 0; row < other.rowCount; row++) column.push(source.valueAt(row));
    }
    this.rowCount += other.rowCount;
  }

  /** A new table holding only `rows` (in that order). */
  selectRows(rows: ArrayLike<number>): ScriptTable {
    const table = new ScriptTable(this.name);
    for (const column of this.columns) {
      const copy = column.select(rows);
      table.columns.push(copy);
      table.byName.set(copy.name, copy);
    }
    table.rowCount = rows.length;
    return table;
  }

  estimateBytes(): number {
    return this.columns.reduce((sum, column) => sum + column.estimateBytes(), 0);
  }

  /** The engine's hand-over form: one batch of indexed columns. */
  toTableInput(): TableInput {
    const fieldTags: Record<string, readonly string[]> = Object.fromEntries(this.fieldTags);
    const fieldComments: Record<string, string> = Object.fromEntries(this.fieldComments);
    return {
      name: this.name,
      batches: [
        {
          rowCount: this.rowCount,
          columns: this.columns.map((column) => ({
            kind: 'indexed' as const,
            name: column.name,
            symbols: column.symbols,
            indexes: column.indexes(),
          })),
        },
      ],
      fieldTags,
      fieldComments,
      comment: this.comment,
    };
  }
}
