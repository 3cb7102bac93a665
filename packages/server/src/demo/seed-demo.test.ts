import { checkScriptSyntax } from '@cairn/script';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeRunner } from '../testing/fake-runner.js';
import { type Harness, startHarness } from '../testing/harness.js';
import { DEMO_APPS, seedDemo } from './seed-demo.js';

describe('demo apps', () => {
  it.each(DEMO_APPS.map((app) => [app.name, app.script]))(
    'the %s load script has no syntax errors',
    (_name, script) => {
      expect(checkScriptSyntax(script)).toEqual([]);
    },
  );
});

describe('seedDemo', () => {
  let harness: Harness;
  let adminKey = '';

  beforeAll(async () => {
    harness = await startHarness('sqlite', { runner: fakeRunner });
    const tenant = await harness.tenant('demo');
    adminKey = tenant.adminKey;
    await seedDemo(harness.cairn.platform, harness.cairn.queue, {
      kind: 'user',
      tenantId: tenant.tenantId,
      userId: tenant.adminId,
      roles: new Set(['TenantAdmin', 'Developer']),
      via: 'api-key',
    });
  });

  afterAll(async () => harness.close());

  it('seedDemo uploads the public data files into the Demo space', async () => {
    const spaces = await harness.call(adminKey, 'GET', '/api/v1/spaces');
    const demo = (spaces.body.data as unknown as { id: string; name: string }[]).find(
      (s) => s.name === 'Demo',
    );
    const files = await harness.call(
      adminKey,
      'GET',
      `/api/v1/data-files?connectionId=${demo?.id}`,
    );
    const names = (files.body.data as unknown as { name: string }[]).map((f) => f.name).sort();
    expect(names).toEqual(['airports.csv', 'diamonds.csv', 'flights-3m.parquet', 'northwind.json']);
  });

  it('seedDemo creates the three apps, each with its script and a queued reload', async () => {
    const items = await harness.call(adminKey, 'GET', '/api/v1/items?resourceType=app');
    const apps = items.body.data as unknown as { name: string; resourceId: string }[];
    expect(apps.map((a) => a.name).sort()).toEqual(['Diamonds', 'Northwind', 'US flights']);
    const diamonds = apps.find((a) => a.name === 'Diamonds');
    const script = await harness.call(
      adminKey,
      'GET',
      `/api/v1/apps/${diamonds?.resourceId}/scripts/current`,
    );
    expect(script.body.script).toContain('diamonds.csv');
  });
});
