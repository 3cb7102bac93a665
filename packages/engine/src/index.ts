export {
  type AggregateName,
  type AggregateRequest,
  aggregate,
  supportedAggregates,
} from './aggregate/aggregate-functions.js';
export type { ArgumentColumn } from './aggregate/argument-column.js';
export type { GroupResults } from './aggregate/group-results.js';
export {
  accumulateExtremes,
  accumulateSum,
  accumulateSums,
  codeHistogram,
  createNumericAccumulator,
  mergeNumeric,
  type NumericAccumulator,
  type PairRange,
} from './aggregate/kernels.js';
export type {
  CalcContext,
  CalcState,
  EvaluationBinding,
  ScalarEvaluator,
} from './calc/calc-context.js';
export {
  type CalcContextOptions,
  createCalcContext,
  scalarEvaluator,
} from './calc/create-context.js';
export { type CubeTable, computeCubeTable } from './calc/cube-table.js';
export { EngineError, type EngineErrorCode, engineErrorCodes } from './calc/engine-error.js';
export { type EvaluatedValue, evaluateExpression } from './calc/evaluate-expression.js';
export { ResultCache, resultKey } from './calc/result-cache.js';
export { type RowScope, scopeOf } from './calc/row-scope.js';
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
export {
  type CompiledExpression,
  compileScalar,
  contextOf,
  evaluateScalar,
  evaluateText,
} from './expression/evaluate.js';
export { applyBinary, applyUnary, like } from './expression/operators.js';
export { parseExpression } from './expression/parser.js';
export { printExpression, printName, printSet } from './expression/print.js';
export type {
  AggregateEvaluator,
  EvaluationScope,
  RowFunctionCall,
  RowFunctionHost,
} from './expression/scope.js';
export type * from './expression/set-ast.js';
export {
  childrenOf,
  type ExpressionFields,
  getFieldsFromExpression,
  walkExpression,
} from './expression/walk.js';
export { wildcardMatch } from './expression/wildcard.js';
export {
  formatDateDefault,
  formatTime,
  formatTimestamp,
  interpretDate,
  interpretTime,
  interpretTimestamp,
} from './format/convenience.js';
export { formatDate } from './format/date-format.js';
export { interpretDateTime, interpretInterval } from './format/interpret-date.js';
export { interpretNumber } from './format/interpret-default.js';
export { formatInterval } from './format/interval-format.js';
export { defaultLocale, type LocaleSettings, localeFromVariables } from './format/locale.js';
export {
  formatMoney,
  formatNumber,
  roundHalfAway,
  type Separators,
} from './format/number-format.js';
export {
  displayText,
  displayText as formatValue,
  formatDefaultNumber,
} from './format/number-text.js';
export { parseNumber, parsePlainNumber } from './format/parse-number.js';
export {
  type DateParts,
  dateParts,
  dayOf,
  makeSerial,
  msFromSerial,
  serialFromMs,
} from './format/serial.js';
export {
  bool,
  isNumeric,
  isTrue,
  numberResult,
  toNumber,
  toText,
  toTextOrEmpty,
} from './functions/coerce.js';
export type {
  EagerFunction,
  FunctionContext,
  FunctionKind,
  LazyArguments,
  LazyFunction,
  ScalarFunction,
} from './functions/function-types.js';
export { callFunction, lookupFunction, scalarFunctions } from './functions/registry.js';
export { computeHyperCube, getHyperCubeData } from './hypercube/compute-hypercube.js';
export type {
  HyperCubeDef,
  NumFormat,
  NxCell,
  NxDataPage as HyperCubeDataPage,
  NxDimension,
  NxMeasure,
} from './hypercube/hypercube-def.js';
export { type HyperCubeSelection, selectHyperCubeValues } from './hypercube/select-values.js';
export { infer } from './inference/infer.js';
export type {
  FieldInference,
  Inference,
  StateCounts,
  TableInference,
} from './inference/inference.js';
export {
  applyLink,
  applySelection,
  collectLinkCodes,
  dead,
  failsSeveral,
  initVerdicts,
  markAllCodes,
  markCodesOfRows,
  markPossibleCodes,
  splitRows,
  verdictsToPossible,
  verdictsToPossibleRows,
} from './inference/kernels.js';
export {
  isPossibleState,
  isSelectedState,
  type StateLetter,
  SymbolState,
  stateLetter,
} from './inference/symbol-state.js';
export {
  computeListObject,
  getListObjectData,
  type ListObjectOptions,
  listObjectField,
} from './list-object/list-object.js';
export { ListObjectError, type ListObjectErrorCode } from './list-object/list-object-error.js';
export type {
  FrequencyMode,
  ListObjectCell,
  ListObjectDef,
  ListObjectDimensionInfo,
  ListObjectLayout,
  NxDataPage as ListObjectDataPage,
} from './list-object/list-object-types.js';
export { defaultListSort, sortSymbols } from './list-object/sort-symbols.js';
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
  type NxCurrentSelectionItem,
  type SelectionObjectLayout,
  selectionObjectLayout,
} from './selection/selection-object.js';
export {
  type CurrentSelection,
  type FieldRef,
  SelectionState,
  type SelectMode,
} from './selection/selection-state.js';
export type { SelectionView } from './selection/selection-view.js';
export { deserializeModel } from './serialize/deserialize-model.js';
export { serializeModel } from './serialize/serialize-model.js';
export { setScope } from './set-analysis/set-scope.js';
export { dumpModel } from './testing/model-dump.js';
export { type ReferenceInference, referenceInfer } from './testing/reference-inference.js';
export { tableInput } from './testing/table-input.js';
