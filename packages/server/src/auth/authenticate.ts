import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { nowIso, safeEqual, sha256 } from '../http/ids.js';
import { type Principal, parseRoles } from './principal.js';

export const SESSION_COOKIE = 'cairn.session';

export interface Credentials {
  /** The `Authorization` header value, if any. */
  readonly authorization: string | undefined;
  /** The session cookie value, if any. */
  readonly sessionCookie: string | undefined;
}

/**
 * Turns a credential into a principal, or null. Bearer tokens are the operator key or an API
 * key (looked up by hash); a session cookie is looked up by hash too. The user's current status
 * and roles are read on every request, so disabling a user stops their keys at once.
 */
export async function authenticate(
  db: Kysely<Database>,
  operatorKey: string | null,
  credentials: Credentials,
): Promise<Principal | null> {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(credentials.authorization ?? '')?.[1];
  if (bearer !== undefined) {
    if (operatorKey !== null && safeEqual(bearer, operatorKey)) return { kind: 'operator' };
    return apiKeyPrincipal(db, bearer);
  }
  if (credentials.sessionCookie) return sessionPrincipal(db, credentials.sessionCookie);
  return null;
}

async function apiKeyPrincipal(db: Kysely<Database>, token: string): Promise<Principal | null> {
  const row = await db
    .selectFrom('api_keys')
    .innerJoin('users', 'users.id', 'api_keys.user_id')
    .select([
      'api_keys.tenant_id as tenantId',
      'api_keys.expiry as expiry',
      'api_keys.status as keyStatus',
      'users.id as userId',
      'users.status as userStatus',
      'users.roles as roles',
      'users.tenant_id as userTenantId',
    ])
    .where('api_keys.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (row?.keyStatus !== 'active' || row.userStatus !== 'active') return null;
  if (row.userTenantId !== row.tenantId) return null;
  if (row.expiry !== null && row.expiry <= nowIso()) return null;
  if (!(await tenantActive(db, row.tenantId))) return null;
  return {
    kind: 'user',
    tenantId: row.tenantId,
    userId: row.userId,
    roles: parseRoles(row.roles),
    via: 'api-key',
  };
}

async function sessionPrincipal(db: Kysely<Database>, cookie: string): Promise<Principal | null> {
  const idHash = sha256(cookie);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.tenant_id as tenantId',
      'sessions.expires_at as expiresAt',
      'sessions.csrf_token as csrfToken',
      'users.id as userId',
      'users.status as userStatus',
      'users.roles as roles',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  if (row?.userStatus !== 'active' || row.expiresAt <= nowIso()) return null;
  if (!(await tenantActive(db, row.tenantId))) return null;
  return {
    kind: 'user',
    tenantId: row.tenantId,
    userId: row.userId,
    roles: parseRoles(row.roles),
    via: 'session',
    sessionIdHash: idHash,
    csrfToken: row.csrfToken,
  };
}

async function tenantActive(db: Kysely<Database>, tenantId: string): Promise<boolean> {
  const tenant = await db
    .selectFrom('tenants')
    .select('status')
    .where('id', '=', tenantId)
    .executeTakeFirst();
  return tenant?.status === 'active';
}
