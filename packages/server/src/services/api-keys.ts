import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import type { UserPrincipal } from '../auth/principal.js';
import type { ApiKeysTable, Database } from '../db/schema.js';
import { ApiError, notFound } from '../http/errors.js';
import { newId, newSecret, nowIso, sha256 } from '../http/ids.js';

export const API_KEY_CONFIG = {
  max_api_key_expiry: 'P365D',
  max_keys_per_user: 5,
  scim_externalClient_expiry: 'PT24H',
} as const;

export function apiKeyJson(row: ApiKeysTable) {
  const expired = row.expiry !== null && row.expiry <= nowIso();
  return {
    id: row.id,
    tenantId: row.tenant_id,
    description: row.description,
    sub: row.user_id,
    subType: 'user',
    createdByUser: row.created_by,
    created: row.created_at,
    lastUpdated: row.updated_at,
    expiry: row.expiry,
    status: row.status === 'active' && expired ? 'expired' : row.status,
  };
}

/** ISO-8601 durations as Qlik accepts them for `expiry` (days, hours, minutes). */
export function parseDuration(text: string): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) {
    throw new ApiError('HTTP-400', `expiry ${JSON.stringify(text)} is not a duration like P30D`, {
      pointer: '/expiry',
    });
  }
  const [, d, h, min] = m;
  return ((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(min ?? 0)) * 60_000;
}

/** Mints a key for `userId`; returns the row and the token, which is shown once. */
export async function insertApiKey(
  db: Kysely<Database>,
  input: {
    tenantId: string;
    userId: string;
    createdBy: string;
    description: string;
    expiryMs: number | null;
    token?: string;
  },
): Promise<{ row: ApiKeysTable; token: string }> {
  const token = input.token ?? newSecret('cairn');
  const now = nowIso();
  const row: ApiKeysTable = {
    id: newId(),
    tenant_id: input.tenantId,
    user_id: input.userId,
    description: input.description,
    token_hash: sha256(token),
    expiry: input.expiryMs === null ? null : new Date(Date.now() + input.expiryMs).toISOString(),
    status: 'active',
    created_by: input.createdBy,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('api_keys').values(row).execute();
  return { row, token };
}

export async function createApiKey(
  db: Kysely<Database>,
  user: UserPrincipal,
  body: { description: string; expiry?: string | undefined; sub?: string | undefined },
) {
  const maxMs = parseDuration(API_KEY_CONFIG.max_api_key_expiry);
  const expiryMs = body.expiry === undefined ? maxMs : parseDuration(body.expiry);
  if (expiryMs > maxMs) {
    throw new ApiError('HTTP-400', `expiry ${body.expiry} exceeds the tenant maximum P365D`, {
      pointer: '/expiry',
    });
  }
  // Keys act as their user; minting one for someone else would be impersonation.
  if (body.sub !== undefined && body.sub !== user.userId) {
    throw new ApiError('HTTP-403', 'an API key can only be created for yourself', {
      pointer: '/sub',
    });
  }
  return db.transaction().execute(async (trx) => {
    const active = await trx
      .selectFrom('api_keys')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', user.tenantId)
      .where('user_id', '=', user.userId)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    if (Number(active.n) >= API_KEY_CONFIG.max_keys_per_user) {
      throw new ApiError('HTTP-409', `you already have ${API_KEY_CONFIG.max_keys_per_user} keys`);
    }
    const created = await insertApiKey(trx, {
      tenantId: user.tenantId,
      userId: user.userId,
      createdBy: user.userId,
      description: body.description,
      expiryMs,
    });
    await appendAudit(trx, {
      tenantId: user.tenantId,
      userId: user.userId,
      eventType: 'com.qlik.v1.api-key.created',
      data: { id: created.row.id, description: body.description },
    });
    return { ...apiKeyJson(created.row), token: created.token };
  });
}

export async function listApiKeys(db: Kysely<Database>, user: UserPrincipal) {
  let query = db.selectFrom('api_keys').selectAll().where('tenant_id', '=', user.tenantId);
  // Tenant admins see every key of the tenant (to revoke them); others only their own.
  if (!user.roles.has('TenantAdmin')) query = query.where('user_id', '=', user.userId);
  return (await query.orderBy('created_at').execute()).map(apiKeyJson);
}

export async function getApiKeyRow(db: Kysely<Database>, user: UserPrincipal, id: string) {
  const row = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('tenant_id', '=', user.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || (row.user_id !== user.userId && !user.roles.has('TenantAdmin'))) {
    throw notFound('api key', id);
  }
  return row;
}

export async function revokeApiKey(db: Kysely<Database>, user: UserPrincipal, id: string) {
  const row = await getApiKeyRow(db, user, id);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('api_keys')
      .set({ status: 'revoked', updated_at: nowIso() })
      .where('tenant_id', '=', user.tenantId)
      .where('id', '=', row.id)
      .execute();
    await appendAudit(trx, {
      tenantId: user.tenantId,
      userId: user.userId,
      eventType: 'com.qlik.v1.api-key.revoked',
      data: { id: row.id, description: row.description },
    });
  });
}
