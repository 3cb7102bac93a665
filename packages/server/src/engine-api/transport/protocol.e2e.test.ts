import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Calculator } from '../calc/calculator.js';
import { FakeDeps } from '../testing/fake-deps.js';
import { type Harness, rejection, rpc, startHarness } from '../testing/harness.js';

// Protocol behaviour that needs no data model: an app that was never reloaded.
const noCalculator = (): Calculator => {
  throw new Error('no model in these tests');
};

let deps: FakeDeps;
let harness: Harness;

beforeEach(async () => {
  deps = new FakeDeps();
  deps.addKey('editor-key', 't1', 'u1', 'editor');
  deps.addKey('consumer-key', 't1', 'u2', 'consumer');
  deps.addApp('app1', null, 'LOAD 1 AS A AUTOGENERATE 1;');
  harness = await startHarness(deps, noCalculator, {
    maxPendingRequests: 8,
    maxFrameBytes: 4096,
    maxTenantObjects: 3,
  });
});

afterEach(async () => {
  await harness.close();
});

/** A raw socket for what enigma cannot send: bad JSON, unknown names, floods. */
async function rawSocket(path = '/app/app1'): Promise<{ ws: WebSocket; next(): Promise<unknown> }> {
  const ws = new WebSocket(`ws://127.0.0.1:${harness.port}${path}`, {
    headers: { Authorization: 'Bearer editor-key' },
  });
  const queue: unknown[] = [];
  const waiters: ((m: unknown) => void)[] = [];
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as unknown;
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else queue.push(message);
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const next = () =>
    queue.length > 0
      ? Promise.resolve(queue.shift())
      : new Promise<unknown>((resolve) => waiters.push(resolve));
  await next(); // OnConnected
  return { ws, next };
}

function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

describe('transport', () => {
  it('sends OnConnected with SESSION_CREATED on a new session', async () => {
    const session = harness.session('/app/app1');
    const states: string[] = [];
    session.on('notification:OnConnected', (p: { qSessionState: string }) =>
      states.push(p.qSessionState),
    );
    const global = await session.open();
    await rpc(global, 'engineVersion');
    expect(states).toEqual(['SESSION_CREATED']);
  });

  it('refuses an upgrade without credentials with 401', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${harness.port}/app/app1`);
    const status = await new Promise<number>((resolve) =>
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(401);
  });

  it('answers malformed JSON with -32700 and keeps the socket open', async () => {
    const { ws, next } = await rawSocket();
    ws.send('{"id":1,"method":');
    expect(await next()).toMatchObject({ error: { code: -32700 } });
    ws.send(JSON.stringify({ jsonrpc: '2.0', id: 2, handle: -1, method: 'EngineVersion' }));
    expect(await next()).toMatchObject({ id: 2, result: { qVersion: {} } });
    ws.close();
  });

  it('answers a method outside the schema with -32601', async () => {
    const { ws, next } = await rawSocket();
    ws.send(JSON.stringify({ jsonrpc: '2.0', id: 1, handle: -1, method: 'GetProductVersion' }));
    expect(await next()).toMatchObject({ id: 1, error: { code: -32601 } });
    ws.close();
  });

  it('answers an unknown handle with -32602', async () => {
    const { ws, next } = await rawSocket();
    ws.send(JSON.stringify({ jsonrpc: '2.0', id: 1, handle: 99, method: 'GetLayout' }));
    expect(await next()).toMatchObject({ id: 1, error: { code: -32602 } });
    ws.close();
  });

  it('accepts params as an object keyed by parameter names', async () => {
    const { ws, next } = await rawSocket();
    ws.send(JSON.stringify({ id: 1, handle: -1, method: 'OpenDoc', params: { qDocName: 'app1' } }));
    expect(await next()).toMatchObject({ id: 1, result: { qReturn: { qGenericId: 'app1' } } });
    ws.close();
  });

  it('closes the socket with 1009 on an oversized frame', async () => {
    const { ws } = await rawSocket();
    const closed = closeCode(ws);
    ws.send(JSON.stringify({ id: 1, method: 'EngineVersion', params: ['x'.repeat(10_000)] }));
    expect(await closed).toBe(1009);
  });

  it('closes a flooding socket with 4002 and keeps serving other sessions', async () => {
    const { ws } = await rawSocket();
    const closed = closeCode(ws);
    for (let i = 1; i <= 100; i++) {
      ws.send(JSON.stringify({ id: i, handle: -1, method: 'GetDocList' }));
    }
    expect(await closed).toBe(4002);
    const global = await harness.session('/app/app1/identity/other').open();
    expect(await rpc(global, 'engineVersion')).toEqual({ qComponentVersion: '12.2027.0' });
  });
});

describe('Global', () => {
  it('OpenDoc returns a Doc whose id is the app id', async () => {
    const global = await harness.session('/app/app1').open();
    const doc = await rpc<EnigmaJS.QixObject>(global, 'openDoc', 'app1');
    expect([doc.id, doc.type]).toEqual(['app1', 'Doc']);
  });

  it('OpenDoc of an unknown app rejects with 1003', async () => {
    const global = await harness.session('/app/nope').open();
    expect((await rejection(rpc(global, 'openDoc', 'nope'))).code).toBe(1003);
  });

  it('OpenDoc of a second app in the same session rejects with 1002', async () => {
    deps.addApp('app2', null);
    const global = await harness.session('/app/app1').open();
    await rpc(global, 'openDoc', 'app1');
    expect((await rejection(rpc(global, 'openDoc', 'app2'))).code).toBe(1002);
  });

  it('GetActiveDoc without an open doc rejects with 1017', async () => {
    const global = await harness.session('/app/app1').open();
    expect((await rejection(rpc(global, 'getActiveDoc'))).code).toBe(1017);
  });

  it('GetDocList lists the apps the platform gives', async () => {
    const global = await harness.session('/app/app1').open();
    const list = await rpc<{ qDocId: string }[]>(global, 'getDocList');
    expect(list.map((d) => d.qDocId)).toEqual(['app1']);
  });

  it('a schema method Cairn does not implement rejects with 20', async () => {
    const global = await harness.session('/app/app1').open();
    const doc = await rpc(global, 'openDoc', 'app1');
    expect((await rejection(rpc(doc, 'getBookmarks', {}))).code).toBe(20);
  });
});

describe('sessions', () => {
  it('a second socket with the same key attaches and sees the session objects', async () => {
    const first = await harness.session('/app/app1').open();
    const doc = await rpc(first, 'openDoc', 'app1');
    await rpc(doc, 'createSessionObject', { qInfo: { qId: 'mine', qType: 'x' } });
    const second = harness.session('/app/app1');
    const states: string[] = [];
    second.on('notification:OnConnected', (p: { qSessionState: string }) =>
      states.push(p.qSessionState),
    );
    const global2 = await second.open();
    const doc2 = await rpc(global2, 'getActiveDoc');
    const object = await rpc<EnigmaJS.QixObject>(doc2, 'getObject', 'mine');
    expect([states[0], object.id]).toEqual(['SESSION_ATTACHED', 'mine']);
  });

  it('an /identity/ URL opens a separate session without the other objects', async () => {
    const first = await harness.session('/app/app1').open();
    const doc = await rpc(first, 'openDoc', 'app1');
    await rpc(doc, 'createSessionObject', { qInfo: { qId: 'mine', qType: 'x' } });
    const other = await harness.session('/app/app1/identity/two').open();
    const doc2 = await rpc(other, 'openDoc', 'app1');
    expect(await rejection(rpc(doc2, 'getObject', 'mine'))).toEqual({
      code: 2,
      message: 'Object not found',
    });
  });

  it('resume within the TTL reattaches and restores object handles', async () => {
    const session = harness.session('/app/app1/ttl/30', 'editor-key', { suspendOnClose: true });
    const global = await session.open();
    const doc = await rpc(global, 'openDoc', 'app1');
    const object = await rpc<EnigmaJS.QixObject>(doc, 'createSessionObject', {
      qInfo: { qId: 'kept', qType: 'x' },
      title: 'kept',
    });
    await session.suspend();
    await session.resume(true);
    const layout = await rpc<{ title: string }>(object, 'getLayout');
    expect(layout.title).toBe('kept');
  });

  it('the tenant limit on session objects holds across sessions (error 19)', async () => {
    const docs = [];
    for (const identity of ['a', 'b']) {
      const global = await harness.session(`/app/app1/identity/${identity}`).open();
      docs.push(await rpc(global, 'openDoc', 'app1'));
    }
    const [first, second] = docs as [EnigmaJS.QixObject, EnigmaJS.QixObject];
    await rpc(first, 'createSessionObject', { qInfo: { qType: 'x' } });
    await rpc(first, 'createSessionObject', { qInfo: { qType: 'x' } });
    await rpc(second, 'createSessionObject', { qInfo: { qType: 'x' } });
    const refused = await rejection(rpc(second, 'createSessionObject', { qInfo: { qType: 'x' } }));
    expect(refused.code).toBe(19);
  });

  it('deleting the app closes its sessions with close code 4001', async () => {
    const session = harness.session('/app/app1');
    const global = await session.open();
    await rpc(global, 'openDoc', 'app1');
    const closed = new Promise<number>((resolve) =>
      session.on('closed', (event: { code: number }) => resolve(event.code)),
    );
    deps.emit({ type: 'deleted', tenantId: 't1', appId: 'app1' });
    expect(await closed).toBe(4001);
  });
});
