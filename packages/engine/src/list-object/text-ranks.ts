import type { SymbolTable } from '../model/data-model.js';

// Derived from immutable symbol tables only; keyed weakly so a dropped model frees its ranks.
const cache = new WeakMap<SymbolTable, Map<string, Uint32Array>>();

/**
 * Each symbol's position in the field's text order under a collation. Sorting a list by text
 * then compares two integers instead of calling the collator, which for fields with a million
 * values is the difference between milliseconds and seconds; computed once per field and locale.
 */
export function textRanks(symbols: SymbolTable, collator: Intl.Collator): Uint32Array {
  const options = collator.resolvedOptions();
  const key = `${options.locale}|${options.sensitivity}|${options.numeric}|${options.caseFirst}`;
  let byLocale = cache.get(symbols);
  if (byLocale === undefined) {
    byLocale = new Map();
    cache.set(symbols, byLocale);
  }
  let ranks = byLocale.get(key);
  if (ranks === undefined) {
    const texts = Array.from({ length: symbols.size }, (_, i) => symbols.text(i));
    const order = Array.from({ length: symbols.size }, (_, i) => i).sort(
      (a, b) => collator.compare(texts[a] as string, texts[b] as string) || a - b,
    );
    ranks = new Uint32Array(symbols.size);
    let rank = 0;
    order.forEach((symbol, i) => {
      // Texts the collator calls equal share a rank, so later criteria still decide between them.
      const previous = order[i - 1];
      if (
        i > 0 &&
        previous !== undefined &&
        collator.compare(texts[previous] as string, texts[symbol] as string) !== 0
      )
        rank = i;
      (ranks as Uint32Array)[symbol] = rank;
    });
    byLocale.set(key, ranks);
  }
  return ranks;
}
