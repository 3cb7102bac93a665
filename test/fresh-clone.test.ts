import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import enigma from 'enigma.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

/**
 * The main job as a new user meets it: clone, `npm ci`, `npm start`, wait for the demo apps, and
 * check real data through the REST and Engine APIs. Slow by nature (a full install and a
 * three-million-row reload), so it lives in the e2e project.
 */
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const schema = require('enigma.js/schemas/12.2027.0.json') as object;
const apiKey = 'fresh-clone-test-key-0123456789abcdef';

let workDir = '';
let server: ChildProcess | undefined;
let base = '';

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function rest<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${apiKey}`, ...init.headers },
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Starts the server in the clone, by `npm start` as the README says, or by the command `npm start`
 * runs, whose exit code is then the server's own. Each start gets its own process group, so a
 * stop reaches the server even where npm does not pass signals on to its script.
 */
function start(clone: string, dataDir: string, port: number, how: 'npm' | 'direct'): ChildProcess {
  const [command, args] =
    how === 'npm'
      ? ['npm', ['start']]
      : [process.execPath, ['packages/cli/bin/cairn.mjs', 'serve']];
  const child = spawn(command as string, args as string[], {
    detached: true,
    cwd: clone,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      CAIRN_DATA_DIR: dataDir,
      CAIRN_ADMIN_API_KEY: apiKey,
      CAIRN_METRICS_PORT: '0',
      CAIRN_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(chunk));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return child;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms: number) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch((error: unknown) => {
      if (error instanceof DemoFailed) throw error;
      return undefined;
    });
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(1000);
  }
}

interface Item {
  name: string;
  resourceId: string;
}

/** The demo apps once each has a finished reload; a failed demo reload fails the test at once. */
async function demoApps(): Promise<Item[] | undefined> {
  const items = await rest<{ data: Item[] }>('/api/v1/items?resourceType=app&limit=100');
  if (items.data.length < 3) return undefined;
  for (const item of items.data) {
    const reloads = await rest<{ data: { status: string; errorMessage?: string }[] }>(
      `/api/v1/reloads?appId=${item.resourceId}`,
    );
    const status = reloads.data[0]?.status;
    if (status === 'FAILED' || status === 'EXCEEDED_LIMIT') {
      throw new DemoFailed(`${item.name}: ${status} ${reloads.data[0]?.errorMessage ?? ''}`);
    }
    if (status !== 'SUCCEEDED') return undefined;
  }
  return items.data;
}

class DemoFailed extends Error {}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done(child.exitCode);
    child.once('exit', (code) => done(code));
    try {
      process.kill(-(child.pid as number), 'SIGTERM');
    } catch {
      // The group is already gone; 'exit' has fired or is about to.
    }
  });
}

/** Waits until nothing answers on the port any more: the whole server is gone. */
async function portClosed(port: number): Promise<boolean> {
  return waitFor(
    'the port to close',
    async () =>
      fetch(`http://127.0.0.1:${port}/api/v1/health`).then(
        () => undefined,
        () => true,
      ),
    60_000,
  );
}

describe('a fresh clone', () => {
  let dataDir = '';
  let clone = '';
  let port = 0;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'cairn-clone-'));
    clone = join(workDir, 'cairn');
    dataDir = join(workDir, 'data');
    execFileSync('git', ['clone', '--quiet', repo, clone]);
    execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], {
      cwd: clone,
      stdio: 'inherit',
    });
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = start(clone, dataDir, port, 'npm');
    await waitFor('the server', () => rest('/api/v1/health'), 300_000);
  });

  afterAll(async () => {
    if (server && server.exitCode === null) await stop(server).catch(() => undefined);
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('npm start builds the demo apps and the flights app holds 3,000,000 flights', async () => {
    const apps = await waitFor('the demo apps', demoApps, 900_000);
    const flights = apps.find((a) => a.name === 'US flights');
    const session = enigma.create({
      schema,
      url: `ws://127.0.0.1:${port}/app/${flights?.resourceId}`,
      createSocket: (url: string) =>
        new WebSocket(url, {
          headers: { authorization: `Bearer ${apiKey}` },
        }) as unknown as globalThis.WebSocket,
    });
    try {
      const global = (await session.open()) as EnigmaJS.QixObject & {
        openDoc(id: string): Promise<Doc>;
      };
      const doc = await global.openDoc(flights?.resourceId as string);
      expect(await doc.evaluate('Sum(FlightCount)')).toBe('3000000');
      const before = Number(await doc.evaluate('Count(DISTINCT [Destination Airport])'));
      const field = await doc.getField('Origin State');
      await field.selectValues([{ qText: 'CA' }], false, false);
      const after = Number(await doc.evaluate('Count(DISTINCT [Destination Airport])'));
      expect(after).toBeGreaterThan(0);
      expect(after).toBeLessThan(before);
    } finally {
      await session.close();
    }
  });

  it('a second start reuses the data folder: the same key works and no second demo', async () => {
    await stop(server as ChildProcess);
    expect(await portClosed(port)).toBe(true);
    server = start(clone, dataDir, port, 'direct');
    await waitFor('the restarted server', () => rest('/api/v1/health'), 120_000);
    const spaces = await rest<{ data: { name: string }[] }>('/api/v1/spaces?limit=100');
    expect(spaces.data.filter((s) => s.name === 'Demo')).toHaveLength(1);
  });

  it('SIGTERM stops the server cleanly with exit code 0', async () => {
    expect(await stop(server as ChildProcess)).toBe(0);
  });
});

interface Doc extends EnigmaJS.QixObject {
  evaluate(expression: string): Promise<string>;
  getField(name: string): Promise<{
    selectValues(values: { qText: string }[], toggle: boolean, softLock: boolean): Promise<boolean>;
  }>;
}
