import type { Kysely } from 'kysely';
import { authorize, resourceActions, type SpacedResource } from '../auth/access.js';
import type { UserPrincipal } from '../auth/principal.js';
import type { SpaceAction } from '../auth/space-roles.js';
import type { AppsTable, Database } from '../db/schema.js';
import { notFound } from '../http/errors.js';
import { loadSpace, spaceRef } from './spaces.js';

/** An app as the access module sees it: its space and the caller's roles there. */
export async function appResource(
  db: Kysely<Database>,
  user: UserPrincipal,
  app: AppsTable,
): Promise<SpacedResource> {
  const space = app.space_id === null ? null : await loadSpace(db, user, app.space_id);
  return {
    kind: 'app',
    id: app.id,
    tenantId: app.tenant_id,
    ownerId: app.owner_id,
    space: space ? spaceRef(space.row) : null,
    callerSpaceRoles: space?.roles ?? [],
  };
}

/** Loads an app of the caller's tenant and checks `action` (404 unseen, 403 not allowed). */
export async function requireApp(
  db: Kysely<Database>,
  user: UserPrincipal,
  appId: string,
  action: SpaceAction,
): Promise<{ app: AppsTable; resource: SpacedResource }> {
  const app = await db
    .selectFrom('apps')
    .selectAll()
    .where('tenant_id', '=', user.tenantId)
    .where('id', '=', appId)
    .executeTakeFirst();
  if (!app) throw notFound('app', appId);
  const resource = await appResource(db, user, app);
  authorize(user, resource, action);
  return { app, resource };
}

export async function appActions(db: Kysely<Database>, user: UserPrincipal, app: AppsTable) {
  return resourceActions(user, await appResource(db, user, app));
}
