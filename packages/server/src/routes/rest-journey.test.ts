import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeRunner } from '../testing/fake-runner.js';
import { type Harness, multipart, startHarness, storeKinds } from '../testing/harness.js';

describe.each(storeKinds())('REST journey on %s', (kind) => {
  let h: Harness;
  let key: string;
  beforeAll(async () => {
    h = await startHarness(kind, { runner: fakeRunner });
    key = (await h.tenant('acme')).adminKey;
  });
  afterAll(() => h.close());

  it('space → upload → app → script → reload publishes a version and logs', async () => {
    const space = await h.call(key, 'POST', '/api/v1/spaces', { name: 'Finance', type: 'shared' });
    expect(space.status).toBe(201);
    const spaceId = String(space.body.id);
    const conns = await h.call(key, 'GET', `/api/v1/data-files/connections?spaceId=${spaceId}`);
    const connectionId = String(conns.body.data?.[0]?.id);
    const upload = multipart({ name: 'sales.csv', connectionId }, 'region,amount\nN,10\n');
    const file = await h.cairn.app.inject({
      method: 'POST',
      url: '/api/v1/data-files',
      headers: { ...upload.headers, authorization: `Bearer ${key}` },
      payload: upload.payload,
    });
    expect(file.statusCode, file.body).toBe(201);
    const app = await h.call(key, 'POST', '/api/v1/apps', {
      attributes: { name: 'Sales', spaceId },
    });
    const appId = String(app.body.attributes?.id);
    await h.call(key, 'POST', `/api/v1/apps/${appId}/scripts`, {
      script: 'LOAD lib://Finance:DataFiles/sales.csv',
    });
    const queued = await h.call(key, 'POST', '/api/v1/reloads', { appId });
    expect(queued.body.status).toBe('QUEUED');
    const outcome = await h.cairn.queue.waitFor(String(queued.body.id));
    expect(outcome.status).toBe('SUCCEEDED');
    const log = await h.call(key, 'GET', `/api/v1/apps/${appId}/reloads/logs/${queued.body.id}`);
    expect(log.text).toContain('loaded lib://Finance:DataFiles/sales.csv');
    const meta = await h.call(key, 'GET', `/api/v1/apps/${appId}/data/metadata`);
    expect(meta.body.tables?.[0]?.no_of_rows).toBe(19);
  });

  it('POST /reloads with a failing script ends FAILED with its message', async () => {
    const app = await h.call(key, 'POST', '/api/v1/apps', { attributes: { name: 'Broken' } });
    const appId = String(app.body.attributes?.id);
    await h.call(key, 'POST', `/api/v1/apps/${appId}/scripts`, { script: 'FAIL bad statement' });
    const queued = await h.call(key, 'POST', '/api/v1/reloads', { appId });
    await h.cairn.queue.waitFor(String(queued.body.id));
    const reload = await h.call(key, 'GET', `/api/v1/reloads/${queued.body.id}`);
    expect(reload.body.status).toBe('FAILED');
    expect(reload.body.errorMessage).toBe('bad statement');
  });

  it('GET /api/v1/spaces/{unknown} answers the error envelope with a trace id', async () => {
    const res = await h.call(key, 'GET', '/api/v1/spaces/nope');
    expect(res.status).toBe(404);
    expect(res.body.errors?.[0]?.code).toBe('HTTP-404');
    expect(typeof res.body.traceId).toBe('string');
  });
});
