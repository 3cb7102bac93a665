import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, multipart, startHarness } from '../testing/harness.js';

/** Bad requests get a clear 4xx with a code, and nothing is stored. */
describe('bad input', () => {
  let h: Harness;
  let key: string;
  let spaceId: string;
  beforeAll(async () => {
    h = await startHarness('sqlite', {}, { CAIRN_UPLOAD_MAX_MB: '1', CAIRN_TENANT_QUOTA_MB: '2' });
    key = (await h.tenant('bad')).adminKey;
    spaceId = String(
      (await h.call(key, 'POST', '/api/v1/spaces', { name: 'S', type: 'shared' })).body.id,
    );
  });
  afterAll(() => h.close());

  const fileCount = async () =>
    (await h.cairn.platform.store.db.selectFrom('data_files').select('id').execute()).length;
  const upload = async (json: unknown, file: Buffer | string) => {
    const body = multipart(json, file);
    const res = await h.cairn.app.inject({
      method: 'POST',
      url: '/api/v1/data-files',
      headers: { ...body.headers, authorization: `Bearer ${key}` },
      payload: body.payload,
    });
    return { status: res.statusCode, code: res.json().errors?.[0]?.code as string | undefined };
  };

  it('an unknown body field answers 400 naming it', async () => {
    const res = await h.call(key, 'POST', '/api/v1/spaces', {
      name: 'X',
      type: 'shared',
      tenantId: 'other',
    });
    expect(res.status).toBe(400);
    expect(String(res.body.errors?.[0]?.detail)).toMatch(/tenantId/);
  });

  it('a JSON body over 1 MiB answers 413', async () => {
    const res = await h.call(key, 'POST', '/api/v1/apps', {
      attributes: { name: 'x', description: 'y'.repeat(1_100_000) },
    });
    expect(res.body.errors?.[0]?.code).toBe('HTTP-413');
  });

  it('a body with an unsupported content type answers 415', async () => {
    const res = await h.cairn.app.inject({
      method: 'POST',
      url: '/api/v1/spaces',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'text/xml' },
      payload: '<space/>',
    });
    expect(res.json().errors[0].code).toBe('HTTP-415');
  });

  it('malformed JSON answers 400', async () => {
    const res = await h.cairn.app.inject({
      method: 'POST',
      url: '/api/v1/spaces',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(res.json().errors[0].code).toBe('HTTP-400');
  });

  it('a data-file upload as JSON instead of multipart answers 415', async () => {
    const res = await h.call(key, 'POST', '/api/v1/data-files', { name: 'a.csv' });
    expect(res.body.errors?.[0]?.code).toBe('HTTP-415');
  });

  it('a truncated multipart body answers 400 DF-001 and stores nothing', async () => {
    const body = multipart({ name: 'a.csv', connectionId: spaceId }, 'a,b\n');
    const cut = body.payload.subarray(0, body.payload.length - 40);
    const res = await h.cairn.app.inject({
      method: 'POST',
      url: '/api/v1/data-files',
      headers: { ...body.headers, authorization: `Bearer ${key}` },
      payload: cut,
    });
    expect(res.json().errors[0].code).toBe('DF-001');
    expect(await fileCount()).toBe(0);
  });

  for (const name of [
    '../../etc/passwd.csv',
    'a/b.csv',
    '..\\x.csv',
    '.hidden.csv',
    'x.exe',
    'noext',
    'nul\u0000.csv',
  ]) {
    it(`a file named ${JSON.stringify(name)} answers 400 DF-004 and stores nothing`, async () => {
      expect(await upload({ name, connectionId: spaceId }, 'a\n1\n')).toEqual({
        status: 400,
        code: 'DF-004',
      });
      expect(await fileCount()).toBe(0);
    });
  }

  it('an unknown field in the Json part answers 400', async () => {
    expect(
      (await upload({ name: 'a.csv', connectionId: spaceId, tenantId: 'x' }, 'a\n')).status,
    ).toBe(400);
  });

  it('a file over CAIRN_UPLOAD_MAX_MB answers 413 DF-003 and stores nothing', async () => {
    expect(
      await upload({ name: 'big.csv', connectionId: spaceId }, Buffer.alloc(1024 * 1024 + 10, 97)),
    ).toEqual({ status: 413, code: 'DF-003' });
    expect(await fileCount()).toBe(0);
  });

  it('an upload beyond the tenant quota answers 413 DF-016', async () => {
    await upload({ name: 'one.csv', connectionId: spaceId }, Buffer.alloc(1000 * 1024, 97));
    await upload({ name: 'two.csv', connectionId: spaceId }, Buffer.alloc(1000 * 1024, 97));
    expect(
      await upload({ name: 'three.csv', connectionId: spaceId }, Buffer.alloc(200 * 1024, 97)),
    ).toEqual({ status: 413, code: 'DF-016' });
  });

  it('a second file with the same name in a space answers 409 DF-002', async () => {
    await upload({ name: 'dup.csv', connectionId: spaceId }, 'a\n');
    expect(await upload({ name: 'dup.csv', connectionId: spaceId }, 'a\n')).toEqual({
      status: 409,
      code: 'DF-002',
    });
  });

  it('a request without credentials answers 401', async () => {
    expect((await h.call(null, 'GET', '/api/v1/spaces')).body.errors?.[0]?.code).toBe('HTTP-401');
  });

  it('an unknown space role answers 400 SPACES-2', async () => {
    const res = await h.call(key, 'POST', `/api/v1/spaces/${spaceId}/assignments`, {
      type: 'user',
      assigneeId: 'x',
      roles: ['publisher'],
    });
    expect(res.body.errors?.[0]?.code).toBe('SPACES-2');
  });
});
