import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';

describe('security headers', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness('sqlite');
  });
  afterAll(async () => harness.close());

  it('every response carries a Content-Security-Policy that allows no inline scripts', async () => {
    const response = await harness.cairn.app.inject({ method: 'GET', url: '/api/v1/health' });
    const csp = String(response.headers['content-security-policy']);
    const scripts = csp.split(';').find((d) => d.trim().startsWith('script-src'));
    expect(scripts?.trim()).toBe("script-src 'self'");
  });

  it('the API reference page is served without credentials', async () => {
    const response = await harness.cairn.app.inject({ method: 'GET', url: '/api-docs' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('swagger-ui');
  });
});
