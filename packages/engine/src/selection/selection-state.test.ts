import { describe, expect, it } from 'vitest';
import { infer } from '../inference/infer.js';
import { buildModel } from '../model/build-model.js';
import { tableInput } from '../testing/table-input.js';
import { selectionObjectLayout } from './selection-object.js';
import { SelectionState } from './selection-state.js';

const model = buildModel(
  [
    tableInput('T', {
      Country: ['SE', 'DK', 'NO', 'FI'],
      Size: [5, 10, 15, 20],
      Team: ['a', 'a', 'b', 'c'],
    }),
  ],
  { id: 'sel' },
);
const fresh = () => new SelectionState(model);

describe('SelectionState.select', () => {
  it('select replaces the field selection with sorted symbols', () => {
    const state = fresh();
    state.select('Country', [2]);
    state.select('Country', [3, 0]);
    expect(state.selectedSymbols('Country')).toEqual([0, 3]);
  });

  it('toggle adds unselected and removes selected symbols', () => {
    const state = fresh();
    state.select('Country', [0, 1]);
    state.toggle('Country', [1, 2]);
    expect(state.selectedSymbols('Country')).toEqual([0, 2]);
  });

  it('select with nothing clears the field', () => {
    const state = fresh();
    state.select('Country', [0]);
    state.select('Country', []);
    expect(state.selectedFields()).toEqual([]);
  });

  it('select rejects a symbol the field does not hold', () => {
    expect(() => fresh().select('Country', [9])).toThrow(
      expect.objectContaining({ code: 'SELECTION_BAD_SYMBOL' }),
    );
  });

  it('select rejects an unknown field naming it', () => {
    expect(() => fresh().select('Colour', [0])).toThrow('the model has no field "Colour"');
  });
});

describe('SelectionState.selectMatch', () => {
  it('selectMatch selects a numeric range', () => {
    const state = fresh();
    state.selectMatch('Size', '>=10<20');
    expect(state.selectedSymbols('Size')).toEqual([1, 2]);
  });

  it('selectMatch selects by wildcard ignoring case', () => {
    const state = fresh();
    state.selectMatch('Country', '?k');
    expect(state.selectedSymbols('Country')).toEqual([1]);
  });

  it('selectMatch that matches nothing returns false and keeps the selection', () => {
    const state = fresh();
    state.select('Country', [0]);
    expect([state.selectMatch('Country', 'zz*'), state.selectedSymbols('Country')]).toEqual([
      false,
      [0],
    ]);
  });

  it('selectMatch hands =expression searches to the hook', () => {
    const state = fresh();
    state.selectMatch('Size', '=Sum(Size)>12', {
      expressionSearch: (field, text) => (symbol) =>
        text === 'Sum(Size)>12' && field.symbols.num(symbol) > 12,
    });
    expect(state.selectedSymbols('Size')).toEqual([2, 3]);
  });
});

describe('SelectionState by inference', () => {
  const state = fresh();
  state.select('Team', [0]);
  const inference = infer(model, state);

  it('selectPossible selects the possible values of another field', () => {
    const copy = state.clone();
    copy.selectPossible('Country', inference);
    expect(copy.selectedSymbols('Country')).toEqual([0, 1]);
  });

  it('selectAlternative replaces the selection by the alternatives', () => {
    const copy = state.clone();
    copy.selectAlternative('Team', inference);
    expect(copy.selectedSymbols('Team')).toEqual([1, 2]);
  });

  it('selectExcluded selects the values that are not possible', () => {
    const copy = state.clone();
    copy.selectExcluded('Country', inference);
    expect(copy.selectedSymbols('Country')).toEqual([2, 3]);
  });

  it('selectAll selects every value', () => {
    const copy = state.clone();
    copy.selectAll('Size');
    expect(copy.selectedSymbols('Size')).toEqual([0, 1, 2, 3]);
  });
});

describe('SelectionState locks', () => {
  it('select on a locked field returns false and changes nothing', () => {
    const state = fresh();
    state.select('Country', [0]);
    state.lock('Country');
    expect(state.select('Country', [1])).toBe(false);
    expect(state.selectedSymbols('Country')).toEqual([0]);
  });

  it('clearAll keeps locked fields unless asked', () => {
    const state = fresh();
    state.select('Country', [0]);
    state.select('Team', [0]);
    state.lock('Country');
    state.clearAll();
    expect(state.selectedFields()).toEqual([0]);
  });

  it('unlock lets the field change again', () => {
    const state = fresh();
    state.lock('Country');
    state.unlock('Country');
    expect(state.select('Country', [1])).toBe(true);
  });
});

describe('SelectionState history', () => {
  it('back and forward move through committed selections', () => {
    const state = fresh();
    state.select('Country', [0]);
    state.select('Country', [1]);
    state.back();
    const afterBack = state.selectedSymbols('Country');
    state.forward();
    expect([afterBack, state.selectedSymbols('Country')]).toEqual([[0], [1]]);
  });

  it('a new selection after back drops the forward entries', () => {
    const state = fresh();
    state.select('Country', [0]);
    state.select('Country', [1]);
    state.back();
    state.select('Team', [2]);
    expect([state.backCount, state.forwardCount]).toEqual([2, 0]);
  });

  it('back returns false at the start of history', () => {
    expect(fresh().back()).toBe(false);
  });
});

describe('SelectionState.hash', () => {
  it('hash is equal for equal selections made in a different order', () => {
    const a = fresh();
    a.select('Country', [0, 1]);
    a.select('Team', [0]);
    const b = fresh();
    b.select('Team', [0]);
    b.select('Country', [1, 0]);
    expect(a.hash()).toBe(b.hash());
  });

  it('hash changes with a lock', () => {
    const state = fresh();
    state.select('Country', [0]);
    const before = state.hash();
    state.lock('Country');
    expect(state.hash()).not.toBe(before);
  });
});

describe('selectionObjectLayout', () => {
  it('selectionObjectLayout lists fields in selection order with their values', () => {
    const state = fresh();
    state.select('Team', [0]);
    state.select('Country', [0, 1]);
    const layout = selectionObjectLayout(model, state, infer(model, state));
    expect(layout.qSelections.map((s) => `${s.qField}=${s.qSelected}`)).toEqual([
      'Team=a',
      'Country=SE, DK',
    ]);
  });

  it('selectionObjectLayout shows N of M past the threshold', () => {
    const state = fresh();
    state.selectAll('Size');
    const layout = selectionObjectLayout(model, state, infer(model, state), '$', 3);
    expect(layout.qSelections[0]).toMatchObject({
      qSelected: '4 of 4',
      qIsNum: true,
      qSelectedCount: 4,
    });
  });
});
