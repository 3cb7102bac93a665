import { describe, expect, it } from 'vitest';
import { createCalcContext } from '../calc/create-context.js';
import { evaluateExpression } from '../calc/evaluate-expression.js';
import { infer } from '../inference/infer.js';
import { buildModel } from '../model/build-model.js';
import { SelectionState } from '../selection/selection-state.js';
import { tableInput } from '../testing/table-input.js';

const model = buildModel(
  [
    tableInput('Customers', {
      CustID: [1, 2, 3, 4],
      Customer: ['Acme', 'Bolt', 'Cork', 'Dune'],
      Region: ['North', 'South', 'North', 'East'],
    }),
    tableInput('Orders', {
      OrderID: [10, 11, 12, 13, 14],
      CustID: [1, 1, 2, 3, 3],
      Amount: [100, 250.5, 40, 60, 0],
    }),
  ],
  { id: 'set-analysis' },
);

/** Evaluates `text` with Region = North selected (unless `selections` says otherwise). */
function evaluate(text: string, selections: Record<string, string[]> = { Region: ['North'] }) {
  const state = new SelectionState(model);
  for (const [name, values] of Object.entries(selections)) {
    const field = model.fieldByName(name)!;
    state.select(
      field.index,
      values.map((v) => field.symbols.find(v)),
    );
  }
  return evaluateExpression(createCalcContext(model, state, infer(model, state)), text).qNum;
}

describe('set analysis', () => {
  it('{1} ignores the selections', () => {
    expect(evaluate('Sum({1} Amount)')).toBe(450.5);
  });

  it('{$} and no set both use the current selections', () => {
    expect([evaluate('Sum({$} Amount)'), evaluate('Sum(Amount)')]).toEqual([410.5, 410.5]);
  });

  it('<F={...}> replaces the selection in F', () => {
    expect(evaluate("Sum({<Region={'South'}>} Amount)")).toBe(40);
  });

  it('<F=> clears the selection in F', () => {
    expect(evaluate('Sum({<Region=>} Amount)')).toBe(450.5);
  });

  it('+= and -= combine with the current selection', () => {
    expect(evaluate("Sum({<Region+={'South'}>} Amount)")).toBe(450.5);
    expect(evaluate("Sum({<Region-={'North'}>} Amount)")).toBe(0);
  });

  it('*= and /= intersect and take the symmetric difference', () => {
    expect(evaluate("Sum({<Region*={'North','South'}>} Amount)")).toBe(410.5);
    expect(evaluate("Sum({<Region/={'North','South'}>} Amount)")).toBe(40);
  });

  it('a double-quoted search matches case-insensitively with wildcards', () => {
    expect(evaluate('Sum({<Customer={"a*"}, Region=>} Amount)')).toBe(350.5);
  });

  it('a numeric range search selects the values between its bounds', () => {
    expect(evaluate('Sum({1<Amount={">=60<=100"}>} Amount)')).toBe(160);
  });

  it('an expression search selects the values for which it is true', () => {
    expect(evaluate('Sum({<Customer={"=Sum(Amount)>100"}>} Amount)', {})).toBe(350.5);
  });

  it('P() takes the values possible under another set', () => {
    expect(evaluate("Sum({<Region=, CustID=P({1<Region={'South'}>} CustID)>} Amount)")).toBe(40);
  });

  it('E() takes the values excluded under another set', () => {
    expect(evaluate("Count({1<Region=E({1<Region={'North'}>} Region)>} DISTINCT CustID)")).toBe(2);
  });

  it('1-$ gives the records the selection excludes', () => {
    expect(evaluate('Sum({1-$} Amount)')).toBe(40);
  });

  it('a literal list naming no value gives an empty set', () => {
    expect(evaluate("Sum({<Region={'Nowhere'}>} Amount)")).toBe(0);
  });

  it('a modifier on a field the model lacks is ignored', () => {
    expect(evaluate("Sum({<Planet={'Mars'}>} Amount)")).toBe(410.5);
  });

  it('$1 beyond the history raises error 2 naming the identifier', () => {
    expect(() => evaluate('Sum({$1} Amount)')).toThrow(
      expect.objectContaining({ code: 2, message: expect.stringContaining("'$1'") }),
    );
  });
});
