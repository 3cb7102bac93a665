import { describe, expect, it } from 'vitest';
import { tableInput } from '../testing/table-input.js';
import { buildModel } from './build-model.js';
import type { DataModel } from './data-model.js';
import { dual } from './value.js';

function codesOf(model: DataModel, table: string, field: string): number[] {
  const t = model.tableByName(table);
  const f = model.fieldByName(field);
  const column = t?.columns.find((c) => c.field === f?.index);
  return [...(column?.codes ?? [])];
}

describe('buildModel', () => {
  it('buildModel(values) stores codes with 0 for null in the narrowest array', () => {
    const model = buildModel([tableInput('T', { A: ['x', null, 'y', 'x'] })]);
    expect(codesOf(model, 'T', 'A')).toEqual([1, 0, 2, 1]);
    expect(model.tables[0]?.columns[0]?.codes).toBeInstanceOf(Uint8Array);
  });

  it('buildModel widens codes to Uint16Array past 255 symbols', () => {
    const values = Array.from({ length: 300 }, (_, i) => i);
    const model = buildModel([tableInput('T', { N: values })]);
    expect(model.tables[0]?.columns[0]?.codes).toBeInstanceOf(Uint16Array);
    expect(codesOf(model, 'T', 'N')[299]).toBe(300);
  });

  it('buildModel keeps the first text of an equal number (dual identity)', () => {
    const model = buildModel([tableInput('T', { N: [dual(1, '1.0'), 1, dual(1, '01')] })]);
    const symbols = model.fieldByName('N')?.symbols;
    expect(symbols?.size).toBe(1);
    expect(symbols?.text(0)).toBe('1.0');
  });

  it("buildModel keeps the text '1' apart from the number 1", () => {
    const model = buildModel([tableInput('T', { N: ['1', 1] })]);
    expect(model.fieldByName('N')?.symbols.size).toBe(2);
  });

  it('buildModel shares one symbol table per field name across tables', () => {
    const model = buildModel([
      tableInput('A', { K: ['a', 'b'] }),
      tableInput('B', { K: ['b', 'c'] }),
    ]);
    expect(codesOf(model, 'B', 'K')).toEqual([2, 3]);
    expect(model.fieldByName('K')?.tables).toEqual([0, 1]);
  });

  it('buildModel maps indexed column symbols and keeps -1 as null', () => {
    const model = buildModel([
      tableInput('A', { K: ['z'] }),
      {
        name: 'B',
        batches: [
          {
            rowCount: 4,
            columns: [
              {
                kind: 'indexed',
                name: 'K',
                symbols: ['y', 'z'],
                indexes: Int32Array.of(1, -1, 0, 1),
              },
            ],
          },
        ],
      },
    ]);
    expect(codesOf(model, 'B', 'K')).toEqual([1, 0, 2, 1]);
  });

  it('buildModel fills a column missing from one batch with nulls', () => {
    const model = buildModel([
      {
        name: 'T',
        batches: [
          { rowCount: 1, columns: [{ kind: 'values', name: 'A', values: ['a'] }] },
          { rowCount: 1, columns: [{ kind: 'values', name: 'B', values: ['b'] }] },
        ],
      },
    ]);
    expect(codesOf(model, 'T', 'A')).toEqual([1, 0]);
    expect(codesOf(model, 'T', 'B')).toEqual([0, 1]);
  });

  it('buildModel tags key, numeric, integer, text and ascii fields', () => {
    const model = buildModel([
      tableInput('A', { numbers: [1, 2], abcs: ['a', 'b'], K: [1, 2] }),
      tableInput('B', { K: [1], wide: ['é'] }),
    ]);
    expect(model.fieldByName('K')?.tags).toEqual(['$key', '$numeric', '$integer']);
    expect(model.fieldByName('abcs')?.tags).toEqual(['$text', '$ascii']);
    expect(model.fieldByName('wide')?.tags).toEqual(['$text']);
  });

  it('buildModel tags duals with date texts as $date', () => {
    const model = buildModel([tableInput('T', { D: [dual(45292, '2024-01-01')] })]);
    expect(model.fieldByName('D')?.tags).toContain('$date');
  });

  it('buildModel uses the given id', () => {
    expect(buildModel([], { id: 'm1' }).id).toBe('m1');
  });
});

describe('buildModel errors', () => {
  it('buildModel rejects a table name given twice', () => {
    const build = () => buildModel([tableInput('T', { A: [1] }), tableInput('T', { B: [1] })]);
    expect(build).toThrow(expect.objectContaining({ code: 'MODEL_DUPLICATE_TABLE' }));
  });

  it('buildModel rejects a column whose length differs from the batch', () => {
    const build = () =>
      buildModel([
        {
          name: 'T',
          batches: [{ rowCount: 2, columns: [{ kind: 'values', name: 'A', values: [1] }] }],
        },
      ]);
    expect(build).toThrow(/table "T" batch 0 column "A" has 1 rows, the batch says 2/);
  });

  it('buildModel rejects an index past the column symbols', () => {
    const build = () =>
      buildModel([
        {
          name: 'T',
          batches: [
            {
              rowCount: 1,
              columns: [{ kind: 'indexed', name: 'A', symbols: ['a'], indexes: Int32Array.of(3) }],
            },
          ],
        },
      ]);
    expect(build).toThrow(expect.objectContaining({ code: 'MODEL_INDEX_OUT_OF_RANGE' }));
  });

  it('buildModel rejects a column named twice in one batch', () => {
    const build = () =>
      buildModel(
        [tableInput('T', { A: [1] })].map((t) => ({
          ...t,
          batches: [
            {
              rowCount: 1,
              columns: [...(t.batches[0]?.columns ?? []), ...(t.batches[0]?.columns ?? [])],
            },
          ],
        })),
      );
    expect(build).toThrow(expect.objectContaining({ code: 'MODEL_DUPLICATE_COLUMN' }));
  });
});
