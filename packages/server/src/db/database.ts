import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrations.js';
import type { Database } from './schema.js';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface MetadataStore {
  readonly db: Kysely<Database>;
  readonly kind: DatabaseKind;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** `postgres://...`, or null for SQLite at `<dataDir>/cairn.sqlite`. */
  readonly databaseUrl: string | null;
  readonly databaseSchema: string | null;
  readonly dataDir: string;
}

/** Opens the metadata store and brings its schema up to date. */
export async function openMetadataStore(options: StoreOptions): Promise<MetadataStore> {
  if (options.databaseUrl === null) {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    const file = new SqliteDatabase(resolve(options.dataDir, 'cairn.sqlite'));
    file.pragma('journal_mode = WAL');
    file.pragma('foreign_keys = ON');
    file.pragma('busy_timeout = 5000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) });
    await migrateToLatest(db as Kysely<unknown>, 'sqlite');
    return { db, kind: 'sqlite', close: () => db.destroy() };
  }
  const schema = options.databaseSchema;
  if (schema !== null) await ensureSchema(options.databaseUrl, schema);
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: 10,
    ...(schema === null ? {} : { options: `-c search_path=${schema}` }),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrateToLatest(db as Kysely<unknown>, 'postgres');
  return { db, kind: 'postgres', close: () => db.destroy() };
}

async function ensureSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The schema name was validated as a plain identifier by the config schema.
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } finally {
    await client.end();
  }
}
