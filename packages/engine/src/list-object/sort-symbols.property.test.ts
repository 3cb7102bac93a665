import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../model/build-model.js';
import type { ModelField } from '../model/data-model.js';
import { dual, type Value } from '../model/value.js';
import { tableInput } from '../testing/table-input.js';
import type { SortCriteria } from './list-object-types.js';
import { sortSymbols } from './sort-symbols.js';

const stateRank = [4, 2, 0, 3, 1, 0, 1];

/** The sort rule written directly as a comparator chain, to check the folded-key sort against. */
function referenceSort(
  field: ModelField,
  criteria: SortCriteria,
  states: Uint8Array,
  frequency: readonly number[],
  collator: Intl.Collator,
  reverse: boolean,
): number[] {
  const t = field.symbols;
  const chain: ((a: number, b: number) => number)[] = [];
  const dir = (d: number | undefined) => Math.sign(d ?? 0);
  if (criteria.qSortByState) {
    chain.push(
      (a, b) =>
        dir(criteria.qSortByState) *
        ((stateRank[states[a + 1] ?? 0] ?? 4) - (stateRank[states[b + 1] ?? 0] ?? 4)),
    );
  }
  if (criteria.qSortByFrequency) {
    chain.push(
      (a, b) =>
        -dir(criteria.qSortByFrequency) * Math.sign((frequency[a] ?? 0) - (frequency[b] ?? 0)),
    );
  }
  if (criteria.qSortByNumeric) {
    chain.push((a, b) => {
      const [na, nb] = [t.isNumeric(a), t.isNumeric(b)];
      if (na && nb) return dir(criteria.qSortByNumeric) * Math.sign(t.num(a) - t.num(b));
      return na === nb ? 0 : na ? -1 : 1;
    });
  }
  if (criteria.qSortByAscii)
    chain.push((a, b) => dir(criteria.qSortByAscii) * collator.compare(t.text(a), t.text(b)));
  chain.push((a, b) => ((criteria.qSortByLoadOrder ?? 1) >= 0 ? a - b : b - a));
  const order = Array.from({ length: t.size }, (_, i) => i).sort((a, b) => {
    for (const compare of chain) {
      const c = compare(a, b);
      if (c !== 0) return c;
    }
    return 0;
  });
  return reverse ? order.reverse() : order;
}

const valueArb: fc.Arbitrary<Value> = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom('a', 'B', 'b', 'é', '10', ''),
  fc.integer({ min: -5, max: 5 }).map((n) => dual(n, `#${n}`)),
);
const direction = fc.constantFrom(-1, 0, 1);

describe('sortSymbols', () => {
  it('sortSymbols orders like the comparator chain for any criteria', () => {
    fc.assert(
      fc.property(
        fc.array(valueArb, { minLength: 1, maxLength: 12 }),
        fc.record({
          qSortByState: direction,
          qSortByFrequency: direction,
          qSortByNumeric: direction,
          qSortByAscii: direction,
          qSortByLoadOrder: direction,
        }),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 ** 45 }),
        (values, criteria, reverse, bigFrequency) => {
          const field = buildModel([tableInput('T', { F: values })]).fields[0] as ModelField;
          const size = field.symbols.size;
          const states = Uint8Array.from({ length: size + 1 }, (_, i) => (i * 5) % 7);
          // Huge frequencies force the folded keys to be re-ranked to stay exact.
          const frequency = Uint32Array.from({ length: size }, (_, i) => (i % 3) * 7);
          const wide = Array.from(frequency, (f, i) => (i === 0 ? bigFrequency : f));
          const collator = new Intl.Collator('en');
          const expected = referenceSort(field, criteria, states, wide, collator, reverse);
          const symbols = Array.from({ length: size }, (_, i) => i);
          expect(sortSymbols(field, symbols, criteria, states, wide, collator, reverse)).toEqual(
            expected,
          );
        },
      ),
      { seed: 7, numRuns: 500 },
    );
  });
});
