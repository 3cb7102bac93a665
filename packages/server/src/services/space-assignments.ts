import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import type { UserPrincipal } from '../auth/principal.js';
import { isSpaceType, rolesFor } from '../auth/space-roles.js';
import type { Database, SpaceAssignmentsTable } from '../db/schema.js';
import { ApiError, notFound } from '../http/errors.js';
import { newId, nowIso } from '../http/ids.js';
import { requireSpace } from './spaces.js';

type Db = Kysely<Database>;

/** Space assignments: which users hold which space roles (role ids of rest-api.md §2.6). */
export function assignmentJson(row: SpaceAssignmentsTable, publicUrl: string) {
  return {
    id: row.id,
    type: row.type,
    assigneeId: row.assignee_id,
    roles: JSON.parse(row.roles) as string[],
    spaceId: row.space_id,
    tenantId: row.tenant_id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    links: {
      self: { href: `${publicUrl}/api/v1/spaces/${row.space_id}/assignments/${row.id}` },
      space: { href: `${publicUrl}/api/v1/spaces/${row.space_id}` },
    },
  };
}

function checkRoles(type: string, roles: readonly string[]): void {
  const allowed = isSpaceType(type) ? rolesFor(type) : [];
  const bad = roles.find((r) => !allowed.includes(r));
  if (bad !== undefined || roles.length === 0) {
    throw new ApiError(
      'SPACES-2',
      `role ${JSON.stringify(bad ?? '')} is not one of ${allowed.join(', ')} for a ${type} space`,
      { pointer: '/roles' },
    );
  }
}

export async function listAssignments(db: Db, user: UserPrincipal, spaceId: string) {
  await requireSpace(db, user, spaceId, 'space:read');
  return db
    .selectFrom('space_assignments')
    .selectAll()
    .where('tenant_id', '=', user.tenantId)
    .where('space_id', '=', spaceId)
    .orderBy('created_at')
    .execute();
}

export async function getAssignment(db: Db, user: UserPrincipal, spaceId: string, id: string) {
  await requireSpace(db, user, spaceId, 'space:read');
  const row = await db
    .selectFrom('space_assignments')
    .selectAll()
    .where('tenant_id', '=', user.tenantId)
    .where('space_id', '=', spaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('assignment', id);
  return row;
}

export async function createAssignment(
  db: Db,
  user: UserPrincipal,
  spaceId: string,
  body: { type: string; assigneeId: string; roles: string[] },
) {
  const { row: space } = await requireSpace(db, user, spaceId, 'space:members');
  checkRoles(space.type, body.roles);
  if (body.type !== 'user') {
    throw new ApiError(
      'HTTP-400',
      `assignment type ${JSON.stringify(body.type)} is not supported yet; use "user"`,
      { pointer: '/type' },
    );
  }
  return db.transaction().execute(async (trx) => {
    const assignee = await trx
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', user.tenantId)
      .where('id', '=', body.assigneeId)
      .where('status', '!=', 'deleted')
      .executeTakeFirst();
    if (!assignee)
      throw new ApiError('HTTP-400', `user ${body.assigneeId} does not exist`, {
        pointer: '/assigneeId',
      });
    const clash = await trx
      .selectFrom('space_assignments')
      .select('id')
      .where('space_id', '=', spaceId)
      .where('assignee_id', '=', body.assigneeId)
      .executeTakeFirst();
    if (clash)
      throw new ApiError(
        'SPACES-3',
        `user ${body.assigneeId} already has an assignment in this space`,
      );
    const now = nowIso();
    const row: SpaceAssignmentsTable = {
      id: newId(),
      tenant_id: user.tenantId,
      space_id: spaceId,
      type: 'user',
      assignee_id: body.assigneeId,
      roles: JSON.stringify([...new Set(body.roles)]),
      created_by: user.userId,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('space_assignments').values(row).execute();
    await appendAudit(trx, {
      tenantId: user.tenantId,
      userId: user.userId,
      eventType: 'com.qlik.space.assignment.created',
      data: { id: row.id, assigneeId: body.assigneeId, roles: body.roles },
      extensions: { spaceId },
    });
    return row;
  });
}

export async function updateAssignment(
  db: Db,
  user: UserPrincipal,
  spaceId: string,
  id: string,
  roles: string[],
) {
  const { row: space } = await requireSpace(db, user, spaceId, 'space:members');
  checkRoles(space.type, roles);
  const existing = await getAssignment(db, user, spaceId, id);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('space_assignments')
      .set({ roles: JSON.stringify([...new Set(roles)]), updated_at: nowIso() })
      .where('tenant_id', '=', user.tenantId)
      .where('id', '=', existing.id)
      .execute();
    await appendAudit(trx, {
      tenantId: user.tenantId,
      userId: user.userId,
      eventType: 'com.qlik.space.assignment.updated',
      data: { id, assigneeId: existing.assignee_id, roles },
      extensions: { spaceId },
    });
  });
}

export async function deleteAssignment(db: Db, user: UserPrincipal, spaceId: string, id: string) {
  await requireSpace(db, user, spaceId, 'space:members');
  const existing = await getAssignment(db, user, spaceId, id);
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('space_assignments')
      .where('tenant_id', '=', user.tenantId)
      .where('id', '=', existing.id)
      .execute();
    await appendAudit(trx, {
      tenantId: user.tenantId,
      userId: user.userId,
      eventType: 'com.qlik.space.assignment.deleted',
      data: { id, assigneeId: existing.assignee_id },
      extensions: { spaceId },
    });
  });
}
