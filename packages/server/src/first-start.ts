import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { hash } from '@node-rs/argon2';
import type { Platform } from './services/platform.js';
import { ARGON2_OPTIONS } from './services/sessions.js';
import { createTenant } from './services/tenants.js';

export interface FirstStartResult {
  readonly created: boolean;
  readonly tenantId: string;
  /** The first admin, when this start created the tenant. */
  readonly adminUserId: string | null;
  /** Where the generated sign-in was written, when this start created it. */
  readonly credentialsFile: string | null;
}

/**
 * On the first start: the default tenant, its admin (password generated unless configured) and
 * an API key, written once to `<data>/initial-credentials.txt` (mode 0600). Secrets never go to
 * the log stream. Later starts find the tenant and do nothing.
 */
export async function ensureDefaultTenant(platform: Platform): Promise<FirstStartResult> {
  const { db } = platform.store;
  const existing = await db
    .selectFrom('tenants')
    .select('id')
    .orderBy('created_at')
    .executeTakeFirst();
  if (existing)
    return { created: false, tenantId: existing.id, adminUserId: null, credentialsFile: null };
  const { config } = platform;
  const password = config.adminPassword ?? randomBytes(18).toString('base64url');
  const created = await createTenant(db, platform.keys, {
    name: 'default',
    admin: { email: config.adminEmail, name: 'Administrator' },
    adminApiKey: config.adminApiKey ?? undefined,
    adminPasswordHash: await hash(password, ARGON2_OPTIONS),
  });
  const file = resolve(config.dataDir, 'initial-credentials.txt');
  const generated = [
    `# Cairn first-start credentials (written once; delete this file after reading)`,
    `hub: ${config.publicUrl}/`,
    `email: ${config.adminEmail}`,
    config.adminPassword === null
      ? `password: ${password}`
      : 'password: (as set in CAIRN_ADMIN_PASSWORD)',
    config.adminApiKey === null
      ? `api key: ${created.apiKey}`
      : 'api key: (as set in CAIRN_ADMIN_API_KEY)',
    '',
  ].join('\n');
  if (!existsSync(file)) writeFileSync(file, generated, { mode: 0o600 });
  return {
    created: true,
    tenantId: created.tenant.id,
    adminUserId: created.adminId,
    credentialsFile: file,
  };
}
