import { describe, expect, it } from 'vitest';
import { valueAt } from '../aggregate/group-results.js';
import { parseExpression } from '../expression/parser.js';
import { infer } from '../inference/infer.js';
import { buildModel } from '../model/build-model.js';
import { SelectionState } from '../selection/selection-state.js';
import { tableInput } from '../testing/table-input.js';
import type { CalcState } from './calc-context.js';
import { createCalcContext } from './create-context.js';
import { computeCubeTable } from './cube-table.js';
import { EngineError } from './engine-error.js';
import { evaluateExpression } from './evaluate-expression.js';
import { unselectedContext } from './testing-context.js';

const model = buildModel(
  [
    tableInput('Sales', {
      Region: ['N', 'N', 'S', 'S', 'S'],
      Year: [2023, 2024, 2023, 2024, 2024],
      Amount: [10, 20, 30, 40, 50],
      Qty: [1, 2, 3, 4, 5],
    }),
  ],
  { id: 'expressions' },
);

function column(dims: string[], measure: string) {
  const table = computeCubeTable(
    unselectedContext(model),
    dims.map((d) => model.fieldByName(d)!.index),
    [parseExpression(measure)],
  );
  const out: Record<string, unknown> = {};
  for (let g = 0; g < table.index.size; g++) {
    const key = dims
      .map((d, slot) => model.fieldByName(d)!.symbols.text(table.index.code(g, slot) - 1))
      .join('/');
    out[key] = valueAt(table.measures[0]!, g);
  }
  return out;
}

describe('computeCubeTable with expressions', () => {
  it('combines aggregations with arithmetic per row', () => {
    expect(column(['Region'], 'Sum(Amount) / Sum(Qty)')).toEqual({ N: 10, S: 10 });
  });

  it('aggregates an expression of several fields per record', () => {
    expect(column(['Region'], 'Sum(Amount * Qty)')).toEqual({ N: 50, S: 500 });
  });

  it('aggregates an expression of one field per symbol', () => {
    expect(column(['Region'], 'Sum(If(Year = 2024, Amount))')).toEqual({ N: 20, S: 90 });
  });

  it('TOTAL <Region> keeps only the Region split', () => {
    expect(column(['Region', 'Year'], 'Sum(TOTAL <Region> Amount)')).toEqual({
      'N/2023': 30,
      'N/2024': 30,
      'S/2023': 120,
      'S/2024': 120,
    });
  });

  it('gives a share of the total through TOTAL in a ratio', () => {
    expect(column(['Region'], 'Sum(Amount) / Sum(TOTAL Amount)')).toEqual({ N: 0.2, S: 0.8 });
  });

  it('refuses an aggregation it does not support yet with error 8 naming it', () => {
    expect(() => column(['Region'], 'Median(Amount)')).toThrow(
      expect.objectContaining({ code: 8, message: expect.stringContaining("'Median'") }),
    );
  });
});

describe('evaluateExpression', () => {
  it('evaluateExpression of a scalar expression answers text and number', () => {
    expect(evaluateExpression(unselectedContext(model), '=1+2')).toEqual({
      qText: '3',
      qNum: 3,
      qIsNumeric: true,
    });
  });

  it('evaluateExpression reads the previous selections for {$1}', () => {
    const state = new SelectionState(model);
    const region = model.fieldByName('Region')!;
    state.select(region.index, [region.symbols.find('N')]);
    const withHistory: CalcState = Object.assign(Object.create(state) as SelectionState, {
      backSelections: (steps: number) => (steps === 1 ? new Map() : undefined),
    });
    const ctx = createCalcContext(model, withHistory, infer(model, state));
    expect(evaluateExpression(ctx, 'Sum({$1} Amount)').qNum).toBe(150);
  });

  it('evaluateExpression refuses a parse error with the expression error code', () => {
    expect(() => evaluateExpression(unselectedContext(model), 'Sum(Amount')).toThrow(
      expect.objectContaining({ code: 'EXPR_UNEXPECTED_END' }),
    );
  });

  it('evaluateExpression of an argument from two unlinked tables raises EngineError 8', () => {
    const islands = buildModel([tableInput('A', { X: [1] }), tableInput('B', { Y: [2] })], {
      id: 'islands',
    });
    expect(() => evaluateExpression(unselectedContext(islands), 'Sum(X * Y)')).toThrow(EngineError);
  });
});
