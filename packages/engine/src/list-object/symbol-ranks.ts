import type { SymbolTable } from '../model/data-model.js';

// Derived from immutable symbol tables only; keyed weakly so a dropped model frees the ranks.
const cache = new WeakMap<SymbolTable, Map<string, Uint32Array>>();

/**
 * Each symbol's rank in the field's text order under a collation (`text|<locale>`) or in number
 * order (`number`, texts ranked after every number). Equal keys share a rank. Computed once per
 * field, so sorting a list never collates or compares texts again.
 */
export function symbolRanks(symbols: SymbolTable, collator: Intl.Collator | null): Uint32Array {
  const options = collator?.resolvedOptions();
  const key = options
    ? `text|${options.locale}|${options.sensitivity}|${options.numeric}`
    : 'number';
  let byKey = cache.get(symbols);
  if (byKey === undefined) {
    byKey = new Map();
    cache.set(symbols, byKey);
  }
  let ranks = byKey.get(key);
  if (ranks === undefined) {
    ranks = collator
      ? rankBy(symbols, textCompare(symbols, collator))
      : rankBy(symbols, numberCompare(symbols));
    byKey.set(key, ranks);
  }
  return ranks;
}

function textCompare(
  symbols: SymbolTable,
  collator: Intl.Collator,
): (a: number, b: number) => number {
  const texts = Array.from({ length: symbols.size }, (_, i) => symbols.text(i));
  return (a, b) => collator.compare(texts[a] as string, texts[b] as string);
}

function numberCompare(symbols: SymbolTable): (a: number, b: number) => number {
  const nums = Float64Array.from({ length: symbols.size }, (_, i) =>
    symbols.isNumeric(i) ? symbols.num(i) : Number.POSITIVE_INFINITY,
  );
  const isText = Uint8Array.from({ length: symbols.size }, (_, i) =>
    symbols.isNumeric(i) ? 0 : 1,
  );
  return (a, b) =>
    (isText[a] as number) - (isText[b] as number) ||
    compareNumbers(nums[a] as number, nums[b] as number);
}

function rankBy(symbols: SymbolTable, compare: (a: number, b: number) => number): Uint32Array {
  const order = Array.from({ length: symbols.size }, (_, i) => i).sort(
    (a, b) => compare(a, b) || a - b,
  );
  const ranks = new Uint32Array(symbols.size);
  let rank = 0;
  for (let i = 0; i < order.length; i++) {
    const symbol = order[i] as number;
    if (i > 0 && compare(order[i - 1] as number, symbol) !== 0) rank++;
    ranks[symbol] = rank;
  }
  return ranks;
}

// Explicit, since Infinity - Infinity is NaN and texts all carry Infinity.
function compareNumbers(x: number, y: number): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
