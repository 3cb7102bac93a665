import { z } from 'zod';
import { resourceActions } from '../auth/access.js';
import type { UserPrincipal } from '../auth/principal.js';
import type { ItemsTable } from '../db/schema.js';
import { notFound } from '../http/errors.js';
import { decodeCursor, limitParam, page, sorter } from '../http/links.js';
import { type CairnApp, userOf } from '../http/types.js';
import { nxAppJson } from '../services/apps.js';
import type { Platform } from '../services/platform.js';
import { callerSpaceRoles, spaceRef } from '../services/spaces.js';

/** The hub catalogue (rest-api.md §2.7): what the caller may see, nothing more. */
export function itemRoutes(app: CairnApp, platform: Platform): void {
  const { db } = platform.store;
  const url = platform.config.publicUrl;

  const visibleItems = async (user: UserPrincipal) => {
    const [items, spaces, roles, apps] = await Promise.all([
      db.selectFrom('items').selectAll().where('tenant_id', '=', user.tenantId).execute(),
      db.selectFrom('spaces').selectAll().where('tenant_id', '=', user.tenantId).execute(),
      callerSpaceRoles(db, user),
      db.selectFrom('apps').selectAll().where('tenant_id', '=', user.tenantId).execute(),
    ]);
    const spaceById = new Map(spaces.map((s) => [s.id, s]));
    const appById = new Map(apps.map((a) => [a.id, a]));
    return items
      .filter((item) => {
        const space = item.space_id === null ? null : spaceById.get(item.space_id);
        if (space === undefined) return false;
        const actions = resourceActions(user, {
          kind: item.resource_type,
          id: item.id,
          tenantId: item.tenant_id,
          ownerId: item.owner_id,
          space: space === null ? null : spaceRef(space),
          callerSpaceRoles: space === null ? [] : (roles.get(space.id) ?? []),
        });
        return actions.has('app:read') && appById.has(item.resource_id);
      })
      .map((item) => ({
        item,
        app: appById.get(item.resource_id)!,
        spaceType: item.space_id === null ? 'personal' : (spaceById.get(item.space_id)?.type ?? ''),
      }));
  };

  const itemJson = async (
    user: UserPrincipal,
    entry: { item: ItemsTable; app: Awaited<ReturnType<typeof visibleItems>>[number]['app'] },
  ) => {
    const { item, app: appRow } = entry;
    const nx = await nxAppJson(db, user, appRow);
    return {
      id: item.id,
      tenantId: item.tenant_id,
      name: item.name,
      description: item.description,
      resourceType: item.resource_type,
      resourceSubType: '',
      resourceId: item.resource_id,
      resourceLink: '',
      resourceAttributes: nx.attributes,
      resourceCustomAttributes: {},
      resourceCreatedAt: appRow.created_at,
      resourceUpdatedAt: appRow.updated_at,
      resourceReloadStatus: '',
      resourceReloadEndTime: appRow.last_reload_time ?? '',
      resourceSize: { appFile: 0, appMemory: 0 },
      ...(item.space_id === null ? {} : { spaceId: item.space_id }),
      ownerId: item.owner_id,
      creatorId: item.owner_id,
      updaterId: item.owner_id,
      createdAt: item.created_at,
      updatedAt: item.updated_at,
      actions: nx.privileges,
      collectionIds: [],
      isFavorited: false,
      meta: { actions: nx.privileges, collections: [], tags: [], isFavorited: false },
      links: {
        self: { href: `${url}/api/v1/items/${item.id}` },
        open: { href: `${url}/sense/app/${item.resource_id}` },
      },
    };
  };

  app.get(
    '/api/v1/items',
    {
      schema: {
        tags: ['items'],
        querystring: z.object({
          resourceType: z.string().max(200).optional(),
          spaceId: z.string().max(100).optional(),
          spaceType: z.string().max(100).optional(),
          name: z.string().max(256).optional(),
          query: z.string().max(256).optional(),
          ownerId: z.string().max(100).optional(),
          resourceId: z.string().max(100).optional(),
          sort: z.string().optional(),
          limit: limitParam,
          next: z.string().optional(),
          prev: z.string().optional(),
          noActions: z.string().optional(),
        }),
      },
    },
    async (request) => {
      const user = userOf(request);
      const q = request.query;
      const types = q.resourceType?.split(',').map((t) => t.replace(/\[.*$/, ''));
      const spaceTypes = q.spaceType?.split(',');
      const entries = (await visibleItems(user))
        .filter(({ item }) => !types || types.includes(item.resource_type))
        .filter(
          ({ item }) =>
            !q.spaceId ||
            (q.spaceId === 'personal' ? item.space_id === null : item.space_id === q.spaceId),
        )
        .filter(({ spaceType }) => !spaceTypes || spaceTypes.includes(spaceType))
        .filter(({ item }) => !q.name || item.name.toLowerCase() === q.name.toLowerCase())
        .filter(
          ({ item }) =>
            !q.query ||
            `${item.name} ${item.description}`.toLowerCase().includes(q.query.toLowerCase()),
        )
        .filter(({ item }) => !q.ownerId || item.owner_id === q.ownerId)
        .filter(({ item }) => !q.resourceId || item.resource_id === q.resourceId)
        .sort(
          sorter(
            q.sort,
            {
              createdAt: (e) => e.item.created_at,
              name: (e) => e.item.name.toLowerCase(),
              updatedAt: (e) => e.item.updated_at,
            },
            '+createdAt',
          ),
        );
      const result = page(url, request, entries, {
        limit: q.limit,
        offset: decodeCursor(q.next ?? q.prev, q.next ? 'next' : 'prev'),
      });
      return {
        data: await Promise.all(result.data.map((e) => itemJson(user, e))),
        links: result.links,
      };
    },
  );

  app.get(
    '/api/v1/items/:itemId',
    { schema: { tags: ['items'], params: z.strictObject({ itemId: z.string().max(100) }) } },
    async (request) => {
      const user = userOf(request);
      const entry = (await visibleItems(user)).find((e) => e.item.id === request.params.itemId);
      if (!entry) throw notFound('item', request.params.itemId);
      return itemJson(user, entry);
    },
  );
}
