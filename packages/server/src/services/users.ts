import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import type { TenantRole, UserPrincipal } from '../auth/principal.js';
import type { Database, UsersTable } from '../db/schema.js';
import { ApiError, notFound } from '../http/errors.js';
import { newId, nowIso } from '../http/ids.js';
import { ROLE_DEFINITIONS, resolveRoleRefs } from './roles.js';

export function userJson(row: UsersTable, publicUrl: string) {
  const names: string[] = JSON.parse(row.roles);
  return {
    id: row.id,
    tenantId: row.tenant_id,
    subject: row.subject,
    name: row.name,
    email: row.email,
    status: row.status,
    assignedRoles: ROLE_DEFINITIONS.filter((r) => names.includes(r.name)).map((r) => ({
      id: r.id,
      name: r.name,
      type: 'default',
      level: r.level,
    })),
    assignedGroups: [],
    assignedScopes: [],
    createdAt: row.created_at,
    lastUpdatedAt: row.updated_at,
    links: { self: { href: `${publicUrl}/api/v1/users/${row.id}` } },
  };
}

export async function insertUser(
  db: Kysely<Database>,
  input: {
    tenantId: string;
    subject: string;
    name: string;
    email: string;
    roles: readonly TenantRole[];
    status?: string;
    passwordHash?: string | null;
  },
): Promise<UsersTable> {
  const now = nowIso();
  const row: UsersTable = {
    id: newId(),
    tenant_id: input.tenantId,
    subject: input.subject,
    name: input.name,
    email: input.email.toLowerCase(),
    status: input.status ?? 'active',
    roles: JSON.stringify(input.roles),
    password_hash: input.passwordHash ?? null,
    created_at: now,
    updated_at: now,
  };
  const clash = await db
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', input.tenantId)
    .where((eb) => eb.or([eb('subject', '=', row.subject), eb('email', '=', row.email)]))
    .executeTakeFirst();
  if (clash) throw new ApiError('USERS-1', `a user with subject or email ${row.email} exists`);
  await db.insertInto('users').values(row).execute();
  return row;
}

export async function getUserRow(db: Kysely<Database>, tenantId: string, id: string) {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '!=', 'deleted')
    .executeTakeFirst();
  if (!row) throw notFound('user', id);
  return row;
}

export async function listUsers(db: Kysely<Database>, tenantId: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('status', '!=', 'deleted')
    .execute();
}

export interface CreateUserBody {
  subject?: string | undefined;
  name?: string | undefined;
  email?: string | undefined;
  status?: string | undefined;
  assignedRoles?: Array<{ id?: string | undefined; name?: string | undefined }> | undefined;
}

export async function createUser(db: Kysely<Database>, admin: UserPrincipal, body: CreateUserBody) {
  const email = body.email ?? '';
  const subject = body.subject ?? email;
  if (subject === '') {
    throw new ApiError('HTTP-400', 'a user needs a subject or an email', { pointer: '/subject' });
  }
  const roles = rolesOrThrow(body.assignedRoles ?? []);
  return db.transaction().execute(async (trx) => {
    const row = await insertUser(trx, {
      tenantId: admin.tenantId,
      subject,
      name: body.name ?? email,
      email,
      roles,
      status: body.status === 'invited' ? 'invited' : 'active',
    });
    await appendAudit(trx, {
      tenantId: admin.tenantId,
      userId: admin.userId,
      eventType: 'com.qlik.v1.user.created',
      data: { id: row.id, subject, email: row.email, roles },
    });
    return row;
  });
}

function rolesOrThrow(refs: ReadonlyArray<{ id?: string; name?: string }>): TenantRole[] {
  try {
    return resolveRoleRefs(refs);
  } catch (error) {
    throw new ApiError('HTTP-400', (error as Error).message, { pointer: '/assignedRoles' });
  }
}

export type UserPatch = Array<{ op: string; path: string; value?: unknown }>;

/** JSON-Patch-like updates on `/name`, `/status`, `/assignedRoles` (rest-api.md §2.2). */
export async function patchUser(
  db: Kysely<Database>,
  admin: UserPrincipal,
  id: string,
  ops: UserPatch,
) {
  await db.transaction().execute(async (trx) => {
    const row = await getUserRow(trx, admin.tenantId, id);
    const next = { name: row.name, status: row.status, roles: JSON.parse(row.roles) as string[] };
    for (const [i, op] of ops.entries()) {
      if (op.op !== 'replace' && op.op !== 'set') {
        throw new ApiError('HTTP-400', `op ${JSON.stringify(op.op)} is not supported`, {
          pointer: `/${i}/op`,
        });
      }
      if (op.path === '/name' && typeof op.value === 'string') next.name = op.value;
      else if (op.path === '/status' && (op.value === 'active' || op.value === 'disabled')) {
        next.status = op.value;
      } else if (op.path === '/assignedRoles' && Array.isArray(op.value)) {
        next.roles = rolesOrThrow(op.value as Array<{ id?: string; name?: string }>);
      } else {
        throw new ApiError('HTTP-400', `cannot set ${op.path} to ${JSON.stringify(op.value)}`, {
          pointer: `/${i}`,
        });
      }
    }
    const stillAdmin = next.roles.includes('TenantAdmin') && next.status === 'active';
    if (!stillAdmin) await assertNotLastAdmin(trx, admin.tenantId, row.id);
    await trx
      .updateTable('users')
      .set({
        name: next.name,
        status: next.status,
        roles: JSON.stringify(next.roles),
        updated_at: nowIso(),
      })
      .where('tenant_id', '=', admin.tenantId)
      .where('id', '=', row.id)
      .execute();
    await appendAudit(trx, {
      tenantId: admin.tenantId,
      userId: admin.userId,
      eventType: 'com.qlik.v1.user.updated',
      data: { id: row.id, name: next.name, status: next.status, roles: next.roles },
    });
  });
}

export async function deleteUser(db: Kysely<Database>, admin: UserPrincipal, id: string) {
  await db.transaction().execute(async (trx) => {
    const row = await getUserRow(trx, admin.tenantId, id);
    await assertNotLastAdmin(trx, admin.tenantId, row.id);
    // Marked deleted rather than removed: its id stays the owner of record of its content.
    await trx
      .updateTable('users')
      .set({ status: 'deleted', password_hash: null, updated_at: nowIso() })
      .where('tenant_id', '=', admin.tenantId)
      .where('id', '=', row.id)
      .execute();
    await trx
      .updateTable('api_keys')
      .set({ status: 'revoked', updated_at: nowIso() })
      .where('tenant_id', '=', admin.tenantId)
      .where('user_id', '=', row.id)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', row.id).execute();
    await appendAudit(trx, {
      tenantId: admin.tenantId,
      userId: admin.userId,
      eventType: 'com.qlik.v1.user.deleted',
      data: { id: row.id, subject: row.subject },
    });
  });
}

async function assertNotLastAdmin(db: Kysely<Database>, tenantId: string, userId: string) {
  const admins = await db
    .selectFrom('users')
    .select(['id', 'roles'])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'active')
    .execute();
  const others = admins.filter(
    (u) => u.id !== userId && JSON.parse(u.roles).includes('TenantAdmin'),
  );
  const isAdmin = admins.some(
    (u) => u.id === userId && JSON.parse(u.roles).includes('TenantAdmin'),
  );
  if (isAdmin && others.length === 0) {
    throw new ApiError('USERS-2', 'this is the last active TenantAdmin of the tenant');
  }
}
