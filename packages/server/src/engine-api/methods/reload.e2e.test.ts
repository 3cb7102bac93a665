import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineCalculator } from '../calc/engine-calculator.js';
import { FakeDeps } from '../testing/fake-deps.js';
import { bigModel, salesModel } from '../testing/fixture-model.js';
import { type Harness, rejection, rpc, startHarness } from '../testing/harness.js';
import { type CubeLayout, countryCube } from '../testing/sales-session.js';

let deps: FakeDeps;
let harness: Harness;

async function openAs(key = 'editor-key'): Promise<EnigmaJS.QixObject> {
  const global = await harness.session('/app/sales', key).open();
  return rpc(global, 'openDoc', 'sales');
}

beforeEach(async () => {
  deps = new FakeDeps();
  deps.addKey('editor-key', 't1', 'u1', 'editor');
  deps.addKey('consumer-key', 't1', 'u2', 'consumer');
  deps.addApp('sales', salesModel(), 'LOAD 1 AS A AUTOGENERATE 1;');
  harness = await startHarness(deps, createEngineCalculator);
});

afterEach(async () => {
  await harness.close();
});

describe('script', () => {
  it('SetScript then DoSave stores a new script version through the platform', async () => {
    const doc = await openAs();
    await rpc(doc, 'setScript', 'LOAD 2 AS B AUTOGENERATE 1;');
    await rpc(doc, 'doSave');
    expect(deps.apps.get('sales')?.scriptVersions).toEqual([
      'LOAD 1 AS A AUTOGENERATE 1;',
      'LOAD 2 AS B AUTOGENERATE 1;',
    ]);
  });

  it('GetScript returns the unsaved draft of the session', async () => {
    const doc = await openAs();
    await rpc(doc, 'setScript', 'LOAD 3 AS C AUTOGENERATE 1;');
    expect(await rpc(doc, 'getScript')).toBe('LOAD 3 AS C AUTOGENERATE 1;');
  });

  it('SetScript as a consumer rejects with 5', async () => {
    const doc = await openAs('consumer-key');
    expect((await rejection(rpc(doc, 'setScript', 'LOAD 1 AS A AUTOGENERATE 1;'))).code).toBe(5);
  });

  it('CheckScriptSyntax locates an error without running the script', async () => {
    const doc = await openAs();
    await rpc(doc, 'setScript', "LOAD 1 AS A AUTOGENERATE 1;\nLOAD 'unclosed AS B AUTOGENERATE 1;");
    const errors = await rpc<{ qLineInTab: number; line: number }[]>(doc, 'checkScriptSyntax');
    expect(errors.map((e) => [e.qLineInTab, e.line])).toEqual([[1, 2]]);
  });

  it('CheckScriptSyntax of a valid script answers no errors', async () => {
    const doc = await openAs();
    expect(await rpc(doc, 'checkScriptSyntax')).toEqual([]);
  });
});

describe('reload', () => {
  it('DoReload publishes the new model and reports open objects in change', async () => {
    const doc = await openAs();
    const cube = await rpc(doc, 'createSessionObject', {
      qInfo: { qType: 'kpi' },
      qHyperCubeDef: {
        qMeasures: [{ qDef: { qDef: '=Count(Row)' } }],
        qInitialDataFetch: [{ qWidth: 1, qHeight: 1 }],
      },
    });
    await rpc(cube, 'getLayout');
    let changed = 0;
    cube.on('changed', () => changed++);
    deps.nextReload = { model: bigModel(5), log: ['Big << INLINE 5 rows'] };
    const ok = await rpc(doc, 'doReload');
    const layout = await rpc<CubeLayout>(cube, 'getLayout');
    expect([ok, changed, layout.qHyperCube.qDataPages[0]?.qMatrix[0]?.[0]?.qNum]).toEqual([
      true,
      1,
      5,
    ]);
  });

  it('GetProgress hands out the reload log lines', async () => {
    const doc = await openAs();
    deps.nextReload = { model: bigModel(3), log: ['line one', 'line two'] };
    await rpc(doc, 'doReload');
    const global = await harness.session('/app/sales').open();
    const progress = await rpc<{ qPersistentProgress: string; qFinished: boolean }>(
      global,
      'getProgress',
      0,
    );
    expect([progress.qPersistentProgress, progress.qFinished]).toEqual([
      'line one\nline two',
      true,
    ]);
  });

  it('a failed reload answers false and keeps the previous model', async () => {
    const doc = await openAs();
    deps.nextReload = { error: 'Field not found: <X>', log: [] };
    const ok = await rpc(doc, 'doReload');
    expect([ok, await rpc(doc, 'evaluate', 'Sum(Sales)')]).toEqual([false, '780']);
  });

  it('DoReloadEx answers qSuccess', async () => {
    const doc = await openAs();
    deps.nextReload = { model: bigModel(2), log: [] };
    expect(await rpc(doc, 'doReloadEx', {})).toMatchObject({ qSuccess: true });
  });

  it('a reload published by REST reaches an open session as a pushed change', async () => {
    const doc = await openAs();
    const cube = await rpc(doc, 'createSessionObject', countryCube());
    await rpc(cube, 'getLayout');
    const changed = new Promise<void>((resolve) => cube.on('changed', () => resolve()));
    const app = deps.apps.get('sales');
    if (!app) throw new Error('fixture app missing');
    app.model = bigModel(4);
    app.version++;
    deps.emit({ type: 'reloaded', tenantId: 't1', appId: 'sales' });
    await changed;
    expect(await rpc(doc, 'evaluate', 'Count(Row)')).toBe('4');
  });
});

describe('session apps', () => {
  it('CreateSessionApp + SetScript + DoReload build an in-memory app', async () => {
    const global = await harness.session('/app/engineData').open();
    const app = await rpc(global, 'createSessionApp');
    await rpc(app, 'setScript', 'LOAD 1 AS Row AUTOGENERATE 7;');
    deps.nextReload = { model: bigModel(7), log: [] };
    await rpc(app, 'doReload');
    expect([app.id.startsWith('SessionApp_'), await rpc(app, 'evaluate', 'Count(Row)')]).toEqual([
      true,
      '7',
    ]);
  });
});
