import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';

describe('GET /api/v1/openapi.json', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('sqlite');
  });
  afterAll(() => h.close());

  it('is an OpenAPI 3.1 document listing the REST routes', async () => {
    const doc = await h.call(null, 'GET', '/api/v1/openapi.json');
    expect(doc.body.openapi, doc.text.slice(0, 300)).toBe('3.1.0');
    expect(Object.keys(doc.body.paths ?? {})).toContain('/api/v1/spaces/{spaceId}');
  });

  it('marks every operation with its stability', async () => {
    const doc = await h.call(null, 'GET', '/api/v1/openapi.json');
    const unmarked: string[] = [];
    for (const [path, ops] of Object.entries(doc.body.paths ?? {})) {
      for (const [method, op] of Object.entries(ops ?? {})) {
        if (op?.['x-stability'] === undefined) unmarked.push(`${method} ${path}`);
      }
    }
    expect(unmarked).toEqual([]);
  });
});
