import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import type { Database } from '../db/schema.js';
import { ApiError } from '../http/errors.js';
import { newSecret, nowIso, sha256 } from '../http/ids.js';

/** @node-rs/argon2 hashes with argon2id by default; costs are OWASP's minimum (19 MiB, t=2). */
export const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
/** Sessions end after 12 hours whatever the activity (absolute timeout). */
const SESSION_MS = 12 * 60 * 60 * 1000;
const INVITE_MS = 7 * 24 * 60 * 60 * 1000;
/** Verifying against this keeps unknown e-mails as slow as wrong passwords. */
const DUMMY_HASH = await hash('cairn-dummy-password', ARGON2_OPTIONS);

export interface SignIn {
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly tenantId: string;
  readonly userId: string;
}

/**
 * Checks e-mail and password. The tenant is the one whose hostname the request came in on, or
 * else the only tenant with that e-mail; an e-mail in several tenants needs the hostname.
 */
export async function signIn(
  db: Kysely<Database>,
  input: { email: string; password: string; host: string },
): Promise<SignIn> {
  const email = input.email.toLowerCase();
  const tenants = await db
    .selectFrom('tenants')
    .select(['id', 'hostnames'])
    .where('status', '=', 'active')
    .execute();
  const hostTenant = tenants.find((t) =>
    (JSON.parse(t.hostnames) as string[]).includes(input.host),
  );
  let query = db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email)
    .where('status', '=', 'active');
  if (hostTenant) query = query.where('tenant_id', '=', hostTenant.id);
  const candidates = (await query.execute()).filter((u) =>
    tenants.some((t) => t.id === u.tenant_id),
  );
  const user = candidates.length === 1 ? candidates[0] : undefined;
  const ok = await verify(user?.password_hash ?? DUMMY_HASH, input.password);
  if (!user?.password_hash || !ok) {
    for (const c of candidates) {
      await appendAudit(db, {
        tenantId: c.tenant_id,
        userId: c.id,
        eventType: 'com.qlik.v1.user-session.login.failed',
        data: { email },
      });
    }
    throw new ApiError('AUTH-1', 'the e-mail or password is wrong');
  }
  return startSession(db, user.tenant_id, user.id);
}

export async function startSession(
  db: Kysely<Database>,
  tenantId: string,
  userId: string,
): Promise<SignIn> {
  const sessionId = newSecret('sess');
  const csrfToken = newSecret('csrf');
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sessions')
      .values({
        id_hash: sha256(sessionId),
        tenant_id: tenantId,
        user_id: userId,
        csrf_token: csrfToken,
        created_at: nowIso(),
        expires_at: new Date(Date.now() + SESSION_MS).toISOString(),
      })
      .execute();
    await appendAudit(trx, {
      tenantId,
      userId,
      eventType: 'com.qlik.v1.user-session.begin',
      data: { userId },
    });
  });
  return { sessionId, csrfToken, tenantId, userId };
}

export async function endSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  const idHash = sha256(sessionId);
  const row = await db
    .selectFrom('sessions')
    .select(['tenant_id', 'user_id'])
    .where('id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    await appendAudit(trx, {
      tenantId: row.tenant_id,
      userId: row.user_id,
      eventType: 'com.qlik.v1.user-session.end',
      data: { userId: row.user_id },
    });
  });
}

/** An invite link token for a user; single use, expires in 7 days. */
export async function createInvite(
  db: Kysely<Database>,
  tenantId: string,
  userId: string,
): Promise<string> {
  const token = newSecret('inv');
  await db
    .insertInto('invites')
    .values({
      token_hash: sha256(token),
      tenant_id: tenantId,
      user_id: userId,
      expires_at: new Date(Date.now() + INVITE_MS).toISOString(),
      used: 0,
    })
    .execute();
  return token;
}

/** Sets the password from an invite, activates the user and signs them in. */
export async function acceptInvite(
  db: Kysely<Database>,
  token: string,
  password: string,
): Promise<SignIn> {
  if (password.length < 12)
    throw new ApiError('HTTP-400', 'the password must have at least 12 characters', {
      pointer: '/password',
    });
  const passwordHash = await hash(password, ARGON2_OPTIONS);
  const invite = await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('invites')
      .selectAll()
      .where('token_hash', '=', sha256(token))
      .executeTakeFirst();
    if (!row || row.used === 1 || row.expires_at <= nowIso())
      throw new ApiError('HTTP-404', 'this invite link is unknown, used or expired');
    const claimed = await trx
      .updateTable('invites')
      .set({ used: 1 })
      .where('token_hash', '=', row.token_hash)
      .where('used', '=', 0)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1)
      throw new ApiError('HTTP-404', 'this invite link is unknown, used or expired');
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, status: 'active', updated_at: nowIso() })
      .where('tenant_id', '=', row.tenant_id)
      .where('id', '=', row.user_id)
      .where('status', 'in', ['invited', 'active'])
      .execute();
    return row;
  });
  return startSession(db, invite.tenant_id, invite.user_id);
}
