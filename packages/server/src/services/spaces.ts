import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import {
  authorize,
  requireTenantRole,
  type SpacedResource,
  type SpaceRef,
  spaceActions,
} from '../auth/access.js';
import type { UserPrincipal } from '../auth/principal.js';
import { isSpaceType, rolesFor, type SpaceAction } from '../auth/space-roles.js';
import type { Database, SpacesTable } from '../db/schema.js';
import { ApiError, notFound } from '../http/errors.js';
import { newId, nowIso } from '../http/ids.js';

type Db = Kysely<Database>;

export function spaceRef(row: SpacesTable): SpaceRef {
  return { id: row.id, tenantId: row.tenant_id, type: row.type, ownerId: row.owner_id };
}

/** The caller's roles in each space, in one query. */
export async function callerSpaceRoles(
  db: Db,
  user: UserPrincipal,
): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('space_assignments')
    .select(['space_id', 'roles'])
    .where('tenant_id', '=', user.tenantId)
    .where('assignee_id', '=', user.userId)
    .execute();
  return new Map(rows.map((r) => [r.space_id, JSON.parse(r.roles) as string[]]));
}

/** A space with the caller's roles in it, or null when the id is not in the caller's tenant. */
export async function loadSpace(db: Db, user: UserPrincipal, spaceId: string) {
  const row = await db
    .selectFrom('spaces')
    .selectAll()
    .where('tenant_id', '=', user.tenantId)
    .where('id', '=', spaceId)
    .executeTakeFirst();
  if (!row) return null;
  const assignment = await db
    .selectFrom('space_assignments')
    .select('roles')
    .where('tenant_id', '=', user.tenantId)
    .where('space_id', '=', spaceId)
    .where('assignee_id', '=', user.userId)
    .executeTakeFirst();
  return { row, roles: assignment ? (JSON.parse(assignment.roles) as string[]) : [] };
}

export function spaceResource(row: SpacesTable, roles: readonly string[]): SpacedResource {
  return {
    kind: 'space',
    id: row.id,
    tenantId: row.tenant_id,
    ownerId: row.owner_id,
    space: spaceRef(row),
    callerSpaceRoles: roles,
  };
}

/** Loads a space and checks `action` on it (404 when not visible, 403 when not allowed). */
export async function requireSpace(db: Db, user: UserPrincipal, id: string, action: SpaceAction) {
  const found = await loadSpace(db, user, id);
  if (!found) throw notFound('space', id);
  authorize(user, spaceResource(found.row, found.roles), action);
  return found;
}

export function spaceJson(
  row: SpacesTable,
  user: UserPrincipal,
  roles: readonly string[],
  publicUrl: string,
) {
  const actions = spaceActions(user, spaceRef(row), roles);
  const verbs = ['read'];
  if (actions.has('space:update')) verbs.push('update', 'delete', 'change_owner');
  if (actions.has('app:create')) verbs.push('create');
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    description: row.description,
    type: row.type,
    ownerId: row.owner_id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    links: {
      self: { href: `${publicUrl}/api/v1/spaces/${row.id}` },
      assignments: { href: `${publicUrl}/api/v1/spaces/${row.id}/assignments` },
    },
    meta: {
      actions: verbs,
      roles: row.owner_id === user.userId ? [...roles, 'owner'] : [...roles],
      assignableRoles: isSpaceType(row.type) ? rolesFor(row.type) : [],
    },
  };
}

export async function listVisibleSpaces(db: Db, user: UserPrincipal) {
  const roles = await callerSpaceRoles(db, user);
  const rows = await db
    .selectFrom('spaces')
    .selectAll()
    .where('tenant_id', '=', user.tenantId)
    .execute();
  return rows
    .map((row) => ({ row, roles: roles.get(row.id) ?? [] }))
    .filter(({ row, roles: r }) => spaceActions(user, spaceRef(row), r).has('space:read'));
}

export async function createSpace(
  db: Db,
  user: UserPrincipal,
  body: { name: string; type: string; description?: string | undefined },
) {
  requireTenantRole(user, 'TenantAdmin', 'Developer');
  if (!isSpaceType(body.type)) {
    throw new ApiError(
      'HTTP-400',
      `type ${JSON.stringify(body.type)} is not shared, managed or data`,
      {
        pointer: '/type',
      },
    );
  }
  return db.transaction().execute(async (trx) => {
    const clash = await trx
      .selectFrom('spaces')
      .select('id')
      .where('tenant_id', '=', user.tenantId)
      .where('name', '=', body.name)
      .executeTakeFirst();
    if (clash) throw new ApiError('SPACES-1', `a space named ${JSON.stringify(body.name)} exists`);
    const now = nowIso();
    const row: SpacesTable = {
      id: newId(),
      tenant_id: user.tenantId,
      name: body.name,
      description: body.description ?? '',
      type: body.type,
      owner_id: user.userId,
      created_by: user.userId,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('spaces').values(row).execute();
    await appendAudit(trx, {
      tenantId: user.tenantId,
      userId: user.userId,
      eventType: 'com.qlik.space.created',
      data: { id: row.id, name: row.name, type: row.type },
      extensions: { spaceId: row.id },
    });
    return row;
  });
}

export async function updateSpace(
  db: Db,
  user: UserPrincipal,
  id: string,
  change: {
    name?: string | undefined;
    description?: string | undefined;
    ownerId?: string | undefined;
  },
) {
  const { row } = await requireSpace(db, user, id, 'space:update');
  await db.transaction().execute(async (trx) => {
    if (change.name !== undefined && change.name !== row.name) {
      const clash = await trx
        .selectFrom('spaces')
        .select('id')
        .where('tenant_id', '=', user.tenantId)
        .where('name', '=', change.name)
        .executeTakeFirst();
      if (clash)
        throw new ApiError('SPACES-1', `a space named ${JSON.stringify(change.name)} exists`);
    }
    if (change.ownerId !== undefined) {
      const owner = await trx
        .selectFrom('users')
        .select('id')
        .where('tenant_id', '=', user.tenantId)
        .where('id', '=', change.ownerId)
        .where('status', '=', 'active')
        .executeTakeFirst();
      if (!owner)
        throw new ApiError('HTTP-400', `user ${change.ownerId} does not exist`, {
          pointer: '/ownerId',
        });
    }
    await trx
      .updateTable('spaces')
      .set({
        name: change.name ?? row.name,
        description: change.description ?? row.description,
        owner_id: change.ownerId ?? row.owner_id,
        updated_at: nowIso(),
      })
      .where('tenant_id', '=', user.tenantId)
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      tenantId: user.tenantId,
      userId: user.userId,
      eventType: 'com.qlik.space.updated',
      data: { id, ...change },
      extensions: { spaceId: id },
    });
  });
}

export async function deleteSpace(db: Db, user: UserPrincipal, id: string) {
  await requireSpace(db, user, id, 'space:update');
  await db.transaction().execute(async (trx) => {
    const app = await trx
      .selectFrom('apps')
      .select('id')
      .where('tenant_id', '=', user.tenantId)
      .where('space_id', '=', id)
      .executeTakeFirst();
    const file = await trx
      .selectFrom('data_files')
      .select('id')
      .where('tenant_id', '=', user.tenantId)
      .where('space_id', '=', id)
      .executeTakeFirst();
    if (app || file)
      throw new ApiError('SPACES-4', 'delete the apps and data files in the space first');
    await trx
      .deleteFrom('space_assignments')
      .where('tenant_id', '=', user.tenantId)
      .where('space_id', '=', id)
      .execute();
    await trx
      .deleteFrom('spaces')
      .where('tenant_id', '=', user.tenantId)
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      tenantId: user.tenantId,
      userId: user.userId,
      eventType: 'com.qlik.space.deleted',
      data: { id },
      extensions: { spaceId: id },
    });
  });
}
