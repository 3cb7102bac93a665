import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IndexedColumn } from '@cairn/engine';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../../../../test-support/corpus.js';
import { readQvd } from './read-qvd.js';
import { writeQvd } from './write-qvd.js';

const corpus = corpusDir();
const dir = corpus === null ? '' : join(corpus, 'qvd');
const good =
  corpus === null
    ? []
    : readdirSync(dir).filter((f) => f.endsWith('.qvd') && !f.includes('NEGATIVE'));

/** Every cell as its symbol, so two reads compare value for value. */
function cells(columns: readonly IndexedColumn[]): unknown[][] {
  return columns.map((c) => Array.from(c.indexes, (i) => (i < 0 ? null : c.symbols[i])));
}

// All Qlik-written files in the corpus can be byte-identical: Qlik orders symbols by first
// occurrence and picks symbol types by the rule the writer follows, and the header layout and
// bit layout are taken from the header read (research/script-qvd.md §1.7).
describe.skipIf(corpus === null)('writeQvd on the QVD corpus', () => {
  it.each(good)('writeQvd(readQvd(%s)) is byte-identical to the file', (name) => {
    const bytes = new Uint8Array(readFileSync(join(dir, name)));
    expect(Buffer.from(writeQvd(readQvd(bytes, name))).equals(bytes)).toBe(true);
  });

  it.each(good)('writeQvd(readQvd(%s)) without template reads back cell for cell', (name) => {
    const table = readQvd(readFileSync(join(dir, name)), name);
    const again = readQvd(writeQvd(table, { template: null }), name);
    const before = table.batches[0]?.columns as IndexedColumn[];
    const after = again.batches[0]?.columns as IndexedColumn[];
    expect(cells(after)).toEqual(cells(before));
    expect(again.fieldTags).toEqual(table.fieldTags);
  });
});
