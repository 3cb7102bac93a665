import type { DataModel, ModelField, ModelTable, ModelWarning } from './data-model.js';

/** The immutable model every session of an app shares. */
export class BuiltModel implements DataModel {
  private readonly fieldsByName: ReadonlyMap<string, ModelField>;
  private readonly tablesByName: ReadonlyMap<string, ModelTable>;

  constructor(
    readonly id: string,
    readonly fields: readonly ModelField[],
    readonly tables: readonly ModelTable[],
    readonly warnings: readonly ModelWarning[],
  ) {
    this.fieldsByName = new Map(fields.map((field) => [field.name, field]));
    this.tablesByName = new Map(tables.map((table) => [table.name, table]));
    Object.freeze(this);
  }

  fieldByName(name: string): ModelField | undefined {
    return this.fieldsByName.get(name);
  }

  tableByName(name: string): ModelTable | undefined {
    return this.tablesByName.get(name);
  }
}
