import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../platform-factory.js';
import { type Harness, multipart, startHarness } from '../testing/harness.js';
import { childProcessRunner } from './child-process-runner.js';
import type { ReloadRunner } from './reload-runner.js';

const SCRIPT =
  "LOAD * FROM [lib://Finance:DataFiles/sales.csv] (txt, utf8, embedded labels, delimiter is ',');";

/**
 * A real reload process that, on request, stops in the middle of the reload (it waits for a file
 * the test holds back), so the test can kill it or the "server" at that point.
 */
function holdableRunner() {
  const real = childProcessRunner();
  let hold: Promise<void> | null = null;
  let release: () => void = () => undefined;
  let reached: () => void = () => undefined;
  let atHold = new Promise<void>((r) => {
    reached = r;
  });
  const runner: ReloadRunner = (job, env) =>
    real(job, {
      ...env,
      readFile: async (path) => {
        if (hold) {
          reached();
          await hold;
        }
        return env.readFile(path);
      },
    });
  return {
    runner,
    holdNext() {
      hold = new Promise<void>((r) => {
        release = r;
      });
      atHold = new Promise<void>((r) => {
        reached = r;
      });
    },
    reachedHold: () => atHold,
    release: () => release(),
  };
}

/** Pids of this process's reload children. */
function reloadChildren(): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(process.pid), '-f', 'reload-child'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

describe('crash safety', () => {
  let h: Harness;
  let key: string;
  let appId: string;
  const holdable = holdableRunner();

  beforeAll(async () => {
    h = await startHarness('sqlite', { runner: holdable.runner });
    key = (await h.tenant('crashy')).adminKey;
    const space = await h.call(key, 'POST', '/api/v1/spaces', { name: 'Finance', type: 'shared' });
    const upload = multipart(
      { name: 'sales.csv', connectionId: space.body.id },
      'region,amount\nN,10\nS,20\n',
    );
    await h.cairn.app.inject({
      method: 'POST',
      url: '/api/v1/data-files',
      headers: { ...upload.headers, authorization: `Bearer ${key}` },
      payload: upload.payload,
    });
    const app = await h.call(key, 'POST', '/api/v1/apps', {
      attributes: { name: 'Sales', spaceId: space.body.id },
    });
    appId = String(app.body.attributes?.id);
    await h.call(key, 'POST', `/api/v1/apps/${appId}/scripts`, { script: SCRIPT });
    const first = await h.call(key, 'POST', '/api/v1/reloads', { appId });
    expect((await h.cairn.queue.waitFor(String(first.body.id))).status).toBe('SUCCEEDED');
  });
  afterAll(() => h.close());

  it('SIGKILL of the reload process ends the reload FAILED and the app keeps its last version', async () => {
    const before = await h.call(key, 'GET', `/api/v1/apps/${appId}`);
    holdable.holdNext();
    const second = await h.call(key, 'POST', '/api/v1/reloads', { appId });
    await holdable.reachedHold();
    for (const pid of reloadChildren()) process.kill(pid, 'SIGKILL');
    holdable.release();
    const outcome = await h.cairn.queue.waitFor(String(second.body.id));
    expect(outcome.status).toBe('FAILED');
    const after = await h.call(key, 'GET', `/api/v1/apps/${appId}`);
    expect(after.body.attributes?.lastReloadTime).toBe(before.body.attributes?.lastReloadTime);
  });

  it('a server that dies mid-reload finds the reload FAILED after restart and the app still opens', async () => {
    holdable.holdNext();
    const third = await h.call(key, 'POST', '/api/v1/reloads', { appId });
    await holdable.reachedHold();
    // A second process on the same data stands in for the restarted server; the first is "dead".
    const restarted = await createApp(h.cairn.platform.config, { runner: holdable.runner });
    try {
      await restarted.queue.recover();
      const reload = await restarted.app.inject({
        method: 'GET',
        url: `/api/v1/reloads/${third.body.id}`,
        headers: { authorization: `Bearer ${key}` },
      });
      expect(reload.json().status).toBe('FAILED');
      const meta = await restarted.app.inject({
        method: 'GET',
        url: `/api/v1/apps/${appId}/data/metadata`,
        headers: { authorization: `Bearer ${key}` },
      });
      expect(meta.json().tables[0].no_of_rows).toBe(2);
    } finally {
      for (const pid of reloadChildren()) process.kill(pid, 'SIGKILL');
      holdable.release();
      await restarted.close();
    }
  });
});
