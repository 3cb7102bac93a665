import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../http/app.js';
import { fakeRunner } from '../testing/fake-runner.js';
import { type Harness, multipart, startHarness, storeKinds } from '../testing/harness.js';
import { type Ids, MATRIX, type Row } from './isolation-matrix.rows.js';

describe.each(storeKinds())('isolation matrix on %s', (kind) => {
  let h: Harness;
  let ids: Ids;
  const keys = { admin: '', foreign: '', outsider: '', member: '' };

  beforeAll(async () => {
    h = await startHarness(kind, { runner: fakeRunner });
    const a = await h.tenant('alpha');
    const b = await h.tenant('beta');
    keys.admin = a.adminKey;
    keys.foreign = b.adminKey;
    keys.outsider = (await h.user(a.tenantId, 'outsider', ['Developer'])).key;
    const member = await h.user(a.tenantId, 'member');
    keys.member = member.key;
    const space = await h.call(keys.admin, 'POST', '/api/v1/spaces', {
      name: 'Finance',
      type: 'shared',
    });
    const spaceId = String(space.body.id);
    const assignment = await h.call(keys.admin, 'POST', `/api/v1/spaces/${spaceId}/assignments`, {
      type: 'user',
      assigneeId: member.userId,
      roles: ['consumer'],
    });
    const upload = multipart({ name: 'sales.csv', connectionId: spaceId }, 'a,b\n1,2\n');
    const file = await h.cairn.app.inject({
      method: 'POST',
      url: '/api/v1/data-files',
      headers: { ...upload.headers, authorization: `Bearer ${keys.admin}` },
      payload: upload.payload,
    });
    const app = await h.call(keys.admin, 'POST', '/api/v1/apps', {
      attributes: { name: 'Sales', spaceId },
    });
    const appId = String(app.body.attributes?.id);
    await h.call(keys.admin, 'POST', `/api/v1/apps/${appId}/scripts`, {
      script: 'LOAD lib://Finance:DataFiles/sales.csv',
    });
    const reload = await h.call(keys.admin, 'POST', '/api/v1/reloads', { appId });
    await h.cairn.queue.waitFor(String(reload.body.id));
    const items = await h.call(
      keys.admin,
      'GET',
      `/api/v1/items?resourceType=app&spaceId=${spaceId}`,
    );
    const apiKeys = await h.call(keys.admin, 'GET', '/api/v1/api-keys');
    const audits = await h.call(keys.admin, 'GET', '/api/v1/audits?limit=1');
    ids = {
      spaceId,
      appId,
      fileId: String(file.json().id),
      assignmentId: String(assignment.body.id),
      reloadId: String(reload.body.id),
      itemId: String(items.body.data?.[0]?.id),
      adminKeyId: String(apiKeys.body.data?.[0]?.id),
      memberId: member.userId,
      auditId: String(audits.body.data?.[0]?.id),
      tenantId: a.tenantId,
    };
  });
  afterAll(() => h.close());

  /** Every table's rows; a refused request must leave all of them as they were. */
  async function snapshot(): Promise<string> {
    const db = h.cairn.platform.store.db;
    const tables = [
      'tenants',
      'users',
      'api_keys',
      'spaces',
      'space_assignments',
      'apps',
      'app_versions',
      'app_scripts',
      'data_files',
      'reloads',
      'items',
      'audits',
    ] as const;
    const rows = await Promise.all(tables.map((t) => db.selectFrom(t).selectAll().execute()));
    return JSON.stringify(rows);
  }

  async function send(row: Row, key: string) {
    const url = row.url?.(ids) ?? row.route;
    const body = row.body?.(ids);
    if (row.multipart) {
      const upload = multipart(body, 'x,y\n1,2\n');
      const res = await h.cairn.app.inject({
        method: row.method as 'POST',
        url,
        headers: { ...upload.headers, authorization: `Bearer ${key}` },
        payload: upload.payload,
      });
      return res.statusCode;
    }
    return (await h.call(key, row.method as 'GET', url, body)).status;
  }

  it('has a row for every registered route', () => {
    const rows = new Set(MATRIX.map((r) => `${r.method} ${r.route}`));
    const missing = registeredRoutes(h.cairn.app)
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !rows.has(r));
    expect(missing).toEqual([]);
  });

  for (const row of MATRIX.filter((r) => r.note === undefined || r.url !== undefined)) {
    for (const caller of ['foreign', 'outsider', 'member'] as const) {
      const expected = row[caller];
      if (expected === undefined || expected === 'ok') continue;
      it(`${row.method} ${row.route} as ${caller} answers ${expected} and changes nothing`, async () => {
        const before = await snapshot();
        expect(await send(row, keys[caller])).toBe(expected);
        expect(await snapshot()).toBe(before);
      });
    }
  }

  it('lists answer a foreign or outside caller without tenant A’s spaces, apps or files', async () => {
    for (const key of [keys.foreign, keys.outsider]) {
      for (const url of [
        '/api/v1/spaces',
        '/api/v1/items',
        '/api/v1/data-files/connections',
        '/api/v1/data-files',
      ]) {
        const res = await h.call(key, 'GET', url);
        expect([ids.spaceId, ids.appId, ids.fileId].filter((id) => res.text.includes(id))).toEqual(
          [],
        );
      }
    }
  });
});
