import { describe, expect, it } from 'vitest';
import { tableInput } from '../testing/table-input.js';
import { buildModel } from './build-model.js';

describe('buildModel synthetic keys', () => {
  const model = buildModel([
    tableInput('Orders', { Year: [2024, 2024, 2025], Region: ['N', 'S', 'N'], Amount: [1, 2, 3] }),
    tableInput('Budget', { Year: [2024, 2025], Region: ['N', 'S'], Budget: [10, 20] }),
  ]);

  it('buildModel replaces two shared fields by a $Syn 1 key in both tables', () => {
    const names = (t: string) =>
      model.tableByName(t)?.columns.map((c) => model.fields[c.field]?.name);
    expect(names('Orders')).toEqual(['$Syn 1', 'Amount']);
    expect(names('Budget')).toEqual(['$Syn 1', 'Budget']);
  });

  it('buildModel fills $Syn 1 with the distinct combinations in first-seen order', () => {
    const syn = model.tableByName('$Syn 1');
    const rows = syn?.columns.map((c) => [...c.codes]);
    // Year codes (2024=1, 2025=2), Region codes (N=1, S=2), then the key 1..4.
    expect(rows).toEqual([
      [1, 1, 2, 2],
      [1, 2, 1, 2],
      [1, 2, 3, 4],
    ]);
  });

  it('buildModel warns about the synthetic key naming the fields and tables', () => {
    expect(model.warnings[0]?.message).toBe(
      'synthetic key $Syn 1 created for fields Year, Region shared by tables Orders, Budget',
    );
  });
});

describe('buildModel synthetic key names', () => {
  it('buildModel skips a $Syn name a loaded table already uses', () => {
    const model = buildModel([
      tableInput('$Syn 1', { q: [1] }),
      tableInput('A', { x: [1], y: [1] }),
      tableInput('B', { x: [1], y: [1] }),
    ]);
    expect(model.tables.map((t) => t.name)).toEqual(['$Syn 1', 'A', 'B', '$Syn 2']);
  });
});

describe('buildModel circular references', () => {
  const model = buildModel([
    tableInput('A', { x: [1], y: [1] }),
    tableInput('B', { y: [1], z: [1] }),
    tableInput('C', { z: [1], x: [1] }),
  ]);

  it('buildModel marks the table that closes a loop loosely coupled', () => {
    expect(model.tables.map((t) => t.isLooselyCoupled)).toEqual([false, false, true]);
  });

  it('buildModel warns with the tables of the loop', () => {
    expect(model.warnings[0]).toMatchObject({
      code: 'CIRCULAR_REFERENCE',
      tables: ['B', 'A', 'C'],
    });
  });

  it('buildModel sees no loop when three tables share one field', () => {
    const star = buildModel([
      tableInput('A', { k: [1] }),
      tableInput('B', { k: [1] }),
      tableInput('C', { k: [1] }),
    ]);
    expect(star.warnings).toEqual([]);
  });
});
