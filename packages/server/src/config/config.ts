import { totalmem } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

/** Every setting of a Cairn server; read from the environment once, at start-up. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Base of absolute URLs in `links` (no trailing slash). */
  readonly publicUrl: string;
  readonly dataDir: string;
  /** `postgres://...`, or null for SQLite at `<dataDir>/cairn.sqlite`. */
  readonly databaseUrl: string | null;
  /** PostgreSQL schema to use (tests use a fresh one per run); null = the server default. */
  readonly databaseSchema: string | null;
  readonly masterKeyFile: string;
  readonly adminEmail: string;
  /** null = generate one at first start. */
  readonly adminPassword: string | null;
  readonly adminApiKey: string | null;
  /** null = tenant management is off. */
  readonly operatorKey: string | null;
  readonly demo: boolean;
  readonly logLevel: string;
  readonly reloadConcurrency: number;
  readonly reloadTimeoutSeconds: number;
  readonly reloadMemoryMb: number;
  /** Reloads one tenant may have waiting before new requests get 429. */
  readonly reloadQueueLimitPerTenant: number;
  readonly uploadMaxMb: number;
  readonly tenantQuotaMb: number;
  readonly engineMemoryMb: number;
  /** 0 = no metrics listener. */
  readonly metricsPort: number;
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function intSetting(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, `a whole number between ${min} and ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

const portSetting = intSetting(0, 65535);

/** One row per variable: the schema says what it accepts, so the error message can quote it. */
const envSchema = z.object({
  PORT: portSetting.default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  CAIRN_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  CAIRN_DATA_DIR: z.string().min(1).default('./data'),
  CAIRN_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL')
    .optional(),
  CAIRN_DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case SQL identifier')
    .optional(),
  CAIRN_MASTER_KEY_FILE: z.string().min(1).optional(),
  CAIRN_ADMIN_EMAIL: z.email().default('admin@cairn.local'),
  CAIRN_ADMIN_PASSWORD: z.string().min(12, 'at least 12 characters').optional(),
  CAIRN_ADMIN_API_KEY: z.string().min(32, 'at least 32 characters').optional(),
  CAIRN_OPERATOR_KEY: z.string().min(32, 'at least 32 characters').optional(),
  CAIRN_DEMO: z.enum(['0', '1']).default('1'),
  CAIRN_LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  CAIRN_RELOAD_CONCURRENCY: intSetting(1, 256).default(2),
  CAIRN_RELOAD_TIMEOUT_S: intSetting(1, 7 * 24 * 3600).default(3600),
  CAIRN_RELOAD_MEMORY_MB: intSetting(64, 1024 * 1024).default(4096),
  CAIRN_RELOAD_QUEUE_LIMIT: intSetting(1, 100000).default(50),
  CAIRN_UPLOAD_MAX_MB: intSetting(1, 1024 * 1024).default(500),
  CAIRN_TENANT_QUOTA_MB: intSetting(1, 1024 * 1024 * 1024).default(10240),
  CAIRN_ENGINE_MEMORY_MB: intSetting(64, 1024 * 1024 * 1024).optional(),
  CAIRN_METRICS_PORT: portSetting.default(9464),
});

/**
 * Reads and validates the environment. An invalid value stops start-up with a message naming the
 * variable, quoting its value (unless it is a secret) and saying what it accepts.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const parsed = envSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const secret = /PASSWORD|KEY$/.test(name) && name !== 'CAIRN_MASTER_KEY_FILE';
      const shown = secret ? '(hidden)' : JSON.stringify(input[name]);
      return `${name}=${shown} is invalid: expected ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.CAIRN_DATA_DIR);
  const publicHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? '127.0.0.1' : e.HOST;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.CAIRN_PUBLIC_URL ?? `http://${publicHost}:${e.PORT}`).replace(/\/+$/, ''),
    dataDir,
    databaseUrl: e.CAIRN_DATABASE_URL ?? null,
    databaseSchema: e.CAIRN_DATABASE_SCHEMA ?? null,
    masterKeyFile: resolve(e.CAIRN_MASTER_KEY_FILE ?? resolve(dataDir, 'master.key')),
    adminEmail: e.CAIRN_ADMIN_EMAIL,
    adminPassword: e.CAIRN_ADMIN_PASSWORD ?? null,
    adminApiKey: e.CAIRN_ADMIN_API_KEY ?? null,
    operatorKey: e.CAIRN_OPERATOR_KEY ?? null,
    demo: e.CAIRN_DEMO === '1',
    logLevel: e.CAIRN_LOG_LEVEL,
    reloadConcurrency: e.CAIRN_RELOAD_CONCURRENCY,
    reloadTimeoutSeconds: e.CAIRN_RELOAD_TIMEOUT_S,
    reloadMemoryMb: e.CAIRN_RELOAD_MEMORY_MB,
    reloadQueueLimitPerTenant: e.CAIRN_RELOAD_QUEUE_LIMIT,
    uploadMaxMb: e.CAIRN_UPLOAD_MAX_MB,
    tenantQuotaMb: e.CAIRN_TENANT_QUOTA_MB,
    engineMemoryMb:
      e.CAIRN_ENGINE_MEMORY_MB ?? Math.max(64, Math.floor(totalmem() / 1024 / 1024 / 2)),
    metricsPort: e.CAIRN_METRICS_PORT,
  };
}
