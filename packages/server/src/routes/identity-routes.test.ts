import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, OPERATOR_KEY, startHarness, storeKinds } from '../testing/harness.js';

describe.each(storeKinds())('tenants, users and API keys on %s', (kind) => {
  let h: Harness;
  let admin: { tenantId: string; adminId: string; adminKey: string };
  beforeAll(async () => {
    h = await startHarness(kind);
    admin = await h.tenant('ident');
  });
  afterAll(() => h.close());

  it('POST /api/v1/tenants with the operator key returns a working admin key once', async () => {
    const res = await h.call(OPERATOR_KEY, 'POST', '/api/v1/tenants', {
      name: 'newco',
      admin: { email: 'boss@newco.test' },
    });
    expect(res.status).toBe(201);
    const me = await h.call(String(res.body.admin?.apiKey), 'GET', '/api/v1/tenants/me');
    expect(me.body.name).toBe('newco');
  });

  it('a request on another tenant’s hostname answers 404', async () => {
    await h.call(OPERATOR_KEY, 'POST', '/api/v1/tenants', {
      name: 'hosted',
      hostnames: ['hosted.example'],
      admin: { email: 'a@hosted.test' },
    });
    const res = await h.cairn.app.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: { host: 'hosted.example', authorization: `Bearer ${admin.adminKey}` },
    });
    expect(res.statusCode).toBe(404);
  });

  it('POST /api/v1/users creates a user with the named role', async () => {
    const res = await h.call(admin.adminKey, 'POST', '/api/v1/users', {
      subject: 'dev1',
      email: 'dev1@ident.test',
      assignedRoles: [{ name: 'Developer' }],
    });
    expect(res.body.assignedRoles?.[0]?.name).toBe('Developer');
  });

  it('GET /api/v1/users?filter=email eq "…" finds one user', async () => {
    const res = await h.call(
      admin.adminKey,
      'GET',
      `/api/v1/users?filter=${encodeURIComponent('email eq "dev1@ident.test"')}`,
    );
    expect(res.body.data?.[0]?.subject).toBe('dev1');
  });

  it('removing TenantAdmin from the last admin answers 400 USERS-2', async () => {
    const res = await h.call(admin.adminKey, 'PATCH', `/api/v1/users/${admin.adminId}`, [
      { op: 'replace', path: '/assignedRoles', value: [] },
    ]);
    expect(res.body.errors?.[0]?.code).toBe('USERS-2');
  });

  it('a disabled user’s API key stops working at once', async () => {
    const user = await h.user(admin.tenantId, 'soon-disabled', ['Developer']);
    await h.call(admin.adminKey, 'PATCH', `/api/v1/users/${user.userId}`, [
      { op: 'replace', path: '/status', value: 'disabled' },
    ]);
    expect((await h.call(user.key, 'GET', '/api/v1/users/me')).status).toBe(401);
  });

  it('POST /api/v1/api-keys returns a token that authenticates; DELETE revokes it', async () => {
    const created = await h.call(admin.adminKey, 'POST', '/api/v1/api-keys', {
      description: 'ci',
      expiry: 'P7D',
    });
    const token = String(created.body.token);
    expect((await h.call(token, 'GET', '/api/v1/users/me')).body.id).toBe(admin.adminId);
    await h.call(admin.adminKey, 'DELETE', `/api/v1/api-keys/${created.body.id}`);
    expect((await h.call(token, 'GET', '/api/v1/users/me')).status).toBe(401);
  });

  it('POST /api/v1/api-keys by a user without Developer answers 403', async () => {
    const plain = await h.user(admin.tenantId, 'plain');
    expect((await h.call(plain.key, 'POST', '/api/v1/api-keys', { description: 'x' })).status).toBe(
      403,
    );
  });

  it('GET /api/v1/audits?eventType= returns only that type', async () => {
    const res = await h.call(
      admin.adminKey,
      'GET',
      '/api/v1/audits?eventType=com.qlik.v1.user.created',
    );
    const types = new Set(
      (Object.values(res.body.data ?? {}) as Array<{ eventType?: unknown }>).map(
        (e) => e.eventType,
      ),
    );
    expect([...types]).toEqual(['com.qlik.v1.user.created']);
  });

  it('audit events cannot be changed in the store', async () => {
    const db = h.cairn.platform.store.db;
    await expect(db.updateTable('audits').set({ event_type: 'forged' }).execute()).rejects.toThrow(
      /append-only/,
    );
  });
});
