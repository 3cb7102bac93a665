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
  FieldInference,
  Inference,
  StateCounts,
  TableInference,
} from './inference/inference.js';
export {
  isPossibleState,
  isSelectedState,
  type StateLetter,
  SymbolState,
  stateLetter,
} from './inference/symbol-state.js';
export { type BuildModelOptions, buildModel } from './model/build-model.js';
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
export { ModelError, type ModelErrorCode } from './model/model-error.js';
export { defaultNumberText } from './model/symbol-table.js';
export { Dual, dual, numOf, textOf, type Value } from './model/value.js';
export {
  compileFieldSearch,
  type ExpressionSearchHook,
  type FieldSearch,
  type FieldSearchOptions,
  searchField,
} from './search/field-search.js';
export type { HighlightRange } from './search/highlight.js';
export { SearchError, type SearchErrorCode } from './search/search-error.js';
export { SelectionError, type SelectionErrorCode } from './selection/selection-error.js';
export type { SelectionSnapshot } from './selection/selection-history.js';
export {
  type CurrentSelection,
  type FieldRef,
  SelectionState,
  type SelectMode,
} from './selection/selection-state.js';
export type { SelectionView } from './selection/selection-view.js';
