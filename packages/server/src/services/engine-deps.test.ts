import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineApiDeps, EngineDepsError } from '../engine-api/index.js';
import { fakeRunner } from '../testing/fake-runner.js';
import { type Harness, startHarness } from '../testing/harness.js';
import { createEngineDeps } from './engine-deps.js';
import { startSession } from './sessions.js';

describe('createEngineDeps', () => {
  let h: Harness;
  let deps: EngineApiDeps;
  let appId: string;
  let tenantId: string;
  let consumer: { userId: string; key: string };
  beforeAll(async () => {
    h = await startHarness('sqlite', { runner: fakeRunner });
    deps = createEngineDeps(h.cairn.platform, h.cairn.queue, fakeRunner);
    const t = await h.tenant('eng');
    tenantId = t.tenantId;
    consumer = await h.user(t.tenantId, 'viewer');
    const space = await h.call(t.adminKey, 'POST', '/api/v1/spaces', { name: 'S', type: 'shared' });
    await h.call(t.adminKey, 'POST', `/api/v1/spaces/${space.body.id}/assignments`, {
      type: 'user',
      assigneeId: consumer.userId,
      roles: ['consumer'],
    });
    const app = await h.call(t.adminKey, 'POST', '/api/v1/apps', {
      attributes: { name: 'A', spaceId: space.body.id },
    });
    appId = String(app.body.attributes?.id);
  });
  afterAll(() => h.close());

  const upgrade = (headers: Record<string, string>, url = '/app/x') => ({
    headers,
    url,
    remoteAddress: '127.0.0.1',
  });

  it('authenticate accepts a bearer API key', async () => {
    const principal = await deps.authenticate(upgrade({ authorization: `Bearer ${consumer.key}` }));
    expect(principal?.userId).toBe(consumer.userId);
  });

  it('authenticate refuses a session cookie without the CSRF token', async () => {
    const session = await startSession(h.cairn.platform.store.db, tenantId, consumer.userId);
    expect(
      await deps.authenticate(upgrade({ cookie: `cairn.session=${session.sessionId}` })),
    ).toBeNull();
  });

  it('authenticate accepts a session cookie with qlik-csrf-token in the query', async () => {
    const session = await startSession(h.cairn.platform.store.db, tenantId, consumer.userId);
    const principal = await deps.authenticate(
      upgrade(
        { cookie: `cairn.session=${session.sessionId}` },
        `/app/x?qlik-csrf-token=${session.csrfToken}`,
      ),
    );
    expect(principal?.via).toBe('session-cookie');
  });

  it('openApp gives a space consumer read rights without script or object editing', async () => {
    const doc = await deps.openApp({ tenantId, userId: consumer.userId, via: 'api-key' }, appId);
    expect(doc.rights).toEqual({
      read: true,
      select: true,
      editObjects: false,
      editScript: false,
      reload: false,
    });
  });

  it('openApp for a user of another tenant fails not-found', async () => {
    const other = await h.tenant('other');
    const error = await deps
      .openApp({ tenantId: other.tenantId, userId: other.adminId, via: 'api-key' }, appId)
      .catch((e: unknown) => e);
    expect((error as EngineDepsError).kind).toBe('not-found');
  });

  it('saveObjects by a consumer fails forbidden and saves nothing', async () => {
    const principal = { tenantId, userId: consumer.userId, via: 'api-key' } as const;
    const error = await deps
      .saveObjects(principal, appId, {
        upsert: [{ id: 's1', type: 'sheet', parentId: null, properties: {} }],
        remove: [],
      })
      .catch((e: unknown) => e);
    expect((error as EngineDepsError).kind).toBe('forbidden');
    expect((await deps.openApp(principal, appId)).objects).toEqual([]);
  });
});
