import { describe, expect, it } from 'vitest';
import { buildModel } from '../model/build-model.js';
import type { DataModel } from '../model/data-model.js';
import { SelectionState } from '../selection/selection-state.js';
import { tableInput } from '../testing/table-input.js';
import { infer } from './infer.js';
import { stateLetter } from './symbol-state.js';

/** States of a field as `text:letter` pairs, in symbol order. */
function statesOf(model: DataModel, state: SelectionState, field: string): string[] {
  const inference = infer(model, state);
  const f = model.fieldByName(field);
  const states = inference.fields[f?.index ?? -1]?.states ?? new Uint8Array();
  return Array.from(
    { length: f?.symbols.size ?? 0 },
    (_, s) => `${f?.symbols.text(s)}:${stateLetter(states[s + 1] ?? 0)}`,
  );
}

function select(model: DataModel, field: string, ...texts: string[]): SelectionState {
  const state = new SelectionState(model);
  const f = model.fieldByName(field);
  const byText = (text: string) =>
    Array.from({ length: f?.symbols.size ?? 0 }, (_, s) => s).find(
      (s) => f?.symbols.text(s) === text,
    ) ?? -1;
  state.select(field, texts.map(byText));
  return state;
}

// Customers 1..3 (Cy has no orders), orders for Ann (2) and Bob (1), one order of customer 9
// who is missing from Customers.
const shop = buildModel([
  tableInput('Customers', {
    CustID: [1, 2, 3],
    Name: ['Ann', 'Bob', 'Cy'],
    Country: ['SE', 'DK', 'SE'],
  }),
  tableInput('Orders', {
    OrderID: [10, 11, 12, 13],
    CustID: [1, 1, 2, 9],
    Product: ['pen', 'ink', 'pen', 'cap'],
  }),
]);

describe('infer on a one-to-many link', () => {
  it('infer with no selections excludes nothing', () => {
    const inference = infer(shop, new SelectionState(shop));
    expect(inference.tables.map((t) => t.possibleCount)).toEqual([3, 4]);
  });

  it('infer keeps a selected customer without orders selected and excludes every order', () => {
    const state = select(shop, 'Name', 'Cy');
    expect(statesOf(shop, state, 'Name')).toEqual(['Ann:A', 'Bob:A', 'Cy:S']);
    expect(statesOf(shop, state, 'Product')).toEqual(['pen:X', 'ink:X', 'cap:X']);
  });

  it('infer marks the other side of a link possible through the shared key', () => {
    const state = select(shop, 'Product', 'pen');
    expect(statesOf(shop, state, 'Name')).toEqual(['Ann:O', 'Bob:O', 'Cy:X']);
    expect(statesOf(shop, state, 'CustID')).toEqual(['1:O', '2:O', '3:X', '9:X']);
  });

  it('infer excludes a customer whose only link is a missing partner', () => {
    // Selecting cap: its order's customer 9 has no Customers row, so no name is possible.
    const state = select(shop, 'Product', 'cap');
    expect(statesOf(shop, state, 'Name')).toEqual(['Ann:X', 'Bob:X', 'Cy:X']);
    expect(statesOf(shop, state, 'CustID')).toEqual(['1:X', '2:X', '3:X', '9:O']);
  });

  it('infer shows selected values excluded by another field as XS', () => {
    const state = select(shop, 'Country', 'DK');
    state.select('Product', [shop.fieldByName('Product')?.symbols.find('ink') ?? -1]);
    expect(statesOf(shop, state, 'Product')).toEqual(['pen:A', 'ink:XS', 'cap:X']);
  });

  it('infer reports L for a selected value in a locked field', () => {
    const state = select(shop, 'Country', 'DK');
    state.lock('Country');
    expect(statesOf(shop, state, 'Country')).toEqual(['SE:A', 'DK:L']);
  });

  it('infer gives possible rows per table', () => {
    const inference = infer(shop, select(shop, 'Country', 'SE'));
    expect([...(inference.tables[1]?.possible ?? [])]).toEqual([1, 1, 0, 0]);
  });
});

describe('infer on islands and loose tables', () => {
  it('infer does not restrict a table that shares no field', () => {
    const model = buildModel([tableInput('A', { x: [1, 2] }), tableInput('B', { y: ['p', 'q'] })]);
    expect(statesOf(model, select(model, 'x', '1'), 'y')).toEqual(['p:O', 'q:O']);
  });

  it('infer does not pass selections across a loosely coupled table', () => {
    // A-B-C form a loop over x, y, z; C is loosely coupled, so A and B still associate via y.
    const model = buildModel([
      tableInput('A', { x: [1, 2], y: ['a', 'b'] }),
      tableInput('B', { y: ['a', 'b'], z: ['p', 'q'] }),
      tableInput('C', { z: ['p', 'q'], x: [2, 1], w: ['m', 'n'] }),
    ]);
    const state = select(model, 'z', 'p');
    expect(statesOf(model, state, 'y')).toEqual(['a:O', 'b:X']);
    expect(statesOf(model, state, 'w')).toEqual(['m:O', 'n:X']);
  });
});

describe('infer on a chain through a synthetic key', () => {
  const model = buildModel([
    tableInput('Sales', { Year: [2024, 2024, 2025], Region: ['N', 'S', 'N'], Amount: [1, 2, 3] }),
    tableInput('Budget', { Year: [2024, 2025], Region: ['S', 'S'], Owner: ['Eve', 'Dan'] }),
  ]);

  it('infer associates combinations through $Syn 1', () => {
    const state = select(model, 'Owner', 'Eve');
    expect(statesOf(model, state, 'Amount')).toEqual(['1:X', '2:O', '3:X']);
  });
});
