import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { infer } from '../inference/infer.js';
import { buildModel } from '../model/build-model.js';
import { SelectionState } from '../selection/selection-state.js';
import { expectGolden } from '../testing/golden.js';
import { tableInput } from '../testing/table-input.js';
import { computeListObject } from './list-object.js';

const golden = (name: string) => fileURLToPath(new URL(`./__golden__/${name}`, import.meta.url));

describe('computeListObject golden layouts', () => {
  it('computeListObject for a filter pane listbox after selecting a customer', () => {
    const model = buildModel([
      tableInput('Customers', { CustID: [1, 2, 3], Name: ['Ann', 'Bob', 'Cy'] }),
      tableInput('Orders', { CustID: [1, 1, 2], Product: ['pen', 'ink', 'pen'] }),
    ]);
    const state = new SelectionState(model);
    state.select('Name', [0]);
    const layout = computeListObject(model, state, infer(model, state), {
      qDef: { qFieldDefs: ['Product'], cId: 'lb1' },
      qShowAlternatives: true,
      qFrequencyMode: 'P',
      qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 1, qHeight: 50 }],
    });
    expectGolden(`${JSON.stringify(layout, null, 2)}\n`, golden('listbox-after-select.json'));
  });
});
