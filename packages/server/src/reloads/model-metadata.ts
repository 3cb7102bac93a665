import type { DataModel } from '@cairn/engine';
import type { ModelMetadata } from './reload-runner.js';

/** Summarises a model for `data/metadata`; names and counts only, never values. */
export function modelMetadata(model: DataModel): ModelMetadata {
  return {
    fields: model.fields.map((field) => ({
      name: field.name,
      src_tables: field.tables.map((t) => model.tables[t]?.name ?? ''),
      is_system: field.isSystem,
      is_hidden: field.tags.includes('$hidden'),
      cardinal: field.symbols.size,
      tags: [...field.tags],
      comment: field.comment,
    })),
    tables: model.tables.map((table) => ({
      name: table.name,
      is_system: false,
      is_loose: table.isLooselyCoupled,
      no_of_rows: table.rowCount,
      no_of_fields: table.columns.length,
      comment: table.comment,
    })),
  };
}
