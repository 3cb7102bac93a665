import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import pg from 'pg';
import type { TenantRole } from '../auth/principal.js';
import { loadConfig } from '../config/config.js';
import { type CairnInstance, type CreateAppOptions, createApp } from '../platform-factory.js';
import { insertApiKey } from '../services/api-keys.js';
import { createTenant } from '../services/tenants.js';
import { insertUser } from '../services/users.js';

export type StoreKind = 'sqlite' | 'postgres';

/** A parsed JSON response as tests walk it: every step may be absent. */
export interface JsonBody {
  readonly [key: string]: JsonBody | undefined;
}

export const OPERATOR_KEY = 'operator-key-for-tests-only-0123456789abcdef';

/**
 * The metadata stores the suite runs on: SQLite always, PostgreSQL when CAIRN_TEST_DATABASE_URL
 * is set (a fresh schema per harness). Under CI=true a missing PostgreSQL is an error.
 */
export function storeKinds(): StoreKind[] {
  if (process.env.CAIRN_TEST_DATABASE_URL) return ['sqlite', 'postgres'];
  if (process.env.CI === 'true')
    throw new Error('CAIRN_TEST_DATABASE_URL must be set under CI=true');
  console.warn('PostgreSQL tests skipped: set CAIRN_TEST_DATABASE_URL to run them');
  return ['sqlite'];
}

export interface Harness {
  readonly cairn: CairnInstance;
  readonly dataDir: string;
  readonly kind: StoreKind;
  /** Creates a tenant whose admin key is returned. */
  tenant(name: string): Promise<{ tenantId: string; adminId: string; adminKey: string }>;
  /** Adds a user with the given tenant roles and returns their id and API key. */
  user(
    tenantId: string,
    name: string,
    roles?: TenantRole[],
  ): Promise<{ userId: string; key: string }>;
  call(
    key: string | null,
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
  ): Promise<{ status: number; body: JsonBody; text: string }>;
  close(): Promise<void>;
}

export async function startHarness(
  kind: StoreKind,
  options: CreateAppOptions = {},
  env: Record<string, string> = {},
): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cairn-test-'));
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const databaseUrl = kind === 'postgres' ? (process.env.CAIRN_TEST_DATABASE_URL ?? '') : '';
  const config = loadConfig({
    CAIRN_DATA_DIR: dataDir,
    CAIRN_DATABASE_URL: databaseUrl,
    CAIRN_DATABASE_SCHEMA: kind === 'postgres' ? schema : '',
    CAIRN_OPERATOR_KEY: OPERATOR_KEY,
    CAIRN_LOG_LEVEL: 'silent',
    CAIRN_METRICS_PORT: '0',
    PORT: '0',
    ...env,
  });
  const cairn = await createApp(config, options);
  const db = cairn.platform.store.db;
  let counter = 0;
  return {
    cairn,
    dataDir,
    kind,
    async tenant(name) {
      const created = await createTenant(db, cairn.platform.keys, {
        name,
        admin: { email: `admin@${name}.test` },
      });
      return { tenantId: created.tenant.id, adminId: created.adminId, adminKey: created.apiKey };
    },
    async user(tenantId, name, roles = []) {
      counter += 1;
      const row = await insertUser(db, {
        tenantId,
        subject: `${name}-${counter}`,
        name,
        email: `${name}-${counter}@users.test`,
        roles,
      });
      const key = await insertApiKey(db, {
        tenantId,
        userId: row.id,
        createdBy: row.id,
        description: 'test',
        expiryMs: null,
      });
      return { userId: row.id, key: key.token };
    },
    async call(key, method, url, body) {
      const response = await cairn.app.inject({
        method,
        url,
        headers: key === null ? {} : { authorization: `Bearer ${key}` },
        ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
      });
      let parsed: JsonBody = {};
      try {
        parsed = response.json();
      } catch {
        parsed = {};
      }
      return { status: response.statusCode, body: parsed, text: response.body };
    },
    async close() {
      await cairn.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (kind === 'postgres') {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
    },
  };
}

/** A multipart body as @qlik/api sends it: a File part and a Json part. */
export function multipart(json: unknown, file: Buffer | string, filename = 'blob') {
  const boundary = `----cairn${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="File"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.isBuffer(file) ? file : Buffer.from(file),
    Buffer.from(
      `\r\n--${boundary}\r\nContent-Disposition: form-data; name="Json"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(json)}\r\n--${boundary}--\r\n`,
    ),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
