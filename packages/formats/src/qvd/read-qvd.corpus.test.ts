import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dual, type IndexedColumn, type Value } from '@cairn/engine';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../../../../test-support/corpus.js';
import { readQvd } from './read-qvd.js';

const corpus = corpusDir();
const dir = corpus === null ? '' : join(corpus, 'qvd');
const files = corpus === null ? [] : readdirSync(dir);
const good = files.filter((f) => f.endsWith('.qvd') && !f.includes('NEGATIVE'));

interface SummarySymbol {
  readonly type: number;
  readonly num?: number;
  readonly text?: string;
}
interface Summary {
  readonly header: { TableName?: string; NoOfRecords: number; RecordByteSize: number };
  readonly fields: readonly {
    FieldName: string;
    NoOfSymbols: number;
    BitWidth: number;
    Bias: number;
    nullCount: number;
    symbolTypeCounts: Record<string, number>;
    firstSymbols: readonly SummarySymbol[];
  }[];
  readonly sampleRows: readonly { row: number; values: readonly (SummarySymbol | null)[] }[];
}

/** The summary's notation for a value: type 1/2 pure numbers, 4 text, 5/6 duals. */
function asSummary(value: Value): SummarySymbol | null {
  if (value === null) return null;
  if (typeof value === 'string') return { type: 4, text: value };
  if (value instanceof Dual) {
    const type = Number.isInteger(value.num) && Math.abs(value.num) < 2 ** 31 ? 5 : 6;
    return { type, num: value.num, text: value.text };
  }
  return { type: Number.isInteger(value) && Math.abs(value) < 2 ** 31 ? 1 : 2, num: value };
}

/** Folds the summary's exact type into what our values can tell apart (int vs double aside). */
function kindOf(symbol: SummarySymbol | null): string {
  if (symbol === null) return 'null';
  const kind = symbol.type === 4 ? 'text' : symbol.type <= 2 ? 'number' : 'dual';
  return `${kind}:${symbol.num ?? ''}:${symbol.text ?? ''}`;
}

function cell(column: IndexedColumn, row: number): Value {
  const index = column.indexes[row] as number;
  return index < 0 ? null : (column.symbols[index] as Value);
}

describe.skipIf(corpus === null)('readQvd on the QVD corpus', () => {
  it.each(good)('readQvd(%s) matches its derived summary', (name) => {
    const summaryPath = join(dir, 'derived', name.replace(/\.qvd$/, '.summary.json'));
    const summary = JSON.parse(readFileSync(summaryPath, 'utf8')) as Summary;
    const table = readQvd(readFileSync(join(dir, name)), name);
    const columns = table.batches[0]?.columns as IndexedColumn[];
    expect(table.batches[0]?.rowCount).toBe(summary.header.NoOfRecords);
    const facts = summary.fields.map((f) => ({
      name: f.FieldName,
      symbols: f.NoOfSymbols,
      nulls: f.nullCount,
      first: f.firstSymbols.map(kindOf),
    }));
    const ours = columns.map((c, i) => ({
      name: c.name,
      symbols: c.symbols.length,
      nulls: c.indexes.filter((x) => x < 0).length,
      first: c.symbols.slice(0, facts[i]?.first.length).map((s) => kindOf(asSummary(s))),
    }));
    expect(ours).toEqual(facts);
    const rows = summary.sampleRows.map((r) => r.values.map(kindOf));
    const ourRows = summary.sampleRows.map((r) =>
      columns.map((c) => kindOf(asSummary(cell(c, r.row)))),
    );
    expect(ourRows).toEqual(rows);
  });

  it.each(good.filter((f) => files.includes(f.replace(/\.qvd$/, '.expected.csv'))))(
    'readQvd(%s) gives the text of every cell of its expected CSV',
    (name) => {
      const csv = readFileSync(join(dir, name.replace(/\.qvd$/, '.expected.csv')), 'utf8');
      const [labels, ...records] = parse(csv.replace(/^\uFEFF/, ''), {
        relax_column_count: true,
      }) as string[][];
      const table = readQvd(readFileSync(join(dir, name)), name);
      const columns = table.batches[0]?.columns as IndexedColumn[];
      const text = (value: Value): string =>
        value === null ? '' : value instanceof Dual ? value.text : String(value);
      // Qlik strips ASCII spaces (not NBSP) around text-file cells when it loads them.
      const strip = (s: string): string => s.replace(/^ +| +$/g, '');
      expect(columns.map((c) => c.name)).toEqual(labels);
      const ours = records.map((_, r) => columns.map((c) => text(cell(c, r))));
      expect(ours).toEqual(records.map((rec) => rec.map(strip)));
    },
  );

  it('readQvd(ctrlq_damaged.NEGATIVE.qvd) fails with a located QVD_HEADER_INVALID', () => {
    const name = 'ctrlq_damaged.NEGATIVE.qvd';
    expect(() => readQvd(readFileSync(join(dir, name)), name)).toThrow(
      expect.objectContaining({ code: 'QVD_HEADER_INVALID', line: 3, offset: 81 }),
    );
  });
});
