import { z } from 'zod';
import { isTenantAdmin } from '../auth/access.js';
import type { UserPrincipal } from '../auth/principal.js';
import type { SpaceAction } from '../auth/space-roles.js';
import { objectIds } from '../blob/object-store.js';
import type { ReloadsTable } from '../db/schema.js';
import { ApiError, notFound } from '../http/errors.js';
import { decodeCursor, limitParam, page, sorter } from '../http/links.js';
import { type CairnApp, userOf } from '../http/types.js';
import type { ReloadQueue } from '../reloads/reload-queue.js';
import { requireApp } from '../services/app-access.js';
import type { Platform } from '../services/platform.js';

export function reloadJson(row: ReloadsTable, publicUrl: string, log?: string) {
  return {
    id: row.id,
    appId: row.app_id,
    tenantId: row.tenant_id,
    userId: row.user_id,
    type: row.type,
    status: row.status,
    partial: row.partial === 1,
    creationTime: row.creation_time,
    ...(row.start_time ? { startTime: row.start_time } : {}),
    ...(row.end_time ? { endTime: row.end_time } : {}),
    ...(row.error_code ? { errorCode: row.error_code, errorMessage: row.error_message ?? '' } : {}),
    ...(log === undefined ? {} : { log }),
    weight: 1,
    links: { self: { href: `${publicUrl}/api/v1/reloads/${row.id}` } },
  };
}

export function reloadRoutes(app: CairnApp, platform: Platform, queue: ReloadQueue): void {
  const { db } = platform.store;
  const url = platform.config.publicUrl;
  const idParams = z.strictObject({ reloadId: z.string().max(100) });

  /** A reload is visible to whoever can see its app; acting on it needs the app's action. */
  const requireReload = async (user: UserPrincipal, id: string, action: SpaceAction) => {
    const row = await db
      .selectFrom('reloads')
      .selectAll()
      .where('tenant_id', '=', user.tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('reload', id);
    try {
      await requireApp(db, user, row.app_id, action);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) throw notFound('reload', id);
      throw error;
    }
    return row;
  };

  const logText = async (row: ReloadsTable) => {
    const live = queue.liveLog(row.id);
    if (live !== null) return live;
    const stored = await platform.objects.get(row.tenant_id, objectIds.reloadLog(row.id));
    return stored?.toString('utf8') ?? '';
  };

  app.post(
    '/api/v1/reloads',
    {
      schema: {
        tags: ['reloads'],
        body: z.strictObject({
          appId: z.string().min(1).max(100),
          partial: z.boolean().optional(),
          variables: z.record(z.string(), z.string()).optional(),
          weight: z.number().int().min(0).max(100).optional(),
          resourceId: z.string().max(100).optional(),
          resourceType: z.string().max(50).optional(),
        }),
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      await requireApp(db, user, request.body.appId, 'app:reload');
      const row = await queue.enqueue(user, request.body.appId, request.body.partial ?? false);
      reply.code(201);
      return reloadJson(row, url);
    },
  );

  app.get(
    '/api/v1/reloads/:reloadId',
    { schema: { tags: ['reloads'], params: idParams } },
    async (request) => {
      const user = userOf(request);
      return reloadJson(await requireReload(user, request.params.reloadId, 'app:read'), url);
    },
  );

  app.get(
    '/api/v1/reloads',
    {
      schema: {
        tags: ['reloads'],
        querystring: z.object({
          appId: z.string().max(100).optional(),
          log: z.enum(['true', 'false']).optional(),
          sort: z.string().optional(),
          limit: limitParam,
          next: z.string().optional(),
          prev: z.string().optional(),
        }),
      },
    },
    async (request) => {
      const user = userOf(request);
      const q = request.query;
      if (!q.appId && !isTenantAdmin(user)) {
        throw new ApiError('HTTP-400', 'appId is required unless you are a TenantAdmin', {
          parameter: 'appId',
        });
      }
      if (q.appId) await requireApp(db, user, q.appId, 'app:read');
      let query = db.selectFrom('reloads').selectAll().where('tenant_id', '=', user.tenantId);
      if (q.appId) query = query.where('app_id', '=', q.appId);
      const rows = (await query.execute()).sort(
        sorter(
          q.sort,
          {
            creationTime: (r) => r.creation_time,
            status: (r) => r.status,
            startTime: (r) => r.start_time ?? '',
            endTime: (r) => r.end_time ?? '',
          },
          '-creationTime',
        ),
      );
      const result = page(url, request, rows, {
        limit: q.limit,
        offset: decodeCursor(q.next ?? q.prev, q.next ? 'next' : 'prev'),
      });
      const data = await Promise.all(
        result.data.map(async (r) =>
          reloadJson(r, url, q.log === 'true' ? await logText(r) : undefined),
        ),
      );
      return { data, links: result.links };
    },
  );

  app.post(
    '/api/v1/reloads/:reloadId/actions/cancel',
    { schema: { tags: ['reloads'], params: idParams } },
    async (request, reply) => {
      const user = userOf(request);
      const row = await requireReload(user, request.params.reloadId, 'app:reload');
      if (!['QUEUED', 'RELOADING', 'CANCELING'].includes(row.status)) {
        throw new ApiError('RELOADS-002', `reload ${row.id} has already ended with ${row.status}`);
      }
      const status = await queue.cancel(row);
      reply.code(202);
      return { status };
    },
  );

  app.get(
    '/api/v1/apps/:appId/reloads/logs/:reloadId',
    {
      schema: {
        tags: ['apps'],
        params: z.strictObject({ appId: z.string().max(100), reloadId: z.string().max(100) }),
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const row = await requireReload(user, request.params.reloadId, 'app:read');
      if (row.app_id !== request.params.appId) throw notFound('reload', request.params.reloadId);
      reply.type('text/plain; charset=utf-8');
      return logText(row);
    },
  );

  app.get(
    '/api/v1/apps/:appId/reloads/logs',
    { schema: { tags: ['apps'], params: z.strictObject({ appId: z.string().max(100) }) } },
    async (request) => {
      const user = userOf(request);
      const { app: appRow } = await requireApp(db, user, request.params.appId, 'app:read');
      const rows = await db
        .selectFrom('reloads')
        .selectAll()
        .where('tenant_id', '=', user.tenantId)
        .where('app_id', '=', appRow.id)
        .orderBy('creation_time', 'desc')
        .execute();
      return {
        data: rows
          .filter((r) => r.end_time !== null)
          .map((r) => ({
            reloadId: r.id,
            success: r.status === 'SUCCEEDED',
            endTime: r.end_time,
            duration:
              r.start_time && r.end_time ? Date.parse(r.end_time) - Date.parse(r.start_time) : 0,
            links: { self: { href: `${url}/api/v1/apps/${appRow.id}/reloads/logs/${r.id}` } },
          })),
      };
    },
  );
}
