export { aggregationFunctionNames, isAggregationName } from './expression/aggregate-names.js';
export type * from './expression/ast.js';
export {
  type DollarExpansionHooks,
  expandDollar,
  maxDollarExpansions,
} from './expression/dollar-expansion.js';
export {
  ExpressionError,
  type ExpressionErrorCode,
  expressionErrorCodes,
  positionAt,
  type SourcePosition,
} from './expression/errors.js';
export { parseExpression } from './expression/parser.js';
export type * from './expression/set-ast.js';
export {
  childrenOf,
  type ExpressionFields,
  getFieldsFromExpression,
  walkExpression,
} from './expression/walk.js';
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
