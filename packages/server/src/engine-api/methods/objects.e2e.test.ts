import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineCalculator } from '../calc/engine-calculator.js';
import { FakeDeps } from '../testing/fake-deps.js';
import { salesModel } from '../testing/fixture-model.js';
import { type Harness, rejection, rpc, startHarness } from '../testing/harness.js';
import { type CubeLayout, countryCube, cubeRows } from '../testing/sales-session.js';

let deps: FakeDeps;
let harness: Harness;
let doc: EnigmaJS.QixObject;

async function openAs(key: string, identity = ''): Promise<EnigmaJS.QixObject> {
  const global = await harness.session(`/app/sales${identity}`, key).open();
  return rpc(global, 'openDoc', 'sales');
}

beforeEach(async () => {
  deps = new FakeDeps();
  deps.addKey('editor-key', 't1', 'u1', 'editor');
  deps.addKey('consumer-key', 't1', 'u2', 'consumer');
  deps.addApp('sales', salesModel(), 'LOAD * INLINE [A\n1];');
  harness = await startHarness(deps, createEngineCalculator);
  doc = await openAs('editor-key');
});

afterEach(async () => {
  await harness.close();
});

describe('generic objects', () => {
  it('CreateSessionObject copies custom keys and adds qInfo and privileges', async () => {
    const object = await rpc(doc, 'createSessionObject', {
      qInfo: { qType: 'barchart' },
      visualization: 'barchart',
      nested: { showTitles: true },
    });
    const layout = await rpc<{
      visualization: string;
      nested: { showTitles: boolean };
      qInfo: { qId: string };
      qMeta: { privileges: string[] };
    }>(object, 'getLayout');
    expect([layout.visualization, layout.nested.showTitles, layout.qInfo.qId]).toEqual([
      'barchart',
      true,
      object.id,
    ]);
    expect(layout.qMeta.privileges).toContain('update');
  });

  it('CreateSessionObject keeps a client-supplied id and the generic type', async () => {
    const object = await rpc(doc, 'createSessionObject', {
      qInfo: { qId: 'FieldList', qType: 'FieldList' },
      qFieldListDef: {},
    });
    expect([object.id, object.genericType]).toEqual(['FieldList', 'FieldList']);
  });

  it('qFieldList lists the model fields with cardinalities', async () => {
    const object = await rpc(doc, 'createSessionObject', {
      qInfo: { qType: 'FieldList' },
      qFieldListDef: { qShowSrcTables: true },
    });
    const layout = await rpc<{ qFieldList: { qItems: { qName: string; qCardinal: number }[] } }>(
      object,
      'getLayout',
    );
    const country = layout.qFieldList.qItems.find((i) => i.qName === 'Country');
    expect([layout.qFieldList.qItems.length, country?.qCardinal]).toEqual([5, 3]);
  });

  it('DestroySessionObject closes the handle', async () => {
    const object = await rpc(doc, 'createSessionObject', { qInfo: { qType: 'x' } });
    let closed = false;
    object.on('closed', () => {
      closed = true;
    });
    const result = await rpc(doc, 'destroySessionObject', object.id);
    expect([result, closed]).toEqual([true, true]);
  });

  it('SetProperties changes the layout and reports the handle in change', async () => {
    const object = await rpc(doc, 'createSessionObject', { qInfo: { qType: 'x' }, title: 'a' });
    await rpc(object, 'getLayout');
    let changed = 0;
    object.on('changed', () => changed++);
    await rpc(object, 'setProperties', { qInfo: { qType: 'x' }, title: 'b' });
    const layout = await rpc<{ title: string }>(object, 'getLayout');
    expect([changed, layout.title]).toEqual([1, 'b']);
  });

  it('soft patches show in the layout and effective properties, not in GetProperties', async () => {
    const cube = await rpc(doc, 'createSessionObject', countryCube());
    await rpc(
      cube,
      'applyPatches',
      [{ qOp: 'Replace', qPath: '/qHyperCubeDef/qInterColumnSortOrder', qValue: '[1,0]' }],
      true,
    );
    const layout = await rpc<CubeLayout>(cube, 'getLayout');
    const props = await rpc<{ qHyperCubeDef: { qInterColumnSortOrder: number[] } }>(
      cube,
      'getProperties',
    );
    expect([layout.qHasSoftPatches, props.qHyperCubeDef.qInterColumnSortOrder]).toEqual([
      true,
      [0, 1],
    ]);
    expect(await cubeRows(cube)).toEqual(['Sweden=360', 'France=320', 'Germany=100']);
  });

  it('ApplyPatches with a malformed qValue rejects with 8', async () => {
    const object = await rpc(doc, 'createSessionObject', { qInfo: { qType: 'x' } });
    const call = rpc(object, 'applyPatches', [{ qOp: 'add', qPath: '/a', qValue: '{' }], true);
    expect((await rejection(call)).code).toBe(8);
  });

  it('SetFullPropertyTree creates children reachable through qChildList and GetObject', async () => {
    const pane = await rpc(doc, 'createSessionObject', {
      qInfo: { qType: 'filterpane' },
      qChildListDef: { qData: { title: '/title' } },
    });
    await rpc(pane, 'setFullPropertyTree', {
      qProperty: { qInfo: { qId: pane.id, qType: 'filterpane' }, qChildListDef: {} },
      qChildren: [{ qProperty: { qInfo: { qType: 'listbox' }, title: 'Country' }, qChildren: [] }],
    });
    const layout = await rpc<{ qChildList: { qItems: { qInfo: { qId: string } }[] } }>(
      pane,
      'getLayout',
    );
    const childId = layout.qChildList.qItems[0]?.qInfo.qId ?? '';
    const child = await rpc(doc, 'getObject', childId);
    expect([layout.qChildList.qItems.length, child.genericType]).toEqual([1, 'listbox']);
  });

  it('GetFullPropertyTree returns the object with its children', async () => {
    const parent = await rpc(doc, 'createSessionObject', { qInfo: { qType: 'container' } });
    await rpc(parent, 'createChild', { qInfo: { qType: 'kpi' }, title: 'k' });
    const tree = await rpc<{ qChildren: { qProperty: { title: string } }[] }>(
      parent,
      'getFullPropertyTree',
    );
    expect(tree.qChildren.map((c) => c.qProperty.title)).toEqual(['k']);
  });
});

describe('persisted objects and rights', () => {
  it('CreateObject persists through the platform and another user sees it', async () => {
    await rpc(doc, 'createObject', { qInfo: { qId: 'sheet1', qType: 'sheet' }, title: 'One' });
    const other = await openAs('consumer-key');
    const list = await rpc(other, 'createSessionObject', {
      qInfo: { qType: 'SheetList' },
      qAppObjectListDef: { qType: 'sheet', qData: { title: '/title' } },
    });
    const layout = await rpc<{ qAppObjectList: { qItems: { qData: { title: string } }[] } }>(
      list,
      'getLayout',
    );
    expect([deps.apps.get('sales')?.objects.has('sheet1'), layout.qAppObjectList.qItems]).toEqual([
      true,
      [expect.objectContaining({ qData: { title: 'One' } })],
    ]);
  });

  it('a new sheet reports an open sheet list of another session in change', async () => {
    const other = await openAs('editor-key', '/identity/b');
    const list = await rpc(other, 'createSessionObject', {
      qInfo: { qType: 'SheetList' },
      qAppObjectListDef: { qType: 'sheet' },
    });
    await rpc(list, 'getLayout');
    const changed = new Promise<void>((resolve) => list.on('changed', () => resolve()));
    await rpc(doc, 'createObject', { qInfo: { qType: 'sheet' } });
    await changed;
    const layout = await rpc<{ qAppObjectList: { qItems: unknown[] } }>(list, 'getLayout');
    expect(layout.qAppObjectList.qItems.length).toBe(1);
  });

  it('CreateObject as a consumer rejects with 5', async () => {
    const consumer = await openAs('consumer-key');
    const call = rpc(consumer, 'createObject', { qInfo: { qType: 'sheet' } });
    expect((await rejection(call)).code).toBe(5);
  });

  it('DestroyObject removes a persisted object', async () => {
    await rpc(doc, 'createObject', { qInfo: { qId: 's1', qType: 'sheet' } });
    const result = await rpc(doc, 'destroyObject', 's1');
    expect([result, deps.apps.get('sales')?.objects.has('s1')]).toEqual([true, false]);
  });
});

describe('master items and variables', () => {
  it('a cube measure by qLibraryId takes the master measure and its label', async () => {
    const measure = await rpc(doc, 'createMeasure', {
      qInfo: { qType: 'measure' },
      qMeasure: { qDef: 'Sum(Sales)', qLabel: 'Revenue' },
    });
    const cube = await rpc(doc, 'createSessionObject', {
      qInfo: { qType: 'kpi' },
      qHyperCubeDef: {
        qMeasures: [{ qLibraryId: measure.id, qDef: {} }],
        qInitialDataFetch: [{ qWidth: 1, qHeight: 1 }],
      },
    });
    const layout = await rpc<CubeLayout>(cube, 'getLayout');
    expect([
      layout.qHyperCube.qMeasureInfo[0]?.qFallbackTitle,
      layout.qHyperCube.qDataPages[0]?.qMatrix[0]?.[0]?.qNum,
    ]).toEqual(['Revenue', 780]);
  });

  it('GetDimension returns a GenericDimension with qDim and qDimInfos', async () => {
    const created = await rpc(doc, 'createDimension', {
      qInfo: { qType: 'dimension' },
      qDim: { qFieldDefs: ['Country'], qGrouping: 'N', title: 'Land' },
      qMetaDef: { title: 'Land' },
    });
    const dimension = await rpc(doc, 'getDimension', created.id);
    const layout = await rpc<{ qDim: { title: string }; qDimInfos: { qCardinal: number }[] }>(
      dimension,
      'getLayout',
    );
    expect([dimension.type, layout.qDim.title, layout.qDimInfos[0]?.qCardinal]).toEqual([
      'GenericDimension',
      'Land',
      3,
    ]);
  });

  it('qDimensionList resolves qData paths against properties and computed infos', async () => {
    await rpc(doc, 'createDimension', {
      qInfo: { qType: 'dimension' },
      qDim: { qFieldDefs: ['Country'], qGrouping: 'N' },
      qMetaDef: { title: 'Land' },
    });
    const list = await rpc(doc, 'createSessionObject', {
      qInfo: { qId: 'DimensionList', qType: 'DimensionList' },
      qDimensionListDef: {
        qType: 'dimension',
        qData: { title: '/qMetaDef/title', info: '/qDimInfos' },
      },
    });
    const layout = await rpc<{
      qDimensionList: { qItems: { qData: { title: string; info: { qCardinal: number }[] } }[] };
    }>(list, 'getLayout');
    const item = layout.qDimensionList.qItems[0];
    expect([item?.qData.title, item?.qData.info[0]?.qCardinal]).toEqual(['Land', 3]);
  });

  it('a variable feeds expressions and SetStringValue reports dependents in change', async () => {
    const variable = await rpc(doc, 'createVariableEx', {
      qInfo: { qType: 'variable' },
      qName: 'vFactor',
      qDefinition: '2',
    });
    const kpi = await rpc(doc, 'createSessionObject', {
      qInfo: { qType: 'kpi' },
      value: { qValueExpression: { qExpr: '=Sum(Sales) * $(vFactor)' } },
    });
    const before = await rpc<{ value: number }>(kpi, 'getLayout');
    const changed = new Promise<void>((resolve) => kpi.on('changed', () => resolve()));
    await rpc(variable, 'setStringValue', '3');
    await changed;
    const after = await rpc<{ value: number }>(kpi, 'getLayout');
    expect([before.value, after.value]).toEqual([1560, 2340]);
  });

  it('GetVariableByName finds a variable and its layout shows its value', async () => {
    await rpc(doc, 'createSessionVariable', { qName: 'vTotal', qDefinition: '=Sum(Sales)' });
    const variable = await rpc(doc, 'getVariableByName', 'vTotal');
    const layout = await rpc<{ qText: string; qNum: number }>(variable, 'getLayout');
    expect([layout.qText, layout.qNum]).toEqual(['780', 780]);
  });

  it('CreateVariableEx with a taken name rejects with 3', async () => {
    await rpc(doc, 'createVariableEx', { qName: 'v1', qDefinition: '1' });
    const call = rpc(doc, 'createVariableEx', { qName: 'v1', qDefinition: '2' });
    expect((await rejection(call)).code).toBe(3);
  });
});

describe('app', () => {
  it('GetAppLayout carries the title and locale info', async () => {
    const layout = await rpc<{ qTitle: string; qLocaleInfo: { qDecimalSep: string } }>(
      doc,
      'getAppLayout',
    );
    expect([layout.qTitle, layout.qLocaleInfo.qDecimalSep]).toEqual(['App sales', '.']);
  });

  it('SetAppProperties stores the title through the platform', async () => {
    await rpc(doc, 'setAppProperties', { qTitle: 'Renamed', theme: 'dark' });
    const props = await rpc<{ qTitle: string; theme: string }>(doc, 'getAppProperties');
    expect([props.qTitle, props.theme, deps.apps.get('sales')?.meta.name]).toEqual([
      'Renamed',
      'dark',
      'Renamed',
    ]);
  });

  it('GetTablesAndKeys lists both tables and the key between them', async () => {
    const result = await rpc<{ qtr: { qName: string }[]; qk: { qKeyFields: string[] }[] }>(
      doc,
      'getTablesAndKeys',
      { qcx: 0, qcy: 0 },
      { qcx: 0, qcy: 0 },
      0,
      false,
      false,
    );
    expect([result.qtr.map((t) => t.qName), result.qk.map((k) => k.qKeyFields[0])]).toEqual([
      ['Orders', 'Customers'],
      ['CustomerID'],
    ]);
  });
});
