import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `main.ts` as a real process and resolves once it logs that the hub is ready. */
function start(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { PATH: process.env.PATH ?? '', CAIRN_DEMO: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Cairn hub ready')) resolve({ child, output: () => out });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

const exitCode = (child: ChildProcess) =>
  new Promise<number | null>((r) => child.on('exit', (code) => r(code)));

describe('first start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cairn-first-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates the key and credentials files 0600, logs no secret, serves health, exits 0 on SIGTERM', async () => {
    const [port, metricsPort] = [await freePort(), await freePort()];
    const { child, output } = await start({
      PORT: String(port),
      CAIRN_METRICS_PORT: String(metricsPort),
      CAIRN_DATA_DIR: dataDir,
    });
    const credentials = readFileSync(join(dataDir, 'initial-credentials.txt'), 'utf8');
    const password = /password: (\S+)/.exec(credentials)?.[1] ?? 'missing';
    expect([
      statSync(join(dataDir, 'master.key')).mode & 0o777,
      statSync(join(dataDir, 'initial-credentials.txt')).mode & 0o777,
    ]).toEqual([0o600, 0o600]);
    expect(output().includes(password)).toBe(false);
    expect(output()).toContain('initial-credentials.txt');
    const ready = await fetch(`http://127.0.0.1:${port}/api/v1/health/ready`);
    expect((await ready.json()).status).toBe('ok');
    const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(await metrics.text()).toContain('cairn_http_requests_total');
    const exited = exitCode(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('a second start leaves the credentials file as it was', async () => {
    const before = readFileSync(join(dataDir, 'initial-credentials.txt'), 'utf8');
    const { child } = await start({
      PORT: String(await freePort()),
      CAIRN_METRICS_PORT: '0',
      CAIRN_DATA_DIR: dataDir,
    });
    const exited = exitCode(child);
    child.kill('SIGTERM');
    await exited;
    expect(readFileSync(join(dataDir, 'initial-credentials.txt'), 'utf8')).toBe(before);
  });

  it('an invalid setting stops start-up with a message naming it', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: { PATH: process.env.PATH ?? '', PORT: 'abc' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr?.on('data', (c: Buffer) => {
      err += c.toString();
    });
    expect(await exitCode(child)).toBe(1);
    expect(err).toContain('PORT="abc" is invalid');
  });
});
