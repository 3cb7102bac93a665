import { describe, expect, it } from 'vitest';
import { infer } from '../inference/infer.js';
import { buildModel } from '../model/build-model.js';
import { dual } from '../model/value.js';
import { SelectionState } from '../selection/selection-state.js';
import { tableInput } from '../testing/table-input.js';
import { computeListObject, getListObjectData } from './list-object.js';
import type { ListObjectDef } from './list-object-types.js';

// Sales rows: (SE, pen), (SE, ink), (DK, pen), (NO, cap), (SE, pen).
const model = buildModel([
  tableInput('Sales', {
    Country: ['SE', 'SE', 'DK', 'NO', 'SE'],
    Product: ['pen', 'ink', 'pen', 'cap', 'pen'],
    Size: [10, 2, dual(10, '10.0'), 'big', 2],
  }),
]);

function layoutFor(def: ListObjectDef, setup?: (state: SelectionState) => void, search?: string) {
  const state = new SelectionState(model);
  setup?.(state);
  return computeListObject(model, state, infer(model, state), def, search ? { search } : {});
}

const productList: ListObjectDef = {
  qDef: { qFieldDefs: ['Product'], cId: 'abc' },
  qShowAlternatives: true,
  qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 1, qHeight: 10 }],
};
const selectSE = (state: SelectionState) => state.select('Country', [0]);
const rowsOf = (layout: ReturnType<typeof layoutFor>) =>
  layout.qDataPages[0]?.qMatrix.map(([c]) => `${c?.qText}:${c?.qState}`);

describe('computeListObject', () => {
  it('computeListObject lists every value sorted by state then text', () => {
    expect(rowsOf(layoutFor(productList, selectSE))).toEqual(['ink:O', 'pen:O', 'cap:X']);
  });

  it('computeListObject counts states in qStateCounts', () => {
    const info = layoutFor(
      { ...productList, qDef: { qFieldDefs: ['Country'] } },
      selectSE,
    ).qDimensionInfo;
    expect(info.qStateCounts).toMatchObject({ qSelected: 1, qAlternative: 2, qExcluded: 0 });
  });

  it('computeListObject shows alternatives as X unless qShowAlternatives', () => {
    const def = { ...productList, qDef: { qFieldDefs: ['Country'] }, qShowAlternatives: false };
    expect(rowsOf(layoutFor(def, selectSE))).toEqual(['SE:S', 'DK:X', 'NO:X']);
  });

  it('computeListObject gives qNum "NaN" for texts and the element number', () => {
    const def = {
      ...productList,
      qDef: { qFieldDefs: ['[Size]'], qSortCriterias: [{ qSortByNumeric: -1 }] },
    };
    const cells = layoutFor(def).qDataPages[0]?.qMatrix.map(([c]) => [
      c?.qText,
      c?.qNum,
      c?.qElemNumber,
    ]);
    expect(cells).toEqual([
      ['10', 10, 0],
      ['2', 2, 1],
      ['big', 'NaN', 2],
    ]);
  });

  it('computeListObject gives frequencies over possible rows', () => {
    const def: ListObjectDef = { ...productList, qFrequencyMode: 'V' };
    const cells = layoutFor(def, selectSE).qDataPages[0]?.qMatrix.map(
      ([c]) => `${c?.qText}=${c?.qFrequency}`,
    );
    expect(cells).toEqual(['ink=1', 'pen=2', 'cap=0']);
  });

  it('computeListObject sorts by frequency descending for qSortByFrequency 1', () => {
    const def = {
      ...productList,
      qDef: { qFieldDefs: ['Country'], qSortCriterias: [{ qSortByFrequency: 1 }] },
    };
    expect(rowsOf(layoutFor(def))).toEqual(['SE:O', 'DK:O', 'NO:O']);
  });

  it('computeListObject with a search lists only matches with highlight ranges', () => {
    const layout = layoutFor(productList, undefined, 'p');
    expect(layout.qSize.qcy).toBe(1);
    expect(layout.qDataPages[0]?.qMatrix[0]?.[0]?.qHighlightRanges).toEqual({
      qRanges: [{ qCharPos: 0, qCharCount: 1 }],
    });
  });

  it('computeListObject copies custom keys and reports the dimension type', () => {
    const info = layoutFor(productList).qDimensionInfo;
    expect([info.cId, info.qDimensionType, info.qFallbackTitle, info.qCardinal]).toEqual([
      'abc',
      'D',
      'Product',
      3,
    ]);
  });
});

describe('getListObjectData', () => {
  const state = new SelectionState(model);
  const inference = infer(model, state);

  it('getListObjectData clips a page to the list and reports the actual area', () => {
    const [page] = getListObjectData(model, state, inference, productList, [
      { qTop: 2, qLeft: 0, qWidth: 5, qHeight: 10 },
    ]);
    expect(page?.qArea).toEqual({ qTop: 2, qLeft: 0, qWidth: 1, qHeight: 1 });
  });

  it('getListObjectData answers a page outside the list with an empty matrix', () => {
    const [page] = getListObjectData(model, state, inference, productList, [
      { qTop: 9, qWidth: 1, qHeight: 1 },
    ]);
    expect(page?.qMatrix).toEqual([]);
  });

  it('getListObjectData refuses pages over 10000 cells with 7009', () => {
    const call = () =>
      getListObjectData(model, state, inference, productList, [{ qWidth: 2, qHeight: 5001 }]);
    expect(call).toThrow(
      expect.objectContaining({ code: 'LIST_PAGE_TOO_LARGE', qErrorCode: 7009 }),
    );
  });

  it('getListObjectData rejects an unknown field naming it', () => {
    const def = { qDef: { qFieldDefs: ['Colour'] } };
    expect(() => getListObjectData(model, state, inference, def, [])).toThrow(
      'list object field "Colour" is not in the data model',
    );
  });
});
