import { describe, expect, it } from 'vitest';
import { buildModel } from '../model/build-model.js';
import { dual } from '../model/value.js';
import { tableInput } from '../testing/table-input.js';
import { compileFieldSearch, searchField } from './field-search.js';

const model = buildModel([
  tableInput('T', {
    City: ['New York', 'York', 'Newark', 'Yorkshire Dales', 'Oslo'],
    Amount: [5, 10, 15, dual(20, '20.00'), 'n/a'],
  }),
]);
const city = model.fieldByName('City');
const amount = model.fieldByName('Amount');
if (city === undefined || amount === undefined) throw new Error('test model lacks its fields');

describe('searchField', () => {
  it('searchField matches word beginnings ignoring case', () => {
    expect(searchField(city, 'york')).toEqual([0, 1, 3]);
  });

  it('searchField with exact text mode matches whole values only', () => {
    expect(searchField(city, 'york', { textMode: 'exact' })).toEqual([1]);
  });

  it('searchField with wildcards matches the whole value', () => {
    expect(searchField(city, 'new*')).toEqual([0, 2]);
  });

  it('searchField with ? matches exactly one character', () => {
    expect(searchField(city, 'Osl?')).toEqual([4]);
  });

  it('searchField with a range matches numbers only', () => {
    expect(searchField(amount, '>10')).toEqual([2, 3]);
  });

  it('searchField with a closed range keeps both bounds', () => {
    expect(searchField(amount, '>=10<=15')).toEqual([1, 2]);
  });
});

describe('compileFieldSearch highlights', () => {
  it('highlights every word beginning that matches', () => {
    const search = compileFieldSearch(city, 'york');
    expect(search.highlights(0)).toEqual([{ qCharPos: 4, qCharCount: 4 }]);
  });

  it('highlights the literal parts of a wildcard match', () => {
    const search = compileFieldSearch(city, 'n*k');
    expect(search.highlights(2)).toEqual([
      { qCharPos: 0, qCharCount: 1 },
      { qCharPos: 5, qCharCount: 1 },
    ]);
  });
});

describe('compileFieldSearch errors', () => {
  it('rejects a range bound that is not a number, quoting it', () => {
    expect(() => compileFieldSearch(amount, '>=ten')).toThrow(
      'numeric search ">=ten" on field "Amount": ">=ten" does not end in a number',
    );
  });

  it('rejects an expression search without an evaluator', () => {
    expect(() => compileFieldSearch(amount, '=Sum(Amount)>5')).toThrow(
      expect.objectContaining({ code: 'SEARCH_NO_EXPRESSION_HOOK' }),
    );
  });
});
