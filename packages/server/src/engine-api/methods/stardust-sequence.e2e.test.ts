import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineCalculator } from '../calc/engine-calculator.js';
import { FakeDeps } from '../testing/fake-deps.js';
import { salesModel } from '../testing/fixture-model.js';
import { type Harness, rejection, rpc, startHarness } from '../testing/harness.js';
import { type CubeLayout, elemOf, listStates } from '../testing/sales-session.js';

// The call sequences stardust and the sn-* charts make (engine-protocol.md §2.1), replayed with
// enigma.js so every method on those paths is exercised the way the charts call it.
let harness: Harness;
let doc: EnigmaJS.QixObject;

beforeEach(async () => {
  const deps = new FakeDeps();
  deps.addKey('editor-key', 't1', 'u1', 'editor');
  deps.addApp('sales', salesModel());
  harness = await startHarness(deps, createEngineCalculator, { maxSessionObjects: 12 });
  const global = await harness.session('/app/sales').open();
  doc = await rpc(global, 'openDoc', 'sales');
});

afterEach(async () => {
  await harness.close();
});

const barProps = {
  qInfo: { qType: 'barchart' },
  visualization: 'barchart',
  qHyperCubeDef: {
    qDimensions: [{ qDef: { qFieldDefs: ['Country'], cId: 'd1' }, qOtherTotalSpec: {} }],
    qMeasures: [{ qDef: { qDef: '=Sum(Sales)', cId: 'm1' }, qSortBy: { qSortByNumeric: -1 } }],
    qInterColumnSortOrder: [],
    qSuppressMissing: true,
    qInitialDataFetch: [{ qWidth: 17, qHeight: 500 }],
    qLayoutExclude: { qHyperCubeDef: { qDimensions: [], qMeasures: [] } },
  },
};

describe('stardust embed prefix', () => {
  it('FieldList and DimensionList are probed with GetObject, then created', async () => {
    const probe = await rejection(rpc(doc, 'getObject', 'FieldList'));
    await rpc(doc, 'createSessionObject', {
      qInfo: { qId: 'FieldList', qType: 'FieldList' },
      qFieldListDef: { qShowSystem: false, qShowHidden: false, qShowSrcTables: true },
    });
    await rpc(doc, 'createSessionObject', {
      qInfo: { qId: 'DimensionList', qType: 'DimensionList' },
      qDimensionListDef: { qType: 'dimension', qData: { title: '/qMetaDef/title' } },
    });
    const fieldList = await rpc(doc, 'getObject', 'FieldList');
    const layout = await rpc<{ qFieldList: { qItems: unknown[] } }>(fieldList, 'getLayout');
    expect([probe, layout.qFieldList.qItems.length]).toEqual([
      { code: 2, message: 'Object not found' },
      5,
    ]);
  });

  it('the selections toolbar object soft-patches alternateStates and reads them back', async () => {
    const toolbar = await rpc(doc, 'createSessionObject', {
      qInfo: { qType: 'current-selections' },
      qSelectionObjectDef: { qStateName: '$' },
      alternateStates: [],
    });
    await rpc(
      toolbar,
      'applyPatches',
      [
        {
          qOp: 'replace',
          qPath: '/alternateStates',
          qValue: JSON.stringify([{ stateName: 'A', qSelectionObjectDef: { qStateName: 'A' } }]),
        },
      ],
      true,
    );
    const layout = await rpc<{ alternateStates: { qSelectionObject: { qBackCount: number } }[] }>(
      toolbar,
      'getLayout',
    );
    expect(layout.alternateStates[0]?.qSelectionObject.qBackCount).toBe(0);
  });
});

describe('charts', () => {
  it('bar chart: GetEffectiveProperties, reduced data and data pages', async () => {
    const bar = await rpc(doc, 'createSessionObject', barProps);
    const layout = await rpc<CubeLayout & { visualization: string }>(bar, 'getLayout');
    const props = await rpc<{ visualization: string }>(bar, 'getEffectiveProperties');
    const reduced = await rpc<{ qMatrix: unknown[] }[]>(
      bar,
      'getHyperCubeReducedData',
      '/qHyperCubeDef',
      [{ qTop: 0, qLeft: 0, qWidth: 2, qHeight: 2000 }],
      -1,
      'D1',
    );
    expect([layout.visualization, props.visualization, reduced[0]?.qMatrix.length]).toEqual([
      'barchart',
      'barchart',
      3,
    ]);
  });

  it('kpi: the initial fetch without qTop/qLeft fills qDataPages[0]', async () => {
    const kpi = await rpc(doc, 'createSessionObject', {
      qInfo: { qType: 'kpi' },
      qHyperCubeDef: {
        qMeasures: [{ qDef: { qDef: '=Sum(Sales)' } }],
        qSuppressMissing: true,
        qInitialDataFetch: [{ qWidth: 500, qHeight: 10 }],
      },
    });
    const layout = await rpc<CubeLayout>(kpi, 'getLayout');
    expect(layout.qHyperCube.qDataPages[0]?.qMatrix[0]?.[0]?.qText).toBe('780');
  });

  it('listbox: overlapping pages and a zero-height page are answered independently', async () => {
    const list = await rpc(doc, 'createSessionObject', {
      qInfo: { qType: 'njsListbox', qId: 'lb1' },
      qListObjectDef: {
        qStateName: '$',
        qShowAlternatives: true,
        qFrequencyMode: 'N',
        qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 0, qHeight: 0 }],
        qDef: {
          qSortCriterias: [
            { qSortByState: 1, qSortByAscii: 1, qSortByNumeric: 1, qSortByLoadOrder: 1 },
          ],
          qFieldDefs: ['Country'],
        },
      },
    });
    await rpc(list, 'getLayout');
    const pages = await rpc<{ qMatrix: unknown[] }[]>(
      list,
      'getListObjectData',
      '/qListObjectDef',
      [
        { qTop: 0, qHeight: 100, qLeft: 0, qWidth: 1 },
        { qTop: 1, qHeight: 100, qLeft: 0, qWidth: 1 },
        { qTop: 0, qHeight: 0, qLeft: 0, qWidth: 1 },
      ],
    );
    expect(pages.map((p) => p.qMatrix.length)).toEqual([3, 2, 0]);
  });

  it('listbox click and confirm: begin, toggle select, abort search, end', async () => {
    const list = await rpc(doc, 'createSessionObject', {
      qInfo: { qType: 'njsListbox' },
      qListObjectDef: {
        qShowAlternatives: true,
        qDef: { qFieldDefs: ['Country'], qSortCriterias: [{ qSortByAscii: 1 }] },
        qInitialDataFetch: [{ qWidth: 1, qHeight: 50 }],
      },
    });
    await rpc(list, 'getLayout');
    let changed = 0;
    list.on('changed', () => changed++);
    await rpc(list, 'beginSelections', ['/qListObjectDef']);
    await rpc(
      list,
      'selectListObjectValues',
      '/qListObjectDef',
      [await elemOf(list, 'Germany')],
      true,
    );
    await rpc(list, 'abortListObjectSearch', '/qListObjectDef');
    await rpc(list, 'endSelections', true);
    await rpc(list, 'abortListObjectSearch', '/qListObjectDef');
    expect([changed > 0, await listStates(list)]).toEqual([
      true,
      ['France:A', 'Germany:S', 'Sweden:A'],
    ]);
  });

  it('filter pane: SetFullPropertyTree children render as list objects through GetObject', async () => {
    const pane = await rpc(doc, 'createSessionObject', {
      qInfo: { qType: 'filterpane' },
      visualization: 'filterpane',
      qChildListDef: {},
    });
    await rpc(pane, 'setFullPropertyTree', {
      qProperty: {
        qInfo: { qId: pane.id, qType: 'filterpane' },
        visualization: 'filterpane',
        qChildListDef: {},
      },
      qChildren: [
        {
          qProperty: {
            qInfo: { qType: 'njsListbox' },
            qListObjectDef: { qDef: { qFieldDefs: ['Product'] }, qInitialDataFetch: [] },
            title: 'Product',
          },
          qChildren: [],
        },
      ],
    });
    const layout = await rpc<{ qChildList: { qItems: { qInfo: { qId: string } }[] } }>(
      pane,
      'getLayout',
    );
    const child = await rpc(doc, 'getObject', layout.qChildList.qItems[0]?.qInfo.qId);
    await rpc(child, 'getLayout');
    const pages = await rpc<{ qMatrix: unknown[] }[]>(
      child,
      'getListObjectData',
      '/qListObjectDef',
      [{ qTop: 0, qHeight: 10, qLeft: 0, qWidth: 1 }],
    );
    expect(pages[0]?.qMatrix.length).toBe(3);
  });

  it('a session beyond its object limit rejects CreateSessionObject with 19', async () => {
    for (let i = 0; i < 12; i++) await rpc(doc, 'createSessionObject', { qInfo: { qType: 'x' } });
    const refused = await rejection(rpc(doc, 'createSessionObject', { qInfo: { qType: 'x' } }));
    expect(refused.code).toBe(19);
  });
});
