import type { Kysely } from 'kysely';
import { resourceActions } from '../auth/access.js';
import { parseRoles, type UserPrincipal } from '../auth/principal.js';
import type { AppsTable, Database, DataFilesTable } from '../db/schema.js';
import { readDataFile } from '../services/data-files.js';
import type { Platform } from '../services/platform.js';
import { loadSpace, spaceRef } from '../services/spaces.js';

/**
 * Resolves the paths a load script reads to the tenant's data files:
 * `lib://<Space>:DataFiles/name`, `lib://DataFiles/name` (the app's space, or the reloading
 * user's personal space for a personal app) and a bare `name` (same as `lib://DataFiles/`).
 * The reloading user must be able to read data in the space at the time of the reload.
 */
export class ReloadFileResolver {
  constructor(
    private readonly platform: Platform,
    private readonly app: AppsTable,
    private readonly user: UserPrincipal,
  ) {}

  async readFile(path: string): Promise<Uint8Array> {
    const { scope, name } = await this.#locate(path);
    const row = scope.files.find((f) => f.name.toLowerCase() === name.toLowerCase());
    if (!row) throw new Error(`file ${JSON.stringify(path)} does not exist`);
    return readDataFile(this.platform, row);
  }

  async listFiles(pattern: string): Promise<readonly string[]> {
    const { scope, name, prefix } = await this.#locate(pattern);
    const mask = new RegExp(
      `^${name
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
      'i',
    );
    return scope.files.filter((f) => mask.test(f.name)).map((f) => `${prefix}${f.name}`);
  }

  async #locate(path: string) {
    const m = /^lib:\/\/(?:([^:/]+):)?DataFiles\/(.+)$/i.exec(path);
    const spaceName = m ? (m[1] ?? null) : null;
    const name = m ? (m[2] ?? '') : path;
    if (name.includes('/') || name.includes('\\') || name.split('.').every((p) => p === '')) {
      throw new Error(
        `path ${JSON.stringify(path)} does not name a file in a DataFiles connection`,
      );
    }
    const prefix = m ? path.slice(0, path.length - name.length) : '';
    const scope = await this.#scope(spaceName, path);
    return { scope, name, prefix };
  }

  async #scope(spaceName: string | null, path: string): Promise<{ files: DataFilesTable[] }> {
    const db = this.platform.store.db;
    const base = db
      .selectFrom('data_files')
      .selectAll()
      .where('tenant_id', '=', this.app.tenant_id);
    if (spaceName === null && this.app.space_id === null) {
      return {
        files: await base.where('scope_key', '=', `personal:${this.user.userId}`).execute(),
      };
    }
    const space =
      spaceName === null
        ? await loadSpace(db, this.user, this.app.space_id ?? '')
        : await this.#spaceByName(spaceName);
    const denied = new Error(
      `connection in ${JSON.stringify(path)} does not exist or is not yours`,
    );
    if (!space) throw denied;
    const actions = resourceActions(this.user, {
      kind: 'data file',
      id: space.row.id,
      tenantId: space.row.tenant_id,
      ownerId: space.row.owner_id,
      space: spaceRef(space.row),
      callerSpaceRoles: space.roles,
    });
    if (!actions.has('data:read')) throw denied;
    return { files: await base.where('space_id', '=', space.row.id).execute() };
  }

  async #spaceByName(name: string) {
    const row = await this.platform.store.db
      .selectFrom('spaces')
      .select('id')
      .where('tenant_id', '=', this.app.tenant_id)
      .where('name', '=', name)
      .executeTakeFirst();
    return row ? loadSpace(this.platform.store.db, this.user, row.id) : null;
  }
}

/** The reloading user with their current roles, or null when they are gone or disabled. */
export async function currentUser(
  db: Kysely<Database>,
  tenantId: string,
  userId: string,
): Promise<UserPrincipal | null> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'roles', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .executeTakeFirst();
  if (row?.status !== 'active') return null;
  return { kind: 'user', tenantId, userId: row.id, roles: parseRoles(row.roles), via: 'api-key' };
}
