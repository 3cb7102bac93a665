import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { authorize, type SpacedResource } from '../auth/access.js';
import type { UserPrincipal } from '../auth/principal.js';
import type { SpaceAction } from '../auth/space-roles.js';
import { objectIds } from '../blob/object-store.js';
import type { Database, DataFilesTable } from '../db/schema.js';
import { ApiError, notFound } from '../http/errors.js';
import { newId, nowIso } from '../http/ids.js';
import type { Platform } from './platform.js';
import { loadSpace, requireSpace, spaceRef } from './spaces.js';

type Db = Kysely<Database>;

export const ALLOWED_EXTENSIONS = [
  'csv',
  'txt',
  'tsv',
  'tab',
  'qvd',
  'xlsx',
  'xls',
  'parquet',
  'json',
  'xml',
  'html',
  'kml',
];

/** Every space's implicit DataFiles connection shares the space's id; personal ones are per user. */
export const PERSONAL_CONNECTION_PREFIX = 'personal-';

export function connectionJson(spaceId: string | null, spaceName: string | null, userId: string) {
  const id = spaceId ?? `${PERSONAL_CONNECTION_PREFIX}${userId}`;
  const path = spaceName === null ? 'datafiles' : `${spaceName}:datafiles`;
  return {
    id,
    name: 'DataFiles',
    type: 'qix-datafiles.exe',
    connectStatement: `CUSTOM CONNECT TO "provider=qix-datafiles.exe;path=${path};"`,
    spaceId: spaceId ?? '',
  };
}

/**
 * A file name as given in `Json.name`: one plain name with an allowed extension. Folders, path
 * separators, dot segments and control characters are refused so a name can never address
 * anything but itself.
 */
export function checkFileName(name: string): string {
  const bad = (why: string) =>
    new ApiError('DF-004', `file name ${JSON.stringify(name)} ${why}`, { pointer: '/name' });
  if (name.length === 0 || name.length > 255) throw bad('must be 1 to 255 characters');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[/\\:*?"<>|\u0000-\u001f\u007f]/.test(name))
    throw bad('contains a path separator or reserved character');
  if (name === '.' || name === '..' || name.startsWith('.')) throw bad('may not start with a dot');
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext === undefined) throw bad('has no extension');
  if (!ALLOWED_EXTENSIONS.includes(ext))
    throw bad(`has extension .${ext}, not one of ${ALLOWED_EXTENSIONS.join(', ')}`);
  return name;
}

export function dataFileJson(row: DataFilesTable, publicUrl: string) {
  const connectionId = row.space_id ?? `${PERSONAL_CONNECTION_PREFIX}${row.owner_id}`;
  return {
    id: row.id,
    name: row.name,
    baseName: row.name,
    size: row.size,
    createdDate: row.created_at,
    modifiedDate: row.updated_at,
    contentUpdatedDate: row.updated_at,
    ownerId: row.owner_id,
    ...(row.space_id === null ? {} : { spaceId: row.space_id }),
    connectionId,
    folder: false,
    qri: `qri:qdf:space://${row.space_id ?? 'personal'}#${row.id}`,
    actions: ['read', 'update', 'delete', 'list'],
    links: { self: { href: `${publicUrl}/api/v1/data-files/${row.id}` } },
  };
}

/** Resolves a connection id to the space it stands for, checking `action` there. */
export async function connectionTarget(
  db: Db,
  user: UserPrincipal,
  connectionId: string | undefined,
  action: SpaceAction,
): Promise<{ spaceId: string | null; spaceName: string | null }> {
  if (
    connectionId === undefined ||
    connectionId === `${PERSONAL_CONNECTION_PREFIX}${user.userId}`
  ) {
    return { spaceId: null, spaceName: null };
  }
  const found = await loadSpace(db, user, connectionId);
  if (!found)
    throw new ApiError('DF-014', `connection ${JSON.stringify(connectionId)} does not exist`, {
      pointer: '/connectionId',
    });
  await requireSpace(db, user, connectionId, action);
  return { spaceId: found.row.id, spaceName: found.row.name };
}

export async function fileResource(
  db: Db,
  user: UserPrincipal,
  row: DataFilesTable,
): Promise<SpacedResource> {
  const space = row.space_id === null ? null : await loadSpace(db, user, row.space_id);
  return {
    kind: 'data file',
    id: row.id,
    tenantId: row.tenant_id,
    ownerId: row.owner_id,
    space: space ? spaceRef(space.row) : null,
    callerSpaceRoles: space?.roles ?? [],
  };
}

export async function requireDataFile(
  db: Db,
  user: UserPrincipal,
  id: string,
  action: SpaceAction,
) {
  const row = await db
    .selectFrom('data_files')
    .selectAll()
    .where('tenant_id', '=', user.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('data file', id);
  authorize(user, await fileResource(db, user, row), action);
  return row;
}

export async function tenantUsage(db: Db, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('data_files')
    .select((eb) => eb.fn.sum<number>('size').as('total'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

/**
 * Stores an uploaded file: content first (encrypted, under a fresh id), then the row. A failed
 * or interrupted upload therefore never lists a file; a replaced file swaps in atomically.
 */
export async function storeDataFile(
  platform: Platform,
  user: UserPrincipal,
  input: { name: string; connectionId?: string | undefined; bytes: Buffer; replaceId?: string },
) {
  const db = platform.store.db;
  const name = checkFileName(input.name);
  const target = await connectionTarget(db, user, input.connectionId, 'data:write');
  const quota = platform.config.tenantQuotaMb * 1024 * 1024;
  const replaced = input.replaceId
    ? await requireDataFile(db, user, input.replaceId, 'data:write')
    : null;
  const used = (await tenantUsage(db, user.tenantId)) - (replaced?.size ?? 0);
  if (used + input.bytes.length > quota) {
    throw new ApiError(
      'DF-016',
      `the tenant's data files would use ${used + input.bytes.length} bytes; the quota is ${quota}`,
    );
  }
  const id = replaced?.id ?? newId();
  // New content goes under a fresh object id, so readers of the old file never see a mix.
  const contentId = newId();
  await platform.objects.put(user.tenantId, objectIds.dataFile(contentId), input.bytes);
  const scopeKey = target.spaceId ?? `personal:${user.userId}`;
  const now = nowIso();
  try {
    const row = await db.transaction().execute(async (trx) => {
      const clash = await trx
        .selectFrom('data_files')
        .select('id')
        .where('tenant_id', '=', user.tenantId)
        .where('scope_key', '=', scopeKey)
        .where('name', '=', name)
        .executeTakeFirst();
      if (clash && clash.id !== id)
        throw new ApiError(
          'DF-002',
          `a file named ${JSON.stringify(name)} already exists in this space`,
        );
      const row: DataFilesTable = {
        id,
        tenant_id: user.tenantId,
        space_id: target.spaceId,
        owner_id: replaced?.owner_id ?? user.userId,
        scope_key: scopeKey,
        name,
        size: input.bytes.length,
        content_id: contentId,
        created_at: replaced?.created_at ?? now,
        updated_at: now,
      };
      if (replaced) {
        await trx
          .deleteFrom('data_files')
          .where('tenant_id', '=', user.tenantId)
          .where('id', '=', id)
          .execute();
      }
      await trx.insertInto('data_files').values(row).execute();
      await appendAudit(trx, {
        tenantId: user.tenantId,
        userId: user.userId,
        eventType: replaced ? 'com.qlik.v1.data-file.updated' : 'com.qlik.v1.data-file.created',
        data: { id, name, size: input.bytes.length },
        extensions: { spaceId: target.spaceId ?? '' },
      });
      return row;
    });
    if (replaced)
      await platform.objects.delete(user.tenantId, objectIds.dataFile(replaced.content_id));
    return row;
  } catch (error) {
    await platform.objects.delete(user.tenantId, objectIds.dataFile(contentId));
    throw error;
  }
}

export async function readDataFile(platform: Platform, row: DataFilesTable): Promise<Buffer> {
  const bytes = await platform.objects.get(row.tenant_id, objectIds.dataFile(row.content_id));
  if (bytes === null) throw new Error(`content of data file ${row.id} is missing from the store`);
  return bytes;
}

export async function deleteDataFile(platform: Platform, user: UserPrincipal, id: string) {
  const db = platform.store.db;
  const row = await requireDataFile(db, user, id, 'data:write');
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('data_files')
      .where('tenant_id', '=', user.tenantId)
      .where('id', '=', row.id)
      .execute();
    await appendAudit(trx, {
      tenantId: user.tenantId,
      userId: user.userId,
      eventType: 'com.qlik.v1.data-file.deleted',
      data: { id: row.id, name: row.name },
      extensions: { spaceId: row.space_id ?? '' },
    });
  });
  await platform.objects.delete(user.tenantId, objectIds.dataFile(row.content_id));
}
