import { CodeBuffer } from './code-buffer.js';
import type { BatchColumn, TableInput } from './column-batch.js';
import type { Draft, DraftField, DraftTable } from './draft.js';
import { ModelError } from './model-error.js';
import { SymbolTableBuilder } from './symbol-table-builder.js';
import type { Value } from './value.js';

/**
 * Turns column batches into draft tables of codes and one symbol table per field name. Values
 * columns add each row's value; indexed columns map their symbols once and then translate indexes
 * row by row, which is what keeps an optimised QVD load cheap.
 */
export function loadTables(inputs: readonly TableInput[]): Draft {
  const builders = new Map<string, SymbolTableBuilder>();
  const fieldOrder: string[] = [];
  const fieldTags = new Map<string, Set<string>>();
  const fieldComments = new Map<string, string>();
  const loaded: { input: TableInput; names: string[]; buffers: CodeBuffer[]; rows: number }[] = [];
  const seenTables = new Set<string>();

  for (const input of inputs) {
    if (input.name === '') throw new ModelError('MODEL_EMPTY_NAME', 'a table has an empty name');
    if (seenTables.has(input.name)) {
      throw new ModelError('MODEL_DUPLICATE_TABLE', `table "${input.name}" is given twice`);
    }
    seenTables.add(input.name);
    const rows = input.batches.reduce((sum, batch) => sum + batch.rowCount, 0);
    const names = columnNames(input);
    const buffers = names.map(() => new CodeBuffer(rows));
    for (const name of names) {
      if (!builders.has(name)) {
        builders.set(name, new SymbolTableBuilder(name));
        fieldOrder.push(name);
      }
    }
    let offset = 0;
    input.batches.forEach((batch, b) => {
      for (const column of batch.columns) {
        checkLength(input.name, b, column, batch.rowCount);
        const slot = names.indexOf(column.name);
        const buffer = buffers[slot];
        const builder = builders.get(column.name);
        if (buffer && builder) fillColumn(column, builder, buffer, offset, input.name);
      }
      offset += batch.rowCount;
    });
    for (const [name, tags] of Object.entries(input.fieldTags ?? {})) {
      const set = fieldTags.get(name) ?? new Set<string>();
      for (const tag of tags) set.add(tag);
      fieldTags.set(name, set);
    }
    for (const [name, comment] of Object.entries(input.fieldComments ?? {})) {
      fieldComments.set(name, comment);
    }
    loaded.push({ input, names, buffers, rows });
  }

  const fields: DraftField[] = fieldOrder.map((name) => ({
    name,
    symbols: (builders.get(name) as SymbolTableBuilder).build(),
    tags: fieldTags.get(name) ?? new Set<string>(),
    comment: fieldComments.get(name) ?? '',
    isSystem: false,
  }));
  const fieldIndex = new Map(fieldOrder.map((name, i) => [name, i]));
  const tables: DraftTable[] = loaded.map(({ input, names, buffers, rows }) => {
    const indexes = names.map((name) => fieldIndex.get(name) ?? -1);
    return {
      name: input.name,
      rowCount: rows,
      fields: indexes,
      codes: buffers.map((buffer, i) => buffer.finish(fields[indexes[i] ?? 0]?.symbols.size ?? 0)),
      isSynthetic: false,
      isLooselyCoupled: false,
      comment: input.comment ?? '',
    };
  });
  return { fields, tables };
}

/** Column names in order of first appearance over the batches; a name twice in one batch fails. */
function columnNames(input: TableInput): string[] {
  const names: string[] = [];
  input.batches.forEach((batch, b) => {
    const inBatch = new Set<string>();
    for (const column of batch.columns) {
      if (column.name === '') {
        throw new ModelError(
          'MODEL_EMPTY_NAME',
          `table "${input.name}" batch ${b} has a column with an empty name`,
        );
      }
      if (inBatch.has(column.name)) {
        throw new ModelError(
          'MODEL_DUPLICATE_COLUMN',
          `table "${input.name}" batch ${b} has column "${column.name}" twice`,
        );
      }
      inBatch.add(column.name);
      if (!names.includes(column.name)) names.push(column.name);
    }
  });
  return names;
}

function checkLength(table: string, batch: number, column: BatchColumn, rowCount: number): void {
  const length = column.kind === 'values' ? column.values.length : column.indexes.length;
  if (length !== rowCount) {
    throw new ModelError(
      'MODEL_BATCH_LENGTH',
      `table "${table}" batch ${batch} column "${column.name}" has ${length} rows, the batch says ${rowCount}`,
    );
  }
}

function fillColumn(
  column: BatchColumn,
  builder: SymbolTableBuilder,
  buffer: CodeBuffer,
  offset: number,
  table: string,
): void {
  if (column.kind === 'values') {
    const { values } = column;
    let codes = buffer.codes;
    // Sorted or grouped sources repeat values row after row; skip the lookup for a repeat.
    let last: Value | undefined;
    let lastCode = 0;
    for (let i = 0; i < values.length; i++) {
      const value = values[i] ?? null;
      const code = value === last ? lastCode : builder.add(value) + 1;
      last = value;
      lastCode = code;
      if (code > 0xff) codes = buffer.ensure(code);
      codes[offset + i] = code;
    }
    return;
  }
  // Map the column's own symbols to field codes once; rows then only translate indexes.
  const map = new Int32Array(column.symbols.length);
  for (let s = 0; s < column.symbols.length; s++)
    map[s] = builder.add(column.symbols[s] ?? null) + 1;
  const codes = buffer.ensure(builder.size);
  const { indexes } = column;
  const symbolCount = map.length;
  for (let i = 0; i < indexes.length; i++) {
    const index = indexes[i] as number;
    if (index < 0) continue;
    if (index >= symbolCount) {
      throw new ModelError(
        'MODEL_INDEX_OUT_OF_RANGE',
        `table "${table}" column "${column.name}" row ${offset + i} has index ${index}, but only ${symbolCount} symbols`,
      );
    }
    codes[offset + i] = map[index] as number;
  }
}
