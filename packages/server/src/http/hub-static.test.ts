import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';

describe('serving the hub', () => {
  let h: Harness;
  beforeAll(async () => {
    const hubDir = mkdtempSync(join(tmpdir(), 'cairn-hub-'));
    mkdirSync(join(hubDir, 'assets'));
    writeFileSync(join(hubDir, 'index.html'), '<!doctype html><title>hub</title>');
    writeFileSync(join(hubDir, 'assets', 'app.js'), 'console.log(1)');
    h = await startHarness('sqlite', { hubDir });
  });
  afterAll(() => h.close());

  it('GET /assets/app.js serves the built file', async () => {
    const res = await h.cairn.app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(res.body).toBe('console.log(1)');
  });

  it('GET of a client-side route (/sense/app/x, /login) serves index.html', async () => {
    for (const url of ['/sense/app/x', '/login', '/hub/spaces']) {
      const res = await h.cairn.app.inject({ method: 'GET', url });
      expect(res.body).toContain('<title>hub</title>');
    }
  });

  it('an unknown /api/ path still answers the JSON 404 envelope', async () => {
    const { adminKey } = await h.tenant('hubco');
    const res = await h.call(adminKey, 'GET', '/api/v1/nothing');
    expect(res.body.errors?.[0]?.code).toBe('HTTP-404');
  });
});
