import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig, type RunningServer, startServer } from '@cairn/server';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

const REPO = resolve(import.meta.dirname, '..', '..', '..');
export const ADMIN = { email: 'admin@cairn.local', password: 'e2e-password-0123456789' };
const API_KEY = 'e2e-admin-api-key-0123456789abcdef0123456789';

/** Builds the hub bundle when it is missing or older than its sources (scripts/build-hub.mjs). */
export function ensureHubBuilt(): void {
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const result = spawnSync('node', [join(REPO, 'scripts', 'build-hub.mjs')], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`building the hub failed with status ${result.status}`);
}

export interface Cairn {
  readonly url: string;
  /** REST as the admin over an API key (how tests create content, as any client would). */
  api<T>(method: string, path: string, body?: unknown): Promise<T>;
  upload(name: string, content: string, connectionId?: string): Promise<{ id: string }>;
  close(): Promise<void>;
}

/** A fresh Cairn on an ephemeral loopback port with its own data folder and no demo apps. */
export async function startCairn(): Promise<Cairn> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cairn-hub-e2e-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    CAIRN_DATA_DIR: dataDir,
    CAIRN_DEMO: '0',
    CAIRN_ADMIN_EMAIL: ADMIN.email,
    CAIRN_ADMIN_PASSWORD: ADMIN.password,
    CAIRN_ADMIN_API_KEY: API_KEY,
    CAIRN_METRICS_PORT: '0',
    CAIRN_LOG_LEVEL: 'warn',
  });
  const server: RunningServer = await startServer(config);
  const url = server.url.replace('localhost', '127.0.0.1');
  const auth = { authorization: `Bearer ${API_KEY}` };
  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const init: RequestInit = { method, headers: { ...auth } };
    if (body !== undefined) {
      init.headers = { ...auth, 'content-type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    const res = await fetch(`${url}${path}`, init);
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    return (text === '' ? undefined : JSON.parse(text)) as T;
  };
  const upload = async (name: string, content: string, connectionId?: string) => {
    const form = new FormData();
    const json = connectionId === undefined ? { name } : { name, connectionId };
    form.append('Json', new Blob([JSON.stringify(json)], { type: 'application/json' }));
    form.append('File', new Blob([content], { type: 'text/csv' }), name);
    const res = await fetch(`${url}/api/v1/data-files`, {
      method: 'POST',
      headers: auth,
      body: form,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`upload of ${name} answered ${res.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as { id: string };
  };
  return {
    url,
    api,
    upload,
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits for a reload to end and returns its final state; fails the test on a timeout. */
export async function waitForReload(
  cairn: Cairn,
  reloadId: string,
): Promise<{ status: string; errorMessage?: string }> {
  for (let i = 0; i < 600; i++) {
    const r = await cairn.api<{ status: string; errorMessage?: string }>(
      'GET',
      `/api/v1/reloads/${reloadId}`,
    );
    if (!['QUEUED', 'RELOADING', 'CANCELING'].includes(r.status)) return r;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`reload ${reloadId} did not finish within 120 s`);
}

export interface Browser {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Page errors and console errors seen so far, for failure messages. */
  readonly errors: string[];
  close(): Promise<void>;
}

/** Debian's chromium (never a downloaded browser) with a fresh profile. */
export async function launchBrowser(): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'cairn-hub-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return {
    page,
    context,
    errors,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in through the hub's own sign-in page. */
export async function signIn(page: Page, url: string, returnTo = '/hub'): Promise<void> {
  await page.goto(`${url}/login?returnto=${encodeURIComponent(returnTo)}`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
