export type {
  BatchColumn,
  ColumnBatch,
  IndexedColumn,
  TableInput,
  ValueColumn,
} from './model/column-batch.js';
export type {
  CodeArray,
  DataModel,
  ModelField,
  ModelTable,
  ModelWarning,
  SymbolTable,
  TableColumn,
} from './model/data-model.js';
export { Dual, dual, numOf, textOf, type Value } from './model/value.js';
