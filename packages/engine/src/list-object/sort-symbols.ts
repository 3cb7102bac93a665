import type { ModelField } from '../model/data-model.js';
import type { SortCriteria } from './list-object-types.js';
import { symbolRanks } from './symbol-ranks.js';

/** The listbox default (engine-protocol.md §3.4): state, then text, number, load order, ascending. */
export const defaultListSort: SortCriteria = {
  qSortByState: 1,
  qSortByAscii: 1,
  qSortByNumeric: 1,
  qSortByLoadOrder: 1,
};

/**
 * Rank of a displayed state for `qSortByState`: selected (and locked) first, then selected but
 * excluded, optional, alternative, excluded (engine-protocol.md §3.5; unverified against Qlik).
 */
const stateRank = [4, 2, 0, 3, 1, 0, 1];

/** Keeps combined keys times the next radix below 2^52, so they stay exact in a float. */
const maxExact = 2 ** 52;

/**
 * Orders symbol indexes by one sort criteria object, applying its keys in Qlik's precedence:
 * state, frequency, numeric, text, load order (expression sorting is the expression library's).
 * Values without a number come after numbers in a numeric sort, in either direction;
 * `qSortByFrequency` 1 means descending. Every key becomes an integer rank per symbol; the ranks
 * are folded into one number per symbol (re-ranked whenever the product would lose precision)
 * and the list is sorted by the engine's native numeric sort, without a comparator.
 */
export function sortSymbols(
  field: ModelField,
  symbols: readonly number[],
  criteria: SortCriteria,
  states: Uint8Array,
  frequency: ArrayLike<number> | undefined,
  collator: Intl.Collator,
  reverse: boolean,
): number[] {
  const table = field.symbols;
  const n = symbols.length;
  const keys: { ranks: ArrayLike<number>; radix: number; direction: number }[] = [];
  if (criteria.qSortByState)
    keys.push({
      ranks: stateRanks(table.size, states),
      radix: 5,
      direction: Math.sign(criteria.qSortByState),
    });
  if (criteria.qSortByFrequency && frequency) {
    keys.push({
      ranks: frequency,
      radix: maxOf(frequency) + 1,
      direction: -Math.sign(criteria.qSortByFrequency),
    });
  }
  if (criteria.qSortByNumeric)
    keys.push(rankKey(symbolRanks(table, null), criteria.qSortByNumeric, true, table));
  if (criteria.qSortByAscii)
    keys.push(rankKey(symbolRanks(table, collator), criteria.qSortByAscii, false, table));

  let combined = new Float64Array(n);
  let span = 1;
  for (const { ranks, radix, direction } of keys) {
    if (span * radix >= maxExact) {
      span = denseRank(combined);
    }
    for (let i = 0; i < n; i++) {
      const rank = ranks[symbols[i] as number] as number;
      combined[i] = (combined[i] as number) * radix + (direction > 0 ? rank : radix - 1 - rank);
    }
    span *= radix;
  }
  // Last key: the load order, which also makes every key distinct.
  const size = table.size;
  if (span * size >= maxExact) span = denseRank(combined);
  const loadAscending = (criteria.qSortByLoadOrder ?? 1) >= 0;
  for (let i = 0; i < n; i++) {
    const symbol = symbols[i] as number;
    combined[i] = (combined[i] as number) * size + (loadAscending ? symbol : size - 1 - symbol);
  }
  combined = combined.sort();
  const order = Array.from(combined, (key) => {
    const slot = key % size;
    return loadAscending ? slot : size - 1 - slot;
  });
  return reverse ? order.reverse() : order;
}

function stateRanks(size: number, states: Uint8Array): Uint8Array {
  const ranks = new Uint8Array(size);
  for (let s = 0; s < size; s++) ranks[s] = stateRank[states[s + 1] ?? 0] ?? 4;
  return ranks;
}

/**
 * A rank key in a direction. For numbers, texts keep their place after every number whichever
 * way the numbers go, so a descending numeric key only reverses the numeric ranks.
 */
function rankKey(
  ranks: Uint32Array,
  criterion: number,
  textsLast: boolean,
  table: ModelField['symbols'],
): { ranks: ArrayLike<number>; radix: number; direction: number } {
  let max = 0;
  for (const rank of ranks) if (rank > max) max = rank;
  const radix = max + 1;
  if (criterion > 0 || !textsLast) return { ranks, radix, direction: Math.sign(criterion) };
  let numericMax = -1;
  for (let s = 0; s < table.size; s++)
    if (table.isNumeric(s)) numericMax = Math.max(numericMax, ranks[s] as number);
  const flipped = Uint32Array.from(ranks, (rank, s) =>
    table.isNumeric(s) ? numericMax - rank : rank,
  );
  return { ranks: flipped, radix, direction: 1 };
}

/** Replaces values by their dense rank (0, 1, 2, ... in value order); returns the rank count. */
function denseRank(values: Float64Array): number {
  const distinct = values.slice().sort();
  const ranks = new Map<number, number>();
  for (const value of distinct) if (!ranks.has(value)) ranks.set(value, ranks.size);
  for (let i = 0; i < values.length; i++) values[i] = ranks.get(values[i] as number) ?? 0;
  return Math.max(ranks.size, 1);
}

function maxOf(values: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i++)
    if ((values[i] as number) > max) max = values[i] as number;
  return max;
}
