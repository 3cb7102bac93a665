import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineCalculator } from '../calc/engine-calculator.js';
import { FakeDeps } from '../testing/fake-deps.js';
import { salesModel } from '../testing/fixture-model.js';
import { type Harness, rejection, rpc, startHarness } from '../testing/harness.js';
import {
  type CubeLayout,
  countryCube,
  cubeRows,
  elemOf,
  listbox,
  listStates,
} from '../testing/sales-session.js';

let deps: FakeDeps;
let harness: Harness;
let doc: EnigmaJS.QixObject;

beforeEach(async () => {
  deps = new FakeDeps();
  deps.addKey('editor-key', 't1', 'u1', 'editor');
  deps.addKey('consumer-key', 't1', 'u2', 'consumer');
  deps.addApp('sales', salesModel());
  harness = await startHarness(deps, createEngineCalculator);
  const global = await harness.session('/app/sales').open();
  doc = await rpc(global, 'openDoc', 'sales');
});

afterEach(async () => {
  await harness.close();
});

describe('hypercubes and list objects', () => {
  it('GetLayout computes a straight cube over two associated tables', async () => {
    const cube = await rpc(doc, 'createSessionObject', countryCube());
    expect(await cubeRows(cube)).toEqual(['France=320', 'Germany=100', 'Sweden=360']);
  });

  it('GetLayout reports the grand total and the size', async () => {
    const cube = await rpc(doc, 'createSessionObject', countryCube());
    const layout = await rpc<CubeLayout>(cube, 'getLayout');
    expect([layout.qHyperCube.qSize, layout.qHyperCube.qGrandTotalRow[0]?.qNum]).toEqual([
      { qcx: 2, qcy: 3 },
      780,
    ]);
  });

  it('GetHyperCubeData defaults missing page fields to 0', async () => {
    const cube = await rpc(doc, 'createSessionObject', countryCube());
    const pages = await rpc<{ qMatrix: unknown[][] }[]>(
      cube,
      'getHyperCubeData',
      '/qHyperCubeDef',
      [{ qWidth: 2, qHeight: 2 }],
    );
    expect(pages[0]?.qMatrix.length).toBe(2);
  });

  it('GetHyperCubeData rejects a page over 10,000 cells with 7009', async () => {
    const cube = await rpc(doc, 'createSessionObject', countryCube());
    const call = rpc(cube, 'getHyperCubeData', '/qHyperCubeDef', [{ qWidth: 2, qHeight: 5001 }]);
    expect((await rejection(call)).code).toBe(7009);
  });

  it('GetHyperCubeData on a path without a def rejects with 4', async () => {
    const cube = await rpc(doc, 'createSessionObject', countryCube());
    const call = rpc(cube, 'getHyperCubeData', '/qListObjectDef', [{ qWidth: 1, qHeight: 1 }]);
    expect((await rejection(call)).code).toBe(4);
  });

  it('a list object lists every value with its state', async () => {
    const list = await rpc(doc, 'createSessionObject', listbox('Country'));
    expect(await listStates(list)).toEqual(['France:O', 'Germany:O', 'Sweden:O']);
  });
});

describe('selections', () => {
  it('SelectListObjectValues filters the cube through the association', async () => {
    const list = await rpc(doc, 'createSessionObject', listbox('Product'));
    const cube = await rpc(doc, 'createSessionObject', countryCube());
    await rpc(
      list,
      'selectListObjectValues',
      '/qListObjectDef',
      [await elemOf(list, 'Lamp')],
      false,
    );
    expect(await cubeRows(cube)).toEqual(['France=20', 'Germany=30', 'Sweden=10']);
  });

  it('a selection marks selected, alternative and excluded values', async () => {
    const countries = await rpc(doc, 'createSessionObject', listbox('Country'));
    const products = await rpc(doc, 'createSessionObject', listbox('Product'));
    await rpc(countries, 'selectListObjectValues', '/qListObjectDef', [
      await elemOf(countries, 'Germany'),
    ]);
    expect([await listStates(countries), await listStates(products)]).toEqual([
      ['France:A', 'Germany:S', 'Sweden:A'],
      ['Chair:O', 'Lamp:O', 'Table:X'],
    ]);
  });

  it('a selection reports the affected handles in change, not unaffected ones', async () => {
    const list = await rpc(doc, 'createSessionObject', listbox('Country'));
    const cube = await rpc(doc, 'createSessionObject', countryCube());
    const sheet = await rpc(doc, 'createSessionObject', { qInfo: { qType: 'sheet' }, title: 'S' });
    await Promise.all([cube, sheet].map((o) => rpc(o, 'getLayout')));
    const changed: string[] = [];
    cube.on('changed', () => changed.push('cube'));
    sheet.on('changed', () => changed.push('sheet'));
    await rpc(list, 'selectListObjectValues', '/qListObjectDef', [await elemOf(list, 'France')]);
    expect(changed).toEqual(['cube']);
  });

  it('a handle is reported once until its layout is fetched again', async () => {
    const list = await rpc(doc, 'createSessionObject', listbox('Country'));
    const cube = await rpc(doc, 'createSessionObject', countryCube());
    await rpc(cube, 'getLayout');
    let changes = 0;
    cube.on('changed', () => changes++);
    const france = await elemOf(list, 'France');
    const sweden = await elemOf(list, 'Sweden');
    await rpc(list, 'selectListObjectValues', '/qListObjectDef', [france]);
    await rpc(list, 'selectListObjectValues', '/qListObjectDef', [sweden]);
    expect(changes).toBe(1);
  });

  it('Back and Forward step through the selection history', async () => {
    const list = await rpc(doc, 'createSessionObject', listbox('Country'));
    const field = await rpc(doc, 'getField', 'Country');
    await rpc(field, 'select', 'Germany');
    await rpc(field, 'select', 'France');
    await rpc(doc, 'back');
    const afterBack = await listStates(list);
    await rpc(doc, 'forward');
    expect([afterBack[1], (await listStates(list))[0]]).toEqual(['Germany:S', 'France:S']);
  });

  it('the selection object counts back steps and lists the selected field', async () => {
    const current = await rpc(doc, 'createSessionObject', {
      qInfo: { qType: 'current-selections' },
      qSelectionObjectDef: {},
    });
    await rpc(await rpc(doc, 'getField', 'Country'), 'select', 'Sweden');
    const layout = await rpc<{
      qSelectionObject: {
        qBackCount: number;
        qSelections: { qField: string; qSelected: string }[];
      };
    }>(current, 'getLayout');
    expect(layout.qSelectionObject.qSelections.map((s) => `${s.qField}:${s.qSelected}`)).toEqual([
      'Country:Sweden',
    ]);
    expect(layout.qSelectionObject.qBackCount).toBeGreaterThan(0);
  });

  it('SelectHyperCubeCells selects the dimension value of a row', async () => {
    const cube = await rpc(doc, 'createSessionObject', countryCube());
    const list = await rpc(doc, 'createSessionObject', listbox('Country'));
    await rpc(cube, 'selectHyperCubeCells', '/qHyperCubeDef', [1], [0]);
    expect((await listStates(list))[1]).toBe('Germany:S');
  });

  it('SelectHyperCubeValues selects element numbers of a dimension', async () => {
    const cube = await rpc(doc, 'createSessionObject', countryCube());
    const list = await rpc(doc, 'createSessionObject', listbox('Country'));
    const layout = await rpc<CubeLayout>(cube, 'getLayout');
    const sweden = layout.qHyperCube.qDataPages[0]?.qMatrix[2]?.[0]?.qElemNumber;
    await rpc(cube, 'selectHyperCubeValues', '/qHyperCubeDef', 0, [sweden], false);
    expect((await listStates(list))[2]).toBe('Sweden:S');
  });

  it('RangeSelectHyperCubeValues selects the rows whose measure is in range', async () => {
    const cube = await rpc(doc, 'createSessionObject', countryCube());
    const list = await rpc(doc, 'createSessionObject', listbox('Country'));
    await rpc(cube, 'rangeSelectHyperCubeValues', '/qHyperCubeDef', [
      { qMeasureIx: 0, qRange: { qMin: 300, qMax: 400, qMinInclEq: true, qMaxInclEq: true } },
    ]);
    expect(await listStates(list)).toEqual(['France:S', 'Germany:A', 'Sweden:S']);
  });

  it('a consumer may select', async () => {
    const global = await harness.session('/app/sales', 'consumer-key').open();
    const consumerDoc = await rpc(global, 'openDoc', 'sales');
    const field = await rpc(consumerDoc, 'getField', 'Country');
    expect(await rpc(field, 'select', 'France')).toBe(true);
  });
});

describe('Field', () => {
  it('GetCardinal counts the distinct values', async () => {
    const field = await rpc(doc, 'getField', 'Product');
    expect(await rpc(field, 'getCardinal')).toBe(3);
  });

  it('Select on a locked field answers false and changes nothing', async () => {
    const field = await rpc(doc, 'getField', 'Country');
    await rpc(field, 'select', 'France');
    await rpc(field, 'lock');
    const result = await rpc(field, 'select', 'Germany');
    const list = await rpc(doc, 'createSessionObject', listbox('Country'));
    expect([result, (await listStates(list))[0]]).toEqual([false, 'France:L']);
  });

  it('SelectValues selects by text and Clear clears', async () => {
    const field = await rpc(doc, 'getField', 'Product');
    const list = await rpc(doc, 'createSessionObject', listbox('Product'));
    await rpc(field, 'selectValues', [{ qText: 'Table' }]);
    const selected = await listStates(list);
    await rpc(field, 'clear');
    expect([selected[2], (await listStates(list))[2]]).toEqual(['Table:S', 'Table:O']);
  });

  it('GetField of an unknown field rejects with 2', async () => {
    expect((await rejection(rpc(doc, 'getField', 'Nope'))).code).toBe(2);
  });
});

describe('expressions', () => {
  it('Evaluate answers the text of an aggregation over the selection state', async () => {
    expect(await rpc(doc, 'evaluate', 'Sum(Sales)')).toBe('780');
  });

  it('EvaluateEx answers text and number', async () => {
    expect(await rpc(doc, 'evaluateEx', '=Count(OrderID)')).toMatchObject({
      qNumber: 8,
      qIsNumeric: true,
    });
  });

  it('qStringExpression and qValueExpression are evaluated at any depth', async () => {
    const object = await rpc(doc, 'createSessionObject', {
      qInfo: { qType: 'kpi' },
      title: { qStringExpression: { qExpr: "='Total ' & Sum(Sales)" } },
      deep: [{ max: { qValueExpression: { qExpr: 'Max(Sales)' } } }],
    });
    const layout = await rpc<{ title: string; deep: { max: number }[] }>(object, 'getLayout');
    expect([layout.title, layout.deep[0]?.max]).toEqual(['Total 780', 300]);
  });
});
