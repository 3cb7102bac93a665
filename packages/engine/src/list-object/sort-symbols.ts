import type { ModelField } from '../model/data-model.js';
import type { SortCriteria } from './list-object-types.js';
import { textRanks } from './text-ranks.js';

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

type Compare = (a: number, b: number) => number;

/**
 * Orders symbol indexes by one sort criteria object, applying its keys in Qlik's precedence:
 * state, frequency, numeric, text, load order (expression sorting is the expression library's).
 * Texts sort numbers after texts in a numeric sort; `qSortByFrequency` 1 means descending.
 */
export function sortSymbols(
  field: ModelField,
  symbols: number[],
  criteria: SortCriteria,
  states: Uint8Array,
  frequency: Uint32Array | undefined,
  collator: Intl.Collator,
  reverse: boolean,
): number[] {
  const table = field.symbols;
  const compares: Compare[] = [];
  const by = (direction: number | undefined, compare: Compare) => {
    if (direction !== undefined && direction !== 0)
      compares.push((a, b) => Math.sign(direction) * compare(a, b));
  };
  by(
    criteria.qSortByState,
    (a, b) => (stateRank[states[a + 1] ?? 0] ?? 4) - (stateRank[states[b + 1] ?? 0] ?? 4),
  );
  if (frequency) by(criteria.qSortByFrequency, (a, b) => (frequency[b] ?? 0) - (frequency[a] ?? 0));
  if (criteria.qSortByNumeric) {
    const direction = Math.sign(criteria.qSortByNumeric);
    compares.push((a, b) => {
      const na = table.isNumeric(a);
      const nb = table.isNumeric(b);
      if (na && nb) return direction * (table.num(a) - table.num(b));
      // Values without a number come after numbers in either direction.
      return na === nb ? 0 : na ? -1 : 1;
    });
  }
  if (criteria.qSortByAscii) {
    const ranks = textRanks(table, collator);
    by(criteria.qSortByAscii, (a, b) => (ranks[a] as number) - (ranks[b] as number));
  }
  by(criteria.qSortByLoadOrder, (a, b) => a - b);
  compares.push((a, b) => a - b);
  const sorted = symbols.slice().sort((a, b) => {
    for (const compare of compares) {
      const order = compare(a, b);
      if (order !== 0) return order;
    }
    return 0;
  });
  return reverse ? sorted.reverse() : sorted;
}
