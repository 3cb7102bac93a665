import { describe, expect, it } from 'vitest';
import { parseExpression } from '../expression/parser.js';
import { buildModel } from '../model/build-model.js';
import type { DataModel } from '../model/data-model.js';
import { tableInput } from '../testing/table-input.js';
import { computeCubeTable } from './cube-table.js';
import { unselectedContext } from './testing-context.js';

/** Rows of a cube table as [dimension texts..., measure numbers...], sorted for comparison. */
function rowsOf(model: DataModel, dims: string[], measures: string[]): (string | number)[][] {
  const fields = dims.map((name) => model.fieldByName(name)!.index);
  const table = computeCubeTable(
    unselectedContext(model),
    fields,
    measures.map((m) => parseExpression(m)),
  );
  const rows: (string | number)[][] = [];
  for (let g = 0; g < table.index.size; g++) {
    const cells: (string | number)[] = fields.map((f, slot) => {
      const code = table.index.code(g, slot);
      return code === 0 ? '-' : model.fields[f]!.symbols.text(code - 1);
    });
    for (const result of table.measures) cells.push(result.texts?.[g] ?? result.nums[g]!);
    rows.push(cells);
  }
  return rows.sort((a, b) => String(a).localeCompare(String(b)));
}

const chain = buildModel(
  [
    tableInput('Customers', { CustID: [1, 2, 3], Region: ['North', 'South', 'North'] }),
    tableInput('Orders', {
      OrderID: [10, 11, 12, 13],
      CustID: [1, 1, 2, null],
      Amount: [5, 7, 11, 13],
    }),
  ],
  { id: 'chain' },
);

// Order 10 sells product P1 (tags A and B, and B listed twice), order 11 sells P2 (tag A).
const fanOut = buildModel(
  [
    tableInput('Orders', {
      OrderID: [10, 11, 12],
      ProductID: ['P1', 'P2', 'P3'],
      Amount: [100, 20, 3],
    }),
    tableInput('Tags', { ProductID: ['P1', 'P1', 'P1', 'P2'], Tag: ['A', 'B', 'B', 'A'] }),
  ],
  { id: 'fan-out' },
);

describe('computeCubeTable', () => {
  it('sums a fact measure by a dimension one link away', () => {
    expect(rowsOf(chain, ['Region'], ['Sum(Amount)'])).toEqual([
      ['-', 13],
      ['North', 12],
      ['South', 11],
    ]);
  });

  it('keeps a customer without orders as a row whose Sum is 0', () => {
    expect(rowsOf(chain, ['CustID'], ['Sum(Amount)', 'Count(OrderID)'])).toEqual([
      ['-', 13, 1],
      ['1', 12, 2],
      ['2', 11, 1],
      ['3', 0, 0],
    ]);
  });

  it('counts a fanned-out record once per combination, never twice within one', () => {
    expect(rowsOf(fanOut, ['Tag'], ['Sum(Amount)', 'Count(OrderID)'])).toEqual([
      ['-', 3, 1],
      ['A', 120, 2],
      ['B', 100, 1],
    ]);
  });

  it('counts every record once when there is no dimension', () => {
    expect(rowsOf(fanOut, [], ['Sum(Amount)', 'Count(DISTINCT ProductID)'])).toEqual([[123, 3]]);
  });

  it('gives TOTAL the whole scope in every row', () => {
    expect(rowsOf(fanOut, ['Tag'], ['Sum(TOTAL Amount)'])).toEqual([
      ['-', 123],
      ['A', 123],
      ['B', 123],
    ]);
  });

  it('applies the text functions per combination', () => {
    expect(
      rowsOf(
        chain,
        ['Region'],
        ["Concat(DISTINCT CustID, ';')", 'MaxString(OrderID)', 'Only(CustID)'],
      ),
    ).toEqual([
      ['-', NaN, 13, NaN],
      ['North', '1;3', 11, NaN],
      ['South', '2', 12, 2],
    ]);
  });
});
