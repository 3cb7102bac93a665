import type { Inference } from '../inference/inference.js';
import { SymbolState, stateLetter } from '../inference/symbol-state.js';
import type { DataModel, ModelField } from '../model/data-model.js';
import { compileFieldSearch, type FieldSearchOptions } from '../search/field-search.js';
import type { HighlightRange } from '../search/highlight.js';
import type { SelectionView } from '../selection/selection-view.js';
import { dimensionInfo } from './dimension-info.js';
import { symbolFrequencies } from './frequency.js';
import { ListObjectError } from './list-object-error.js';
import type {
  ListObjectCell,
  ListObjectDef,
  ListObjectLayout,
  NxDataPage,
  NxPage,
} from './list-object-types.js';
import { defaultListSort, sortSymbols } from './sort-symbols.js';

/** Qlik refuses data pages of more than this many cells (engine-protocol.md §3.2). */
export const maxPageCells = 10_000;

export interface ListObjectOptions {
  /** An active `SearchListObjectFor` string: only matching values are listed, highlighted. */
  readonly search?: string;
  readonly searchOptions?: FieldSearchOptions;
  /** Collation for `qSortByAscii` (the app's `qCollation`); default: root locale, numeric off. */
  readonly collator?: Intl.Collator;
}

/** A list object's rows in display order, computed once per (state, def, search). */
interface ListRows {
  readonly field: ModelField;
  readonly symbols: readonly number[];
  readonly states: Uint8Array;
  readonly frequencyText: ((symbol: number) => string) | undefined;
  readonly highlights: ((symbol: number) => HighlightRange[]) | undefined;
  readonly showAlternatives: boolean;
}

/**
 * Qlik's `qListObject` layout for a list object definition (engine-protocol.md §3.5): every
 * value of the field with its state (excluded values included), sorted by the def's first
 * `qSortCriterias` entry, with one data page per `qInitialDataFetch` entry.
 *
 * Known gaps: `qExpressions` are not evaluated (qcx is always 1), `qSortByExpression` is
 * ignored, and a calculated field (`=...`) fails with LIST_CALCULATED_FIELD; these need the
 * expression library wired in.
 */
export function computeListObject(
  model: DataModel,
  state: SelectionView,
  inference: Inference,
  def: ListObjectDef,
  options: ListObjectOptions = {},
): ListObjectLayout {
  const rows = listRows(model, inference, def, options);
  return {
    qStateName: def.qStateName ?? '$',
    qSize: { qcx: 1, qcy: rows.symbols.length },
    qDimensionInfo: dimensionInfo(rows.field, def, inference, state.isLocked(rows.field.index)),
    qExpressions: [],
    qDataPages: (def.qInitialDataFetch ?? []).map((page) => dataPage(rows, page)),
  };
}

/** `GetListObjectData`: the requested pages of the same rows, clipped to the list's size. */
export function getListObjectData(
  model: DataModel,
  _state: SelectionView,
  inference: Inference,
  def: ListObjectDef,
  pages: readonly NxPage[],
  options: ListObjectOptions = {},
): NxDataPage[] {
  const rows = listRows(model, inference, def, options);
  return pages.map((page) => dataPage(rows, page));
}

/** The field a list object shows: `qFieldDefs[0]`, brackets allowed. */
export function listObjectField(model: DataModel, def: ListObjectDef): ModelField {
  const raw = (def.qDef.qFieldDefs[0] ?? '').trim();
  if (raw.startsWith('=')) {
    throw new ListObjectError(
      'LIST_CALCULATED_FIELD',
      `calculated list object field "${raw}" is not supported`,
    );
  }
  const name =
    raw.startsWith('[') && raw.endsWith(']') ? raw.slice(1, -1).replaceAll(']]', ']') : raw;
  const field = model.fieldByName(name);
  if (field === undefined) {
    throw new ListObjectError(
      'LIST_UNKNOWN_FIELD',
      `list object field "${raw}" is not in the data model`,
    );
  }
  return field;
}

// Sorted rows per inference (immutable), so paging through a long list sorts it once. Keyed
// weakly: the entries go when the session drops the inference.
const rowsCache = new WeakMap<Inference, Map<string, ListRows>>();

function listRows(
  model: DataModel,
  inference: Inference,
  def: ListObjectDef,
  options: ListObjectOptions,
): ListRows {
  // An expression search depends on its hook, which cannot be part of a key: never cached.
  if (options.search?.trim().startsWith('=')) return computeRows(model, inference, def, options);
  const key = JSON.stringify([
    def.qDef.qFieldDefs[0],
    def.qDef.qSortCriterias?.[0] ?? null,
    def.qDef.qReverseSort === true,
    def.qShowAlternatives === true,
    def.qFrequencyMode ?? 'N',
    options.search ?? '',
    options.searchOptions?.textMode ?? 'words',
    options.collator?.resolvedOptions().locale ?? '',
  ]);
  let byKey = rowsCache.get(inference);
  if (byKey === undefined) {
    byKey = new Map();
    rowsCache.set(inference, byKey);
  }
  let rows = byKey.get(key);
  if (rows === undefined) {
    rows = computeRows(model, inference, def, options);
    byKey.set(key, rows);
  }
  return rows;
}

function computeRows(
  model: DataModel,
  inference: Inference,
  def: ListObjectDef,
  options: ListObjectOptions,
): ListRows {
  const field = listObjectField(model, def);
  const states = inference.fields[field.index]?.states ?? new Uint8Array(field.symbols.size + 1);
  const search = options.search?.trim()
    ? compileFieldSearch(field, options.search, options.searchOptions)
    : undefined;
  let symbols: number[] = [];
  for (let s = 0; s < field.symbols.size; s++)
    if (search === undefined || search.matches(s)) symbols.push(s);
  const mode = def.qFrequencyMode ?? 'N';
  const wantsFrequency = mode !== 'N' && mode !== 'NX_FREQUENCY_NONE';
  const criteria = def.qDef.qSortCriterias?.[0] ?? defaultListSort;
  const frequency =
    wantsFrequency || criteria.qSortByFrequency
      ? symbolFrequencies(model, inference, field)
      : undefined;
  const collator = options.collator ?? new Intl.Collator('en', { sensitivity: 'variant' });
  const showAlternatives = def.qShowAlternatives === true;
  const shown = showAlternatives
    ? states
    : states.map((s) => (s === SymbolState.alternative ? SymbolState.excluded : s));
  symbols = sortSymbols(
    field,
    symbols,
    criteria,
    shown,
    frequency?.counts,
    collator,
    def.qDef.qReverseSort === true,
  );
  return {
    field,
    symbols,
    states: shown,
    frequencyText: wantsFrequency && frequency ? frequencyFormatter(mode, frequency) : undefined,
    highlights: search ? (s) => search.highlights(s) : undefined,
    showAlternatives,
  };
}

function frequencyFormatter(
  mode: string,
  frequency: { counts: Uint32Array; possibleTotal: number; allTotal: number },
): (symbol: number) => string {
  const { counts, possibleTotal, allTotal } = frequency;
  if (mode === 'V' || mode === 'NX_FREQUENCY_VALUE') return (s) => String(counts[s] ?? 0);
  // P: share of the possible rows; R: share of all rows (relative to the unselected data).
  const total = mode === 'P' || mode === 'NX_FREQUENCY_PERCENT' ? possibleTotal : allTotal;
  return (s) => (total === 0 ? '0%' : `${(((counts[s] ?? 0) / total) * 100).toFixed(1)}%`);
}

function dataPage(rows: ListRows, page: NxPage): NxDataPage {
  const top = page.qTop ?? 0;
  const left = page.qLeft ?? 0;
  const width = page.qWidth ?? 0;
  const height = page.qHeight ?? 0;
  if (width * height > maxPageCells) {
    throw new ListObjectError(
      'LIST_PAGE_TOO_LARGE',
      `data page of ${width} x ${height} cells is larger than ${maxPageCells} cells`,
    );
  }
  const first = Math.min(Math.max(top, 0), rows.symbols.length);
  const last = Math.min(first + Math.max(height, 0), rows.symbols.length);
  const columns = left <= 0 && left + width > 0 ? 1 : 0;
  const qMatrix: ListObjectCell[][] = [];
  if (columns === 1)
    for (let i = first; i < last; i++) qMatrix.push([cell(rows, rows.symbols[i] as number)]);
  return {
    qMatrix,
    qTails: [],
    qArea: { qTop: top, qLeft: left, qWidth: columns, qHeight: columns === 1 ? last - first : 0 },
  };
}

function cell(rows: ListRows, symbol: number): ListObjectCell {
  const table = rows.field.symbols;
  const num = table.num(symbol);
  const base: ListObjectCell = {
    qText: table.text(symbol),
    qNum: Number.isNaN(num) ? 'NaN' : num,
    qElemNumber: symbol,
    qState: stateLetter(rows.states[symbol + 1] ?? 0),
  };
  const extra: { qFrequency?: string; qHighlightRanges?: { qRanges: HighlightRange[] } } = {};
  if (rows.frequencyText) extra.qFrequency = rows.frequencyText(symbol);
  if (rows.highlights) extra.qHighlightRanges = { qRanges: rows.highlights(symbol) };
  return { ...base, ...extra };
}
