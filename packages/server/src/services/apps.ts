import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import type { UserPrincipal } from '../auth/principal.js';
import type { SpaceAction } from '../auth/space-roles.js';
import { objectIds } from '../blob/object-store.js';
import type { AppsTable, Database } from '../db/schema.js';
import { ApiError } from '../http/errors.js';
import { newAppId, newId, nowIso } from '../http/ids.js';
import { appActions, requireApp } from './app-access.js';
import type { Platform } from './platform.js';
import { requireSpace } from './spaces.js';

type Db = Kysely<Database>;

const PRIVILEGES: Array<[SpaceAction, string[]]> = [
  ['app:read', ['read']],
  ['app:edit', ['update', 'duplicate', 'export']],
  ['app:delete', ['delete', 'change_owner']],
  ['app:reload', ['reload']],
];

export async function nxAppJson(db: Db, user: UserPrincipal, app: AppsTable) {
  const actions = await appActions(db, user, app);
  return {
    attributes: {
      id: app.id,
      name: app.name,
      description: app.description,
      owner: app.owner_id,
      ownerId: app.owner_id,
      createdDate: app.created_at,
      modifiedDate: app.updated_at,
      lastReloadTime: app.last_reload_time ?? '',
      published: false,
      publishTime: '',
      hasSectionAccess: false,
      encrypted: true,
      thumbnail: '',
      dynamicColor: '',
      originAppId: '',
      isDirectQueryMode: false,
      usage: app.usage,
      custom: {},
      ...(app.space_id === null ? {} : { spaceId: app.space_id }),
      _resourcetype: 'app',
    },
    privileges: PRIVILEGES.filter(([a]) => actions.has(a)).flatMap(([, p]) => p),
    create: [
      { resource: 'sheet', canCreate: actions.has('app:edit') },
      { resource: 'bookmark', canCreate: actions.has('app:read') },
    ],
  };
}

export interface AppAttributes {
  name?: string | undefined;
  description?: string | undefined;
  spaceId?: string | undefined;
  usage?: string | undefined;
}

/** Creates the app row and its hub item in one transaction, so the catalogue never lags. */
export async function createApp(platform: Platform, user: UserPrincipal, attrs: AppAttributes) {
  const db = platform.store.db;
  if (attrs.spaceId) await requireSpace(db, user, attrs.spaceId, 'app:create');
  const now = nowIso();
  const app: AppsTable = {
    id: newAppId(),
    tenant_id: user.tenantId,
    space_id: attrs.spaceId || null,
    owner_id: user.userId,
    name: attrs.name ?? 'Untitled',
    description: attrs.description ?? '',
    usage: attrs.usage ?? 'ANALYTICS',
    current_version: null,
    last_reload_time: null,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('apps').values(app).execute();
    await trx
      .insertInto('items')
      .values({
        id: newId(),
        tenant_id: user.tenantId,
        resource_type: 'app',
        resource_id: app.id,
        name: app.name,
        description: app.description,
        space_id: app.space_id,
        owner_id: app.owner_id,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, {
      tenantId: user.tenantId,
      userId: user.userId,
      eventType: 'com.qlik.v1.app.created',
      data: { id: app.id, name: app.name },
      extensions: {
        ownerId: app.owner_id,
        spaceId: app.space_id ?? '',
        topLevelResourceId: app.id,
      },
    });
  });
  return app;
}

export async function updateAppAttributes(
  platform: Platform,
  user: UserPrincipal,
  appId: string,
  attrs: { name?: string | undefined; description?: string | undefined },
) {
  const db = platform.store.db;
  const { app } = await requireApp(db, user, appId, 'app:edit');
  const now = nowIso();
  const name = attrs.name ?? app.name;
  const description = attrs.description ?? app.description;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('apps')
      .set({ name, description, updated_at: now })
      .where('tenant_id', '=', user.tenantId)
      .where('id', '=', app.id)
      .execute();
    await trx
      .updateTable('items')
      .set({ name, description, updated_at: now })
      .where('tenant_id', '=', user.tenantId)
      .where('resource_id', '=', app.id)
      .execute();
    await appendAudit(trx, {
      tenantId: user.tenantId,
      userId: user.userId,
      eventType: 'com.qlik.v1.app.updated',
      data: { id: app.id, name },
      extensions: { topLevelResourceId: app.id },
    });
  });
  return { ...app, name, description, updated_at: now };
}

/** Removes the app, its item, versions, scripts and every stored object under it. */
export async function deleteApp(platform: Platform, user: UserPrincipal, appId: string) {
  const db = platform.store.db;
  const { app } = await requireApp(db, user, appId, 'app:delete');
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('items')
      .where('tenant_id', '=', user.tenantId)
      .where('resource_id', '=', app.id)
      .execute();
    await trx
      .deleteFrom('app_versions')
      .where('tenant_id', '=', user.tenantId)
      .where('app_id', '=', app.id)
      .execute();
    await trx
      .deleteFrom('app_scripts')
      .where('tenant_id', '=', user.tenantId)
      .where('app_id', '=', app.id)
      .execute();
    await trx
      .updateTable('reloads')
      .set({ status: 'CANCELED', end_time: nowIso(), error_message: 'the app was deleted' })
      .where('tenant_id', '=', user.tenantId)
      .where('app_id', '=', app.id)
      .where('status', '=', 'QUEUED')
      .execute();
    await trx
      .deleteFrom('apps')
      .where('tenant_id', '=', user.tenantId)
      .where('id', '=', app.id)
      .execute();
    await appendAudit(trx, {
      tenantId: user.tenantId,
      userId: user.userId,
      eventType: 'com.qlik.v1.app.deleted',
      data: { id: app.id, name: app.name },
      extensions: { spaceId: app.space_id ?? '', topLevelResourceId: app.id },
    });
  });
  // Files go after the rows: a crash in between leaves unreachable ciphertext, never a listed
  // app without its files.
  await platform.objects.deleteAll(user.tenantId, objectIds.appPrefix(app.id));
  platform.events.emit({ type: 'deleted', tenantId: user.tenantId, appId: app.id });
}

/** Copies metadata, the current script, objects and the serving model into a new app. */
export async function copyApp(
  platform: Platform,
  user: UserPrincipal,
  appId: string,
  attrs: AppAttributes,
) {
  const db = platform.store.db;
  const { app: source } = await requireApp(db, user, appId, 'app:read');
  const copy = await createApp(platform, user, {
    name: attrs.name ?? source.name,
    description: attrs.description ?? source.description,
    spaceId: attrs.spaceId ?? source.space_id ?? undefined,
    usage: source.usage,
  });
  const script = await currentScript(platform, user.tenantId, source.id);
  if (script !== null) await saveScript(platform, user, copy.id, script, 'copied', false);
  const doc = await platform.objects.get(user.tenantId, objectIds.appDocument(source.id));
  if (doc) await platform.objects.put(user.tenantId, objectIds.appDocument(copy.id), doc);
  if (source.current_version !== null) {
    const v = source.current_version;
    const from = objectIds.appModel(source.id, v);
    const to = objectIds.appModel(copy.id, 1);
    const model = await platform.objects.get(user.tenantId, from);
    if (model) {
      // Objects are sealed under their own id, so a copy is decrypted and sealed again.
      await platform.objects.put(user.tenantId, to, model);
      for (const suffix of ['.meta', '.vars']) {
        const extra = await platform.objects.get(user.tenantId, `${from}${suffix}`);
        if (extra) await platform.objects.put(user.tenantId, `${to}${suffix}`, extra);
      }
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('app_versions')
          .values({
            tenant_id: user.tenantId,
            app_id: copy.id,
            version: 1,
            size: model.length,
            created_at: nowIso(),
          })
          .execute();
        await trx
          .updateTable('apps')
          .set({ current_version: 1, last_reload_time: source.last_reload_time })
          .where('tenant_id', '=', user.tenantId)
          .where('id', '=', copy.id)
          .execute();
      });
      return { ...copy, current_version: 1, last_reload_time: source.last_reload_time };
    }
  }
  return copy;
}

export async function currentScript(platform: Platform, tenantId: string, appId: string) {
  const row = await platform.store.db
    .selectFrom('app_scripts')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('app_id', '=', appId)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  const bytes = await platform.objects.get(tenantId, objectIds.appScript(appId, row.id));
  return bytes === null ? null : bytes.toString('utf8');
}

/** Stores a new script version (content encrypted, metadata in the store). */
export async function saveScript(
  platform: Platform,
  user: UserPrincipal,
  appId: string,
  script: string,
  versionMessage: string,
  check = true,
) {
  const db = platform.store.db;
  if (check) await requireApp(db, user, appId, 'app:edit');
  if (Buffer.byteLength(script) > 10 * 1024 * 1024) {
    throw new ApiError('HTTP-413', 'a load script may be at most 10 MB', { pointer: '/script' });
  }
  const id = newId();
  const bytes = Buffer.from(script, 'utf8');
  await platform.objects.put(user.tenantId, objectIds.appScript(appId, id), bytes);
  await db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('app_scripts')
      .select('seq')
      .where('tenant_id', '=', user.tenantId)
      .where('app_id', '=', appId)
      .orderBy('seq', 'desc')
      .executeTakeFirst();
    await trx
      .insertInto('app_scripts')
      .values({
        id,
        tenant_id: user.tenantId,
        app_id: appId,
        seq: (last?.seq ?? 0) + 1,
        version_message: versionMessage,
        modifier_id: user.userId,
        size: bytes.length,
        created_at: nowIso(),
      })
      .execute();
    await trx
      .updateTable('apps')
      .set({ updated_at: nowIso() })
      .where('tenant_id', '=', user.tenantId)
      .where('id', '=', appId)
      .execute();
  });
  return id;
}
