import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCalcContext } from '../calc/create-context.js';
import { EngineError } from '../calc/engine-error.js';
import { ResultCache } from '../calc/result-cache.js';
import { infer } from '../inference/infer.js';
import { buildModel } from '../model/build-model.js';
import { SelectionState } from '../selection/selection-state.js';
import { tableInput } from '../testing/table-input.js';
import { computeHyperCube, getHyperCubeData } from './compute-hypercube.js';
import type { HyperCubeDef, NxCell } from './hypercube-def.js';

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
  { id: 'sales' },
);

function context(select: Record<string, string[]> = {}, cache?: ResultCache) {
  const state = new SelectionState(model);
  for (const [name, texts] of Object.entries(select)) {
    const field = model.fieldByName(name)!;
    state.select(
      field.index,
      texts.map((t) => field.symbols.find(Number.isNaN(Number(t)) ? t : Number(t))),
    );
  }
  return createCalcContext(model, state, infer(model, state), cache ? { cache } : {});
}

const byRegion: HyperCubeDef = {
  qDimensions: [
    { qDef: { qFieldDefs: ['Region'], qSortCriterias: [{ qSortByAscii: 1 }], cId: 'd1' } },
  ],
  qMeasures: [
    { qDef: { qDef: '=Sum(Amount)', qNumFormat: { qType: 'F', qFmt: '#,##0.00' } }, qSortBy: {} },
    { qDef: { qDef: 'Count(DISTINCT CustID)', qLabel: 'Customers' } },
  ],
  qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 3, qHeight: 10 }],
};

const texts = (matrix: NxCell[][]) => matrix.map((row) => row.map((cell) => cell.qText));

describe('computeHyperCube', () => {
  it('computeHyperCube(by region) sums orders per region, East without orders at 0', () => {
    const layout = computeHyperCube(context(), byRegion) as {
      qDataPages: { qMatrix: NxCell[][] }[];
    };
    expect(texts(layout.qDataPages[0]!.qMatrix)).toEqual([
      ['East', '0.00', '1'],
      ['North', '410.50', '2'],
      ['South', '40.00', '1'],
    ]);
  });

  it('computeHyperCube(by region) matches its golden layout', () => {
    const layout = computeHyperCube(context({ Customer: ['Acme', 'Bolt'] }), byRegion);
    expectGolden('sales-by-region-selected.json', layout);
  });

  it('computeHyperCube under a selection keeps only associated rows and totals over them', () => {
    const layout = computeHyperCube(context({ Customer: ['Acme', 'Bolt'] }), byRegion) as {
      qDataPages: { qMatrix: NxCell[][] }[];
      qGrandTotalRow: NxCell[];
    };
    expect(texts(layout.qDataPages[0]!.qMatrix)).toEqual([
      ['North', '350.50', '1'],
      ['South', '40.00', '1'],
    ]);
    expect(layout.qGrandTotalRow.map((c) => [c.qText, c.qElemNumber])).toEqual([
      ['390.50', -1],
      ['2', -1],
    ]);
  });

  it('computeHyperCube sorts by a measure descending through the inter-column order', () => {
    const def: HyperCubeDef = {
      ...byRegion,
      qMeasures: [{ qDef: { qDef: 'Sum(Amount)' }, qSortBy: { qSortByNumeric: -1 } }],
      qInterColumnSortOrder: [1, 0],
      qInitialDataFetch: [{ qWidth: 2, qHeight: 10 }],
    };
    const layout = computeHyperCube(context(), def) as {
      qDataPages: { qMatrix: NxCell[][] }[];
      qMeasureInfo: { qSortIndicator: string; qMin: number; qMax: number }[];
    };
    expect(texts(layout.qDataPages[0]!.qMatrix)).toEqual([
      ['North', '410.5'],
      ['South', '40'],
      ['East', '0'],
    ]);
    expect(layout.qMeasureInfo[0]).toMatchObject({ qSortIndicator: 'D', qMin: 0, qMax: 410.5 });
  });

  it('computeHyperCube with qSuppressZero drops rows whose measures are all 0', () => {
    const def: HyperCubeDef = {
      ...byRegion,
      qMeasures: [byRegion.qMeasures![0]!],
      qSuppressZero: true,
    };
    const layout = computeHyperCube(context(), def) as { qSize: { qcy: number } };
    expect(layout.qSize).toEqual({ qcx: 2, qcy: 2 });
  });

  it('computeHyperCube gives a null dimension value element -2 and text "-"', () => {
    const nulls = buildModel([tableInput('T', { K: ['a', null], V: [1, 2] })], { id: 'nulls' });
    const state = new SelectionState(nulls);
    const def: HyperCubeDef = {
      qDimensions: [{ qDef: { qFieldDefs: ['K'] } }],
      qMeasures: [{ qDef: { qDef: 'Sum(V)' } }],
      qInitialDataFetch: [{ qWidth: 2, qHeight: 5 }],
    };
    const layout = computeHyperCube(createCalcContext(nulls, state, infer(nulls, state)), def) as {
      qDataPages: { qMatrix: NxCell[][] }[];
    };
    expect(layout.qDataPages[0]!.qMatrix[1]![0]).toMatchObject({
      qText: '-',
      qElemNumber: -2,
      qNum: 'NaN',
    });
  });

  it('computeHyperCube answers a repeated state from the shared cache with the same layout', () => {
    const cache = new ResultCache();
    const first = computeHyperCube(context({ Region: ['North'] }, cache), byRegion);
    const second = computeHyperCube(context({ Region: ['North'] }, cache), byRegion);
    expect(second).toBe(first);
  });

  it('computeHyperCube does not share a cached layout across different variables', () => {
    const cache = new ResultCache();
    const state = new SelectionState(model);
    const inference = infer(model, state);
    const def: HyperCubeDef = {
      ...byRegion,
      qMeasures: [{ qDef: { qDef: 'Sum(Amount) * vRate' } }],
    };
    const at = (rate: string) =>
      computeHyperCube(
        createCalcContext(model, state, inference, {
          cache,
          variables: new Map([['vRate', rate]]),
        }),
        def,
      ) as {
        qGrandTotalRow: NxCell[];
      };
    expect([at('1').qGrandTotalRow[0]!.qNum, at('2').qGrandTotalRow[0]!.qNum]).toEqual([
      450.5, 901,
    ]);
  });
});

describe('getHyperCubeData', () => {
  it('getHyperCubeData clips a page to the cube and echoes qTop/qLeft', () => {
    const [page] = getHyperCubeData(context(), byRegion, [
      { qTop: 2, qLeft: 1, qWidth: 5, qHeight: 5 },
    ]);
    expect(page!.qArea).toEqual({ qTop: 2, qLeft: 1, qWidth: 2, qHeight: 1 });
  });

  it('getHyperCubeData refuses a page over 10,000 cells with error 7009', () => {
    const request = () => getHyperCubeData(context(), byRegion, [{ qWidth: 3, qHeight: 3334 }]);
    expect(request).toThrow(EngineError);
    expect(request).toThrow(expect.objectContaining({ code: 7009 }));
  });

  it('getHyperCubeData refuses a dimension on an unknown field with error 2', () => {
    const def: HyperCubeDef = { qDimensions: [{ qDef: { qFieldDefs: ['[Nope]'] } }] };
    expect(() => getHyperCubeData(context(), def, [])).toThrow(
      expect.objectContaining({ code: 2, message: expect.stringContaining("'Nope'") }),
    );
  });
});

const goldenDir = join(dirname(fileURLToPath(import.meta.url)), '__golden__');

/** Compares with a golden JSON file; a mismatch writes `<name>-changed.json` beside it. */
function expectGolden(name: string, actual: unknown): void {
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  const path = join(goldenDir, name);
  if (!existsSync(path)) {
    if (process.env.CI) throw new Error(`golden file ${name} is missing`);
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(path, text);
  }
  const expected = readFileSync(path, 'utf8');
  if (expected !== text) writeFileSync(path.replace(/\.json$/, '-changed.json'), text);
  expect(text).toBe(expected);
}
