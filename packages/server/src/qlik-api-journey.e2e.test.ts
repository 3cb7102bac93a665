import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apps, audits, auth, dataFiles, items, qix, reloads, spaces } from '@qlik/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config/config.js';
import { type RunningServer, startServer } from './server.js';

const API_KEY = 'journey-admin-key-0123456789abcdef0123456789';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** rest-api.md §4's reference script, with the real @qlik/api package against a real server. */
describe('the @qlik/api journey', () => {
  let server: RunningServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cairn-journey-'));
    const port = await freePort();
    server = await startServer(
      loadConfig({
        PORT: String(port),
        CAIRN_DATA_DIR: dataDir,
        CAIRN_ADMIN_API_KEY: API_KEY,
        CAIRN_LOG_LEVEL: 'silent',
        CAIRN_METRICS_PORT: '0',
        CAIRN_DEMO: '0',
      }),
    );
    auth.setDefaultHostConfig({
      host: `http://127.0.0.1:${port}`,
      authType: 'apikey',
      apiKey: API_KEY,
    });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates a space, uploads, creates an app, reloads, evaluates, lists, audits and deletes', async () => {
    const { data: space } = await spaces.createSpace({ name: 'Finance', type: 'shared' });
    const { data: conns } = await dataFiles.getDataFilesConnections({ spaceId: space.id });
    await dataFiles.uploadDataFile({
      File: new Blob(['region,amount\nN,10\nS,20\n']),
      Json: { name: 'sales.csv', connectionId: conns.data?.[0]?.id ?? '' },
    });
    const { data: app } = await apps.createApp({
      attributes: { name: 'Sales', spaceId: space.id },
    });
    const appId = app.attributes?.id ?? '';
    await apps.updateAppScript(appId, {
      script:
        "LOAD * FROM [lib://Finance:DataFiles/sales.csv] (txt, utf8, embedded labels, delimiter is ',');",
    });
    let { data: reload } = await reloads.queueReload({ appId });
    while (['QUEUED', 'RELOADING'].includes(reload.status)) {
      await new Promise((r) => setTimeout(r, 250));
      ({ data: reload } = await reloads.getReload(reload.id, { noCache: true }));
    }
    expect(reload.status).toBe('SUCCEEDED');

    const session = qix.openAppSession({ appId });
    const doc = await session.getDoc();
    expect(await doc.evaluate('Sum(amount)')).toBe('30');
    await session.close();

    const listed = await items.getItems({ resourceType: 'app', spaceId: space.id });
    expect(listed.data.data?.map((i) => i.resourceId)).toEqual([appId]);
    const events = await audits.getAudits({ eventType: 'com.qlik.v1.app.created', limit: 5 });
    expect(events.data.data?.[0]?.eventType).toBe('com.qlik.v1.app.created');
    await apps.deleteApp(appId);
    const after = await items.getItems(
      { resourceType: 'app', spaceId: space.id },
      { noCache: true },
    );
    expect(after.data.data).toEqual([]);
  });
});
