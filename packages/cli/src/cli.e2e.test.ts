import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type RunningServer, startServer } from '@cairn/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './testing/run-cli.js';

/**
 * Every verb of `cairn` against a real server, as a script would drive it: piped output is JSON
 * and the exit code tells success (0), refusal (1), usage (2) and an unreachable server (3).
 */
const adminKey = 'cli-e2e-admin-key-0123456789abcdef0123';
const operatorKey = 'cli-e2e-operator-key-0123456789abcdef';
let server: RunningServer;
let dataDir = '';
let env: NodeJS.ProcessEnv = {};

async function cli(args: string[], input?: string) {
  const run = await runCli(args, env, input);
  return {
    ...run,
    json:
      run.stdout.trim().startsWith('{') || run.stdout.trim().startsWith('[')
        ? JSON.parse(run.stdout)
        : null,
  };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'cairn-cli-e2e-'));
  server = await startServer(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      CAIRN_DATA_DIR: dataDir,
      CAIRN_ADMIN_API_KEY: adminKey,
      CAIRN_OPERATOR_KEY: operatorKey,
      CAIRN_DEMO: '0',
      CAIRN_METRICS_PORT: '0',
      CAIRN_LOG_LEVEL: 'silent',
    }),
  );
  env = { XDG_CONFIG_HOME: join(dataDir, 'config') };
  const created = await cli([
    'context',
    'create',
    'e2e',
    '--server',
    server.url,
    '--api-key',
    adminKey,
  ]);
  expect(created.code).toBe(0);
});

afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('cairn against a running server', () => {
  const ids: Record<string, string> = {};

  it('space create, ls and assign work with the saved context', async () => {
    const space = await cli(['space', 'create', 'Finance']);
    ids.space = space.json.id;
    const listed = await cli(['space', 'ls']);
    expect(listed.json.map((s: { name: string }) => s.name)).toContain('Finance');
    const user = await cli(['user', 'create', '--email', 'ann@example.com', '--name', 'Ann']);
    ids.user = user.json.id;
    const assigned = await cli([
      'space',
      'assign',
      ids.space as string,
      '--user',
      ids.user as string,
      '--roles',
      'consumer',
    ]);
    expect(assigned.json.roles).toEqual(['consumer']);
  });

  it('user ls and user roles list the tenant users and roles', async () => {
    const users = await cli(['user', 'ls']);
    expect(users.json.map((u: { email: string }) => u.email)).toContain('ann@example.com');
    const roles = await cli(['user', 'roles']);
    expect(roles.json.map((r: { name: string }) => r.name)).toContain('TenantAdmin');
  });

  it('data-file upload, ls and rm manage files in a space', async () => {
    const file = join(dataDir, 'sales.csv');
    writeFileSync(file, 'Region,Sales\nNorth,10\nSouth,20\nNorth,5\n');
    const uploaded = await cli(['data-file', 'upload', file, '--space', ids.space as string]);
    expect(uploaded.json.name).toBe('sales.csv');
    const listed = await cli(['data-file', 'ls', '--space', ids.space as string]);
    expect(listed.json.map((f: { name: string }) => f.name)).toEqual(['sales.csv']);
    const extra = await cli([
      'data-file',
      'upload',
      file,
      '--space',
      ids.space as string,
      '--name',
      'x.csv',
    ]);
    expect((await cli(['data-file', 'rm', extra.json.id])).code).toBe(0);
  });

  it('app create, script set and get, reload and eval give the loaded sum', async () => {
    const app = await cli(['app', 'create', 'Sales', '--space', ids.space as string]);
    ids.app = app.json.attributes.id;
    const script =
      "Sales: LOAD * FROM [lib://Finance:DataFiles/sales.csv] (txt, utf8, embedded labels, delimiter is ',');\n";
    expect((await cli(['app', 'script', 'set', ids.app as string, '-'], script)).code).toBe(0);
    expect((await cli(['app', 'script', 'get', ids.app as string])).stdout).toContain('sales.csv');
    const reload = await cli(['app', 'reload', ids.app as string]);
    expect(reload.json.status).toBe('SUCCEEDED');
    ids.reload = reload.json.id;
    const value = await cli(['eval', ids.app as string, 'Sum(Sales)', '--json']);
    expect(value.json).toEqual({ text: '35', num: 35 });
  });

  it('reload ls and log show the finished reload', async () => {
    const reloads = await cli(['reload', 'ls', '--app', ids.app as string]);
    expect(reloads.json[0].id).toBe(ids.reload);
    const log = await cli(['reload', 'log', ids.reload as string]);
    expect(log.stdout).toContain('Sales');
  });

  it('reload cancel of a finished reload exits 1 with the server error', async () => {
    const cancel = await cli(['reload', 'cancel', ids.reload as string]);
    expect(cancel.code).toBe(1);
  });

  it('app ls lists the app and app rm deletes it', async () => {
    const apps = await cli(['app', 'ls']);
    expect(apps.json.map((a: { name: string }) => a.name)).toContain('Sales');
    expect((await cli(['app', 'rm', ids.app as string])).code).toBe(0);
    const gone = await cli(['app', 'script', 'get', ids.app as string]);
    expect(gone.code).toBe(1);
  });

  it('api-key create prints the token once; revoke makes it stop working', async () => {
    const key = await cli(['api-key', 'create', '--description', 'ci']);
    expect(typeof key.json.token).toBe('string');
    const listed = await cli(['api-key', 'ls']);
    expect(listed.json.map((k: { id: string }) => k.id)).toContain(key.json.id);
    await cli(['api-key', 'revoke', key.json.id]);
    const refused = await runCli(['space', 'ls'], { ...env, CAIRN_API_KEY: key.json.token });
    expect(refused.code).toBe(1);
  });

  it('audit ls lists the events of what happened', async () => {
    const events = await cli(['audit', 'ls', '--limit', '100']);
    expect(events.json.map((e: { eventType: string }) => e.eventType)).toContain(
      'com.qlik.v1.app.created',
    );
  });

  it('tenant create and ls need the operator key', async () => {
    const without = await cli(['tenant', 'ls']);
    expect(without.code).toBe(2);
    const created = await runCli(['tenant', 'create', 'Acme', '--admin-email', 'boss@acme.test'], {
      ...env,
      CAIRN_OPERATOR_KEY: operatorKey,
    });
    const newAdminKey = JSON.parse(created.stdout).admin.apiKey as string;
    // The key shown once works at once, in the new tenant.
    const asNewAdmin = await runCli(['space', 'ls'], { ...env, CAIRN_API_KEY: newAdminKey });
    expect(asNewAdmin.code).toBe(0);
    const listed = await runCli(['tenant', 'ls'], { ...env, CAIRN_OPERATOR_KEY: operatorKey });
    expect(JSON.parse(listed.stdout).map((t: { name: string }) => t.name)).toContain('Acme');
  });

  it('a wrong API key exits 1 and says the key was refused', async () => {
    const run = await runCli(['space', 'ls'], { ...env, CAIRN_API_KEY: 'wrong' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('API key was refused');
  });

  it('eval in a missing app exits 1 with the engine error', async () => {
    const run = await cli(['eval', 'no-such-app', '1']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('engine error');
  });

  it('context use, ls and rm manage saved contexts', async () => {
    await cli(['context', 'create', 'other', '--server', 'http://127.0.0.1:9', '--api-key', 'k']);
    await cli(['context', 'use', 'e2e']);
    const listed = await cli(['context', 'ls']);
    expect(listed.json.find((c: { current: boolean }) => c.current).name).toBe('e2e');
    await cli(['context', 'rm', 'other']);
    expect((await cli(['context', 'ls'])).json).toHaveLength(1);
  });
});
