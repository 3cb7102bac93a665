import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeRunner } from '../testing/fake-runner.js';
import { type Harness, multipart, startHarness, storeKinds } from '../testing/harness.js';

const MARKER = 'MARKER-7f3a9c-cairn-plaintext-must-not-leak';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe.each(storeKinds())('encryption at rest on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind, { runner: fakeRunner });
    const { adminKey } = await h.tenant('secretive');
    const space = await h.call(adminKey, 'POST', '/api/v1/spaces', {
      name: 'Vault',
      type: 'shared',
    });
    const upload = multipart(
      { name: 'marker.csv', connectionId: space.body.id },
      `secret\n${MARKER}\n`,
    );
    await h.cairn.app.inject({
      method: 'POST',
      url: '/api/v1/data-files',
      headers: { ...upload.headers, authorization: `Bearer ${adminKey}` },
      payload: upload.payload,
    });
    const app = await h.call(adminKey, 'POST', '/api/v1/apps', {
      attributes: { name: 'Vault app', spaceId: space.body.id },
    });
    const appId = String(app.body.attributes?.id);
    await h.call(adminKey, 'POST', `/api/v1/apps/${appId}/scripts`, {
      script: 'LOAD lib://Vault:DataFiles/marker.csv',
    });
    const reload = await h.call(adminKey, 'POST', '/api/v1/reloads', { appId });
    // The fake runner's model is the file's bytes, so the marker is inside the stored model too.
    expect((await h.cairn.queue.waitFor(String(reload.body.id))).status).toBe('SUCCEEDED');
    await h.cairn.platform.store.close().catch(() => undefined);
  });
  afterAll(() => h.close().catch(() => undefined));

  it('a marker uploaded and reloaded appears in no file under the data folder', () => {
    const hits = filesUnder(h.dataDir).filter((f) => readFileSync(f).includes(MARKER));
    expect(hits).toEqual([]);
  });

  it.runIf(kind === 'postgres')(
    'a marker uploaded and reloaded appears nowhere in the database',
    async () => {
      const client = new pg.Client({ connectionString: process.env.CAIRN_TEST_DATABASE_URL });
      await client.connect();
      const schemas = await client.query<{ nspname: string }>(
        "select nspname from pg_namespace where nspname like 't\\_%'",
      );
      let found = 0;
      for (const { nspname } of schemas.rows) {
        const tables = await client.query<{ tablename: string }>(
          'select tablename from pg_tables where schemaname = $1',
          [nspname],
        );
        for (const { tablename } of tables.rows) {
          const r = await client.query(
            `select count(*)::int as n from "${nspname}"."${tablename}" t where t::text like $1`,
            [`%${MARKER}%`],
          );
          found += Number(r.rows[0]?.n ?? 0);
        }
      }
      await client.end();
      expect(found).toBe(0);
    },
  );
});
