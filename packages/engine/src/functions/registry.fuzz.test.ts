import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextOf } from '../expression/evaluate.js';
import { rowScope } from '../expression/test-scope.js';
import { Dual, type Value } from '../model/value.js';
import { callFunction, scalarFunctions } from './registry.js';

const value: fc.Arbitrary<Value> = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: false }),
  fc.integer({ min: -100, max: 100 }),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('2020-01-31', '12/31/2020', '#,##0.00', 'YYYY-MM-DD', '', ';', '*'),
  fc.tuple(fc.double(), fc.string({ maxLength: 4 })).map(([n, t]) => new Dual(n, t)),
);

describe('scalar function library on arbitrary arguments', () => {
  it('every function returns a Value: never throws, never NaN or undefined, never hangs', () => {
    const names = [...scalarFunctions.values()].map((e) => e.name).filter((n) => n !== 'Evaluate');
    const ctx = contextOf(rowScope());
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(value, { maxLength: 5 }), (name, args) => {
        const entry = scalarFunctions.get(name.toLowerCase())!;
        const count = Math.min(Math.max(args.length, entry.minArgs), Math.min(entry.maxArgs, 5));
        const padded = Array.from({ length: count }, (_, i) => args[i] ?? null);
        const result = callFunction(entry.name, padded, ctx);
        const number = result instanceof Dual ? result.num : result;
        expect(result === undefined || Number.isNaN(number)).toBe(false);
      }),
      { seed: 8080, numRuns: 3000 },
    );
  });
});
