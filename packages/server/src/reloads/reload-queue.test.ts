import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';
import { ReloadFailure, type ReloadRunner } from './reload-runner.js';

/** A runner whose reloads wait until the test releases them; records start order by app. */
function gatedRunner() {
  const started: string[] = [];
  const gates = new Map<string, () => void>();
  const runner: ReloadRunner = (job, env) =>
    new Promise((resolve, reject) => {
      started.push(job.appId);
      env.signal.addEventListener('abort', () =>
        reject(new ReloadFailure('CANCELED', 'RELOADS-008', 'canceled')),
      );
      gates.set(job.reloadId, () =>
        resolve({
          model: new Uint8Array([1]),
          metadata: { fields: [], tables: [] },
          variables: {},
        }),
      );
    });
  return { runner, started, release: (id: string) => gates.get(id)?.() };
}

async function appIn(h: Harness, key: string, name: string): Promise<string> {
  const res = await h.call(key, 'POST', '/api/v1/apps', { attributes: { name } });
  return String(res.body.attributes?.id);
}

describe('ReloadQueue', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('starts the oldest reload of the tenant with the fewest running when a slot frees', async () => {
    const gated = gatedRunner();
    h = await startHarness('sqlite', { runner: gated.runner }, { CAIRN_RELOAD_CONCURRENCY: '2' });
    const a = await h.tenant('burst');
    const b = await h.tenant('quiet');
    const first = await h.call(a.adminKey, 'POST', '/api/v1/reloads', {
      appId: await appIn(h, a.adminKey, 'a1'),
    });
    await h.call(a.adminKey, 'POST', '/api/v1/reloads', {
      appId: await appIn(h, a.adminKey, 'a2'),
    });
    await expect.poll(() => gated.started.length).toBe(2);
    await h.call(a.adminKey, 'POST', '/api/v1/reloads', {
      appId: await appIn(h, a.adminKey, 'a3'),
    });
    const b1 = await appIn(h, b.adminKey, 'b1');
    await h.call(b.adminKey, 'POST', '/api/v1/reloads', { appId: b1 });
    gated.release(String(first.body.id));
    // a3 is older, but tenant "burst" still runs one reload and "quiet" none.
    await expect.poll(() => gated.started.length).toBe(3);
    expect(gated.started[2]).toBe(b1);
  });

  it('POST /reloads beyond the per-tenant queue limit answers 429 RELOADS-001', async () => {
    const gated = gatedRunner();
    h = await startHarness(
      'sqlite',
      { runner: gated.runner },
      { CAIRN_RELOAD_CONCURRENCY: '1', CAIRN_RELOAD_QUEUE_LIMIT: '1' },
    );
    const t = await h.tenant('limited');
    const appId = await appIn(h, t.adminKey, 'x');
    await h.call(t.adminKey, 'POST', '/api/v1/reloads', { appId });
    await expect.poll(() => gated.started.length).toBe(1);
    await h.call(t.adminKey, 'POST', '/api/v1/reloads', { appId });
    const third = await h.call(t.adminKey, 'POST', '/api/v1/reloads', { appId });
    expect(third.status).toBe(429);
    expect(third.body.errors?.[0]?.code).toBe('RELOADS-001');
  });

  it('cancel of a running reload ends it CANCELED and keeps the app at its last version', async () => {
    const gated = gatedRunner();
    h = await startHarness('sqlite', { runner: gated.runner });
    const t = await h.tenant('cancel');
    const appId = await appIn(h, t.adminKey, 'x');
    const r = await h.call(t.adminKey, 'POST', '/api/v1/reloads', { appId });
    await expect.poll(() => gated.started.length).toBe(1);
    const cancel = await h.call(t.adminKey, 'POST', `/api/v1/reloads/${r.body.id}/actions/cancel`);
    expect(cancel.body.status).toBe('CANCELING');
    expect((await h.cairn.queue.waitFor(String(r.body.id))).status).toBe('CANCELED');
    const app = await h.call(t.adminKey, 'GET', `/api/v1/apps/${appId}`);
    expect(app.body.attributes?.lastReloadTime).toBe('');
  });

  it('recover() after a crash marks interrupted reloads FAILED', async () => {
    const gated = gatedRunner();
    h = await startHarness('sqlite', { runner: gated.runner });
    const t = await h.tenant('crash');
    const appId = await appIn(h, t.adminKey, 'x');
    const r = await h.call(t.adminKey, 'POST', '/api/v1/reloads', { appId });
    await expect.poll(() => gated.started.length).toBe(1);
    expect(await h.cairn.queue.recover()).toBe(1);
    const after = await h.call(t.adminKey, 'GET', `/api/v1/reloads/${r.body.id}`);
    expect(after.body.errorCode).toBe('RELOADS-009');
  });

  it('stop() (SIGTERM) puts running reloads back in the queue', async () => {
    const gated = gatedRunner();
    h = await startHarness('sqlite', { runner: gated.runner });
    const t = await h.tenant('term');
    const appId = await appIn(h, t.adminKey, 'x');
    const r = await h.call(t.adminKey, 'POST', '/api/v1/reloads', { appId });
    await expect.poll(() => gated.started.length).toBe(1);
    await h.cairn.queue.stop();
    const row = await h.cairn.platform.store.db
      .selectFrom('reloads')
      .select('status')
      .where('id', '=', String(r.body.id))
      .executeTakeFirst();
    expect(row?.status).toBe('QUEUED');
  });
});
