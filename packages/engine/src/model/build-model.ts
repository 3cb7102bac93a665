import { BuiltModel } from './built-model.js';
import { breakCircularReferences } from './circular-references.js';
import type { TableInput } from './column-batch.js';
import type { CodeArray, DataModel, ModelField, ModelTable } from './data-model.js';
import { deriveFieldTags } from './field-tags.js';
import { loadTables } from './load-tables.js';
import { addSyntheticKeys, narrowColumns } from './synthetic-keys.js';

export interface BuildModelOptions {
  /** The model id; a fresh random id when absent (tests and golden files pin it). */
  readonly id?: string;
}

/**
 * Builds the immutable associative data model from finished tables: one symbol table per field
 * name, code columns per table, synthetic keys for tables sharing several fields, circular
 * references broken by loose coupling, and the field tags. Warnings say what was changed.
 */
export function buildModel(
  tables: readonly TableInput[],
  options: BuildModelOptions = {},
): DataModel {
  const draft = loadTables(tables);
  const warnings = [...addSyntheticKeys(draft), ...breakCircularReferences(draft)];
  narrowColumns(draft);

  const holders = draft.fields.map((): number[] => []);
  draft.tables.forEach((table, t) => {
    for (const f of table.fields) holders[f]?.push(t);
  });
  const fields: ModelField[] = draft.fields.map((field, index) => {
    const tables = holders[index] ?? [];
    const tags = new Set([...deriveFieldTags(field.symbols, tables.length), ...field.tags]);
    return Object.freeze({
      index,
      name: field.name,
      symbols: field.symbols,
      tables: Object.freeze(tables),
      tags: Object.freeze([...tags]),
      comment: field.comment,
      isSystem: field.isSystem,
    });
  });
  const modelTables: ModelTable[] = draft.tables.map((table, index) =>
    Object.freeze({
      index,
      name: table.name,
      rowCount: table.rowCount,
      columns: Object.freeze(
        table.fields.map((field, c) =>
          Object.freeze({ field, codes: table.codes[c] as CodeArray }),
        ),
      ),
      isSynthetic: table.isSynthetic,
      isLooselyCoupled: table.isLooselyCoupled,
      comment: table.comment,
    }),
  );
  return new BuiltModel(
    options.id ?? globalThis.crypto.randomUUID(),
    fields,
    modelTables,
    warnings,
  );
}
