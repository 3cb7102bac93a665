/**
 * The documented settings, one row per environment variable. docs/configuration.md is rendered
 * from this table, and a test checks it names exactly the variables the config schema reads.
 */
export const CONFIG_DOC: ReadonlyArray<{ names: string[]; defaults: string; meaning: string }> = [
  { names: ['PORT', 'HOST'], defaults: '`8080`, `127.0.0.1`', meaning: 'where to listen' },
  {
    names: ['CAIRN_PUBLIC_URL'],
    defaults: '`http://HOST:PORT`',
    meaning: 'base of the absolute URLs in `links` and of the printed hub URL',
  },
  {
    names: ['CAIRN_DATA_DIR'],
    defaults: '`./data`',
    meaning: 'metadata (SQLite), encrypted objects, key file, first-start credentials',
  },
  {
    names: ['CAIRN_DATABASE_URL'],
    defaults: 'unset = SQLite',
    meaning: '`postgres://...` for PostgreSQL (same schema and migrations)',
  },
  {
    names: ['CAIRN_DATABASE_SCHEMA'],
    defaults: 'unset = server default',
    meaning: 'PostgreSQL schema to use (created if missing); tests use a fresh one per run',
  },
  {
    names: ['CAIRN_MASTER_KEY_FILE'],
    defaults: '`<data>/master.key`',
    meaning:
      'root key (32 bytes, base64, mode 0600). Beside the data only as a development default: in production keep it elsewhere (another volume or secret store), or the backup of the data folder holds its own key',
  },
  {
    names: ['CAIRN_ADMIN_EMAIL', 'CAIRN_ADMIN_PASSWORD'],
    defaults: '`admin@cairn.local`, generated',
    meaning: 'the default tenant’s first admin (first start only; password at least 12 characters)',
  },
  {
    names: ['CAIRN_ADMIN_API_KEY'],
    defaults: 'unset',
    meaning: 'if set at first start, that admin’s API key (for automation; at least 32 characters)',
  },
  {
    names: ['CAIRN_OPERATOR_KEY'],
    defaults: 'unset (tenant creation off)',
    meaning:
      'the platform operator’s bearer token, for tenant management only (at least 32 characters)',
  },
  { names: ['CAIRN_DEMO'], defaults: '`1`', meaning: '`0` skips demo content' },
  {
    names: ['CAIRN_LOG_LEVEL'],
    defaults: '`info`',
    meaning: 'pino level: fatal, error, warn, info, debug, trace, silent',
  },
  {
    names: ['CAIRN_RELOAD_CONCURRENCY', 'CAIRN_RELOAD_TIMEOUT_S', 'CAIRN_RELOAD_MEMORY_MB'],
    defaults: '2, 3600, 4096',
    meaning:
      'reloads running at once; per-reload time and heap limits (a reload stopped by them ends `EXCEEDED_LIMIT`)',
  },
  {
    names: ['CAIRN_RELOAD_QUEUE_LIMIT'],
    defaults: '50',
    meaning: 'reloads one tenant may have waiting; more get 429 `RELOADS-001`',
  },
  {
    names: ['CAIRN_UPLOAD_MAX_MB', 'CAIRN_TENANT_QUOTA_MB'],
    defaults: '500, 10240',
    meaning: 'largest data file; total data files per tenant',
  },
  {
    names: ['CAIRN_ENGINE_MEMORY_MB'],
    defaults: 'half the machine’s memory',
    meaning: 'budget for apps held in memory; idle apps unloaded beyond it',
  },
  {
    names: ['CAIRN_METRICS_PORT'],
    defaults: '`9464` (on `HOST`)',
    meaning: 'Prometheus `/metrics`, kept off the public port; `0` turns it off',
  },
];

export function renderConfigurationDoc(): string {
  const rows = CONFIG_DOC.map(
    (r) => `| ${r.names.map((n) => `\`${n}\``).join(', ')} | ${r.defaults} | ${r.meaning} |`,
  );
  return [
    '# Configuration',
    '',
    '<!-- Generated from packages/server/src/config/config-doc.ts; a test keeps them equal. -->',
    '',
    'Every setting is an environment variable, read and validated once at start-up. An invalid value',
    'stops the server with a message naming the variable, quoting the value (secrets are not quoted)',
    'and saying what it accepts.',
    '',
    '| variable | default | meaning |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
