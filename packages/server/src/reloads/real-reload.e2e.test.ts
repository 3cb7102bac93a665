import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, multipart, startHarness } from '../testing/harness.js';

/** The real pipeline: a load script run by @cairn/script in a child process, model published. */
describe('reload with the real interpreter', () => {
  let h: Harness;
  let key: string;
  let spaceId: string;
  beforeAll(async () => {
    h = await startHarness('sqlite');
    key = (await h.tenant('real')).adminKey;
    spaceId = String(
      (await h.call(key, 'POST', '/api/v1/spaces', { name: 'Finance', type: 'shared' })).body.id,
    );
    const upload = multipart(
      { name: 'sales.csv', connectionId: spaceId },
      'region,amount\nN,10\nS,20\n',
    );
    await h.cairn.app.inject({
      method: 'POST',
      url: '/api/v1/data-files',
      headers: { ...upload.headers, authorization: `Bearer ${key}` },
      payload: upload.payload,
    });
  });
  afterAll(() => h.close());

  async function reload(script: string) {
    const app = await h.call(key, 'POST', '/api/v1/apps', {
      attributes: { name: 'Sales', spaceId },
    });
    const appId = String(app.body.attributes?.id);
    await h.call(key, 'POST', `/api/v1/apps/${appId}/scripts`, { script });
    const queued = await h.call(key, 'POST', '/api/v1/reloads', { appId });
    await h.cairn.queue.waitFor(String(queued.body.id));
    const result = await h.call(key, 'GET', `/api/v1/reloads/${queued.body.id}`);
    return { appId, reload: result.body };
  }

  it('a CSV load publishes a model whose metadata lists the table and its rows', async () => {
    const { appId, reload: r } = await reload(
      "LOAD * FROM [lib://Finance:DataFiles/sales.csv] (txt, utf8, embedded labels, delimiter is ',');",
    );
    expect(r?.status).toBe('SUCCEEDED');
    const meta = await h.call(key, 'GET', `/api/v1/apps/${appId}/data/metadata`);
    expect(meta.body.tables?.[0]?.no_of_rows).toBe(2);
  });

  it('a script error ends FAILED with the located message', async () => {
    const { reload: r } = await reload('LOAD * FROM [lib://Finance:DataFiles/missing.csv] (txt);');
    expect(r?.status).toBe('FAILED');
    expect(String(r?.errorMessage)).toMatch(/missing\.csv/);
  });
});
