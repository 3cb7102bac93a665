import type { GroupResults } from '../aggregate/group-results.js';
import type { GroupIndex } from '../calc/group-index.js';
import { isSelectedState, SymbolState } from '../inference/symbol-state.js';
import type { ModelField } from '../model/data-model.js';
import type { SortCriteria } from './hypercube-def.js';

/** How one column orders rows; `compare` returns <0, 0, >0 for two groups. */
export interface ColumnSort {
  /** 'A' or 'D' as applied to the column's first active criterion, 'N' when unsorted. */
  readonly indicator: 'A' | 'D' | 'N';
  compare(a: number, b: number): number;
  /**
   * Per group a number that sorts ascending in this column's order, when one number says it all
   * (sorting then compares plain numbers instead of calling comparators).
   */
  keyOf?(group: number): number;
  /** When set, `keyOf` gives integers in [0, keyRange). */
  readonly keyRange?: number;
}

/** Static ranks per field and criteria; the model is immutable, so they never go stale. */
const rankCache = new WeakMap<ModelField, Map<string, Int32Array>>();

const collator = new Intl.Collator('en', { numeric: false, sensitivity: 'base' });

/**
 * A dimension's order from its `qSortCriterias[0]`, in Qlik's precedence: state, expression,
 * (frequency, not yet), numeric, text, load order (research/engine-protocol.md §3.4). Every
 * criterion becomes a rank per code, computed once per field, so comparing rows is a few array
 * loads. Null (code 0) goes last whatever the direction.
 */
export function dimensionSort(
  field: ModelField,
  slot: number,
  index: GroupIndex,
  criteria: SortCriteria | undefined,
  reverse: boolean,
  states: Uint8Array,
  expression: GroupResults | null,
): ColumnSort {
  const c = criteria ?? { qSortByNumeric: 1, qSortByAscii: 1, qSortByLoadOrder: 1 };
  const symbols = field.symbols;
  const comparators: ((a: number, b: number) => number)[] = [];
  const flip = reverse ? -1 : 1;
  let indicator: ColumnSort['indicator'] = 'N';
  const note = (direction: number) => {
    if (indicator === 'N') indicator = direction * flip > 0 ? 'A' : 'D';
  };
  const stateComparators: ((a: number, b: number) => number)[] = [];
  if (c.qSortByState) {
    note(c.qSortByState);
    const sign = c.qSortByState * flip;
    stateComparators.push((a, b) => sign * (stateRank(states[a]!) - stateRank(states[b]!)));
  }
  if (c.qSortByExpression && expression) {
    note(c.qSortByExpression);
    const sign = c.qSortByExpression * flip;
    // Compared per group, not per code: the expression is a per-row value.
    return groupSort(index, slot, stateComparators, sign, expression, indicator);
  }
  if (c.qSortByNumeric) {
    note(c.qSortByNumeric);
    const sign = c.qSortByNumeric * flip;
    comparators.push((a, b) => {
      const na = symbols.num(a - 1);
      const nb = symbols.num(b - 1);
      if (Number.isNaN(na) || Number.isNaN(nb))
        return Number.isNaN(na) ? (Number.isNaN(nb) ? 0 : 1) : -1;
      return sign * (na - nb);
    });
  }
  if (c.qSortByAscii) {
    note(c.qSortByAscii);
    const sign = c.qSortByAscii * flip;
    comparators.push((a, b) => sign * collator.compare(symbols.text(a - 1), symbols.text(b - 1)));
  }
  if (c.qSortByLoadOrder) {
    note(c.qSortByLoadOrder);
    const sign = c.qSortByLoadOrder * flip;
    comparators.push((a, b) => sign * (a - b));
  }
  const cacheKey = `${flip}|${c.qSortByNumeric ?? 0}|${c.qSortByAscii ?? 0}|${c.qSortByLoadOrder ?? 0}`;
  let cached = rankCache.get(field);
  if (!cached) {
    cached = new Map();
    rankCache.set(field, cached);
  }
  let rank = cached.get(cacheKey);
  if (!rank) {
    rank = codeRanks(symbols.size, comparators);
    cached.set(cacheKey, rank);
  }
  const ranks = rank;
  const byState = stateComparators[0];
  return {
    indicator,
    compare: (a, b) => {
      const ca = index.code(a, slot);
      const cb = index.code(b, slot);
      return byState?.(ca, cb) || 0 || ranks[ca]! - ranks[cb]!;
    },
  };
}

/** Rank per code under a comparator chain; null (code 0) ranks after every value. */
function codeRanks(size: number, comparators: ((a: number, b: number) => number)[]): Int32Array {
  const codes = Array.from({ length: size }, (_, i) => i + 1);
  codes.sort((a, b) => {
    for (const compare of comparators) {
      const order = compare(a, b);
      if (order !== 0) return order;
    }
    return 0;
  });
  const rank = new Int32Array(size + 1);
  rank[0] = size + 1;
  let current = 0;
  codes.forEach((code, i) => {
    if (i > 0) {
      const previous = codes[i - 1]!;
      if (comparators.some((compare) => compare(previous, code) !== 0)) current = i;
    }
    rank[code] = current;
  });
  return rank;
}

function groupSort(
  index: GroupIndex,
  slot: number,
  stateComparators: ((a: number, b: number) => number)[],
  sign: number,
  values: GroupResults,
  indicator: ColumnSort['indicator'],
): ColumnSort {
  return {
    indicator,
    compare: (a, b) => {
      const ca = index.code(a, slot);
      const cb = index.code(b, slot);
      if ((ca === 0) !== (cb === 0)) return ca === 0 ? 1 : -1;
      for (const compare of stateComparators) {
        const order = compare(ca, cb);
        if (order !== 0) return order;
      }
      return compareValues(values, a, b, sign);
    },
  };
}

/** A measure's order from `qSortBy`: by number (texts after numbers), else by text. */
export function measureSort(
  values: GroupResults,
  criteria: SortCriteria | undefined,
  reverse: boolean,
): ColumnSort {
  const direction =
    criteria?.qSortByNumeric || criteria?.qSortByAscii || criteria?.qSortByLoadOrder;
  if (!direction) return { indicator: 'N', compare: () => 0 };
  const sign = direction * (reverse ? -1 : 1);
  const numeric = values.texts === null;
  return {
    indicator: sign > 0 ? 'A' : 'D',
    compare: (a, b) => compareValues(values, a, b, sign),
    // Without texts a measure orders by its number alone, nulls last.
    ...(numeric
      ? {
          keyOf: (group: number) => {
            const num = values.nums[group]!;
            return Number.isNaN(num) ? Number.POSITIVE_INFINITY : sign * num;
          },
        }
      : {}),
  };
}

function compareValues(values: GroupResults, a: number, b: number, sign: number): number {
  const na = values.nums[a]!;
  const nb = values.nums[b]!;
  const aMissing = Number.isNaN(na);
  const bMissing = Number.isNaN(nb);
  if (!aMissing && !bMissing) return sign * (na - nb);
  if (aMissing !== bMissing) return aMissing ? 1 : -1;
  const ta = values.texts?.[a] ?? null;
  const tb = values.texts?.[b] ?? null;
  if (ta === null || tb === null) return ta === null ? (tb === null ? 0 : 1) : -1;
  return sign * collator.compare(ta, tb);
}

/** Selected first, then possible, alternative, excluded (the list box order). */
function stateRank(state: number): number {
  if (isSelectedState(state)) return 0;
  if (state === SymbolState.optional) return 1;
  if (state === SymbolState.alternative) return 2;
  return 3;
}

/** Sorts groups lexicographically by the columns in inter-column order; ties keep group order. */
export function sortGroups(groups: Int32Array, columns: readonly ColumnSort[]): Int32Array {
  const active = columns.filter((column) => column.indicator !== 'N');
  if (active.length === 0) return groups;
  const composite = compositeSort(groups, active);
  if (composite) return composite;
  if (active.every((column) => column.keyOf)) {
    // Keys by position in `groups`, sorted as a permutation of positions.
    const keys = active.map((column) => Float64Array.from(groups, (g) => column.keyOf!(g)));
    const positions = Int32Array.from(groups, (_, i) => i);
    positions.sort((a, b) => {
      for (const key of keys) {
        const ka = key[a]!;
        const kb = key[b]!;
        if (ka !== kb) return ka < kb ? -1 : 1;
      }
      return groups[a]! - groups[b]!;
    });
    return Int32Array.from(positions, (p) => groups[p]!);
  }
  const list = Array.from(groups);
  list.sort((a, b) => {
    for (const column of active) {
      const order = column.compare(a, b);
      if (order !== 0) return order;
    }
    return a - b;
  });
  return Int32Array.from(list);
}

/**
 * When every column's key is a small integer, one number per group says the whole order: the
 * keys in mixed radix, times the row count, plus the position (the tie-break). A native numeric
 * sort of those numbers beats any comparator.
 */
function compositeSort(groups: Int32Array, active: readonly ColumnSort[]): Int32Array | null {
  let space = groups.length;
  for (const column of active) {
    if (!column.keyOf || !column.keyRange) return null;
    space *= column.keyRange;
  }
  if (space > Number.MAX_SAFE_INTEGER) return null;
  const packed = new Float64Array(groups.length);
  for (let i = 0; i < groups.length; i++) {
    let key = 0;
    for (const column of active) key = key * column.keyRange! + column.keyOf!(groups[i]!);
    packed[i] = key * groups.length + i;
  }
  packed.sort();
  return Int32Array.from(packed, (value) => groups[value % groups.length]!);
}
