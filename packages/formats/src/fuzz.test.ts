import fc from 'fast-check';
import { describe, it } from 'vitest';
import { FormatError } from './errors.js';
import { writeQvd } from './qvd/write-qvd.js';
import { readTable } from './read-table.js';
import type { FileFormatSpec } from './spec.js';
import { d, valuesTable } from './test-tables.js';

const qvd = writeQvd(
  valuesTable('Fuzz', {
    Id: [1, 2, 3, 4, 5, 6],
    Name: ['a', 'Träskor', null, '', 'a', 'z'],
    Amount: [d(1.5, '1.50'), 2 ** 33, null, -1, d(7, '07'), 0.1],
  }),
);
const csv = new TextEncoder().encode(
  'id,name,note\n1,"Ann, Jr.",x\n2,"say ""hi""",\n3,Bo,"multi\nline"\n',
);

/** A copy of `bytes` cut to `length` with some bytes overwritten. */
function mutate(bytes: Uint8Array, length: number, edits: readonly [number, number][]): Uint8Array {
  const copy = bytes.slice(0, Math.min(length, bytes.length));
  for (const [at, value] of edits) if (copy.length > 0) copy[at % copy.length] = value;
  return copy;
}

/** Reading may succeed (a mutation can leave a valid file) or fail, but only with FormatError. */
async function readsOrFormatError(
  bytes: Uint8Array,
  spec: FileFormatSpec,
  name: string,
): Promise<boolean> {
  try {
    await readTable(bytes, spec, name);
    return true;
  } catch (error) {
    if (error instanceof FormatError) return true;
    throw error;
  }
}

const mutation = (size: number) =>
  fc.tuple(
    fc.integer({ min: 0, max: size }),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
  );

// fc.assert is the assertion: it throws with the seed and the shrunk input on a counterexample.
describe('readers under fuzzed input', () => {
  it('readTable(truncated or mutated QVD) returns a table or throws FormatError only', async () => {
    await fc.assert(
      fc.asyncProperty(mutation(qvd.length), async ([length, edits]) =>
        readsOrFormatError(mutate(qvd, length, edits), {}, 'fuzz.qvd'),
      ),
      { seed: 20_261_203, numRuns: 400 },
    );
  });

  it('readTable(mutated QVD body only) never escapes FormatError', async () => {
    const bodyStart = Buffer.from(qvd).indexOf('</QvdTableHeader>') + 20;
    const body = fc.array(
      fc.tuple(
        fc.integer({ min: bodyStart, max: qvd.length - 1 }),
        fc.integer({ min: 0, max: 255 }),
      ),
      { minLength: 1, maxLength: 4 },
    );
    await fc.assert(
      fc.asyncProperty(body, async (edits) =>
        readsOrFormatError(mutate(qvd, qvd.length, edits), {}, 'b.qvd'),
      ),
      { seed: 7, numRuns: 400 },
    );
  });

  it('readTable(truncated or mutated CSV, each quoting mode) throws FormatError only', async () => {
    const quoting = fc.constantFrom<FileFormatSpec['quoting']>('standard', 'msq', 'none');
    const ragged = fc.constantFrom<FileFormatSpec['ragged']>('error', 'fill');
    await fc.assert(
      fc.asyncProperty(mutation(csv.length), quoting, ragged, async ([length, edits], q, r) =>
        readsOrFormatError(mutate(csv, length, edits), { quoting: q, ragged: r }, 'fuzz.csv'),
      ),
      { seed: 42, numRuns: 400 },
    );
  });

  it('readTable(random bytes as txt, utf8 declared) throws FormatError only', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) =>
        readsOrFormatError(bytes, { codePage: 'utf8', format: 'txt' }, 'r.txt'),
      ),
      { seed: 3, numRuns: 300 },
    );
  });
});
