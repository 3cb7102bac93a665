import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import type { KeyRing } from '../crypto/key-ring.js';
import type { Database, TenantsTable } from '../db/schema.js';
import { ApiError, notFound } from '../http/errors.js';
import { newId, nowIso } from '../http/ids.js';
import { insertApiKey } from './api-keys.js';
import { insertUser } from './users.js';

export function tenantJson(row: TenantsTable, publicUrl: string) {
  return {
    id: row.id,
    name: row.name,
    hostnames: JSON.parse(row.hostnames) as string[],
    status: row.status,
    region: row.region,
    datacenter: row.region,
    created: row.created_at,
    lastUpdated: row.updated_at,
    links: { self: { href: `${publicUrl}/api/v1/tenants/${row.id}` } },
  };
}

export interface NewTenant {
  name: string;
  hostnames?: string[] | undefined;
  region?: string | undefined;
  admin: { email: string; name?: string | undefined };
  /** Set at first start from CAIRN_ADMIN_API_KEY; otherwise generated. */
  adminApiKey?: string | undefined;
  adminPasswordHash?: string | null;
}

/**
 * Creates a tenant with its own key (wrapped by the root key), its first TenantAdmin and an API
 * key for that admin, which the caller shows once.
 */
export async function createTenant(db: Kysely<Database>, keys: KeyRing, input: NewTenant) {
  const hostnames = (input.hostnames ?? []).map((h) => h.toLowerCase());
  return db.transaction().execute(async (trx) => {
    if (hostnames.length > 0) {
      for (const tenant of await trx.selectFrom('tenants').select('hostnames').execute()) {
        const taken = (JSON.parse(tenant.hostnames) as string[]).find((h) => hostnames.includes(h));
        if (taken) throw new ApiError('HTTP-409', `hostname ${taken} belongs to another tenant`);
      }
    }
    const id = newId();
    const now = nowIso();
    const row: TenantsTable = {
      id,
      name: input.name,
      hostnames: JSON.stringify(hostnames),
      status: 'active',
      region: input.region ?? 'local',
      wrapped_key: keys.createTenantKey(id),
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('tenants').values(row).execute();
    const admin = await insertUser(trx, {
      tenantId: id,
      subject: input.admin.email,
      name: input.admin.name ?? input.admin.email,
      email: input.admin.email,
      roles: ['TenantAdmin', 'Developer'],
      passwordHash: input.adminPasswordHash ?? null,
    });
    const key = await insertApiKey(trx, {
      tenantId: id,
      userId: admin.id,
      createdBy: admin.id,
      description: 'initial admin key',
      expiryMs: null,
      ...(input.adminApiKey ? { token: input.adminApiKey } : {}),
    });
    await appendAudit(trx, {
      tenantId: id,
      userId: admin.id,
      eventType: 'com.qlik.v1.tenant.created',
      data: { id, name: input.name, hostnames },
    });
    return { tenant: row, adminId: admin.id, apiKey: key.token };
  });
}

export async function getTenantRow(db: Kysely<Database>, id: string) {
  const row = await db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('tenant', id);
  return row;
}

/** PATCH `/name` and `/hostnames` (JSON-Patch-like, rest-api.md §2.1). */
export async function patchTenant(
  db: Kysely<Database>,
  tenantId: string,
  actorId: string,
  ops: Array<{ op: string; path: string; value?: unknown }>,
) {
  await db.transaction().execute(async (trx) => {
    const row = await getTenantRow(trx, tenantId);
    let name = row.name;
    let hostnames = JSON.parse(row.hostnames) as string[];
    for (const [i, op] of ops.entries()) {
      if (op.op === 'replace' && op.path === '/name' && typeof op.value === 'string') {
        name = op.value;
      } else if (op.op === 'replace' && op.path === '/hostnames' && isStringArray(op.value)) {
        hostnames = op.value.map((h) => h.toLowerCase());
      } else {
        throw new ApiError('HTTP-400', `cannot ${op.op} ${op.path}`, { pointer: `/${i}` });
      }
    }
    await trx
      .updateTable('tenants')
      .set({ name, hostnames: JSON.stringify(hostnames), updated_at: nowIso() })
      .where('id', '=', tenantId)
      .execute();
    await appendAudit(trx, {
      tenantId,
      userId: actorId,
      eventType: 'com.qlik.v1.tenant.updated',
      data: { id: tenantId, name, hostnames },
    });
  });
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.length > 0);
}
