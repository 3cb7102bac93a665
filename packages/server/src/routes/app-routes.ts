import { z } from 'zod';
import { objectIds } from '../blob/object-store.js';
import { ApiError } from '../http/errors.js';
import { decodeCursor, page } from '../http/links.js';
import { type CairnApp, userOf } from '../http/types.js';
import { requireApp } from '../services/app-access.js';
import {
  copyApp,
  createApp,
  currentScript,
  deleteApp,
  nxAppJson,
  saveScript,
  updateAppAttributes,
} from '../services/apps.js';
import type { Platform } from '../services/platform.js';

/** Qlik's app attributes; the ones Cairn does not model are accepted and ignored. */
const attributes = z.strictObject({
  name: z.string().min(1).max(256).optional(),
  description: z.string().max(4096).optional(),
  spaceId: z.string().max(100).optional(),
  locale: z.string().max(20).optional(),
  usage: z
    .enum([
      'ANALYTICS',
      'DATA_PREPARATION',
      'DATAFLOW_PREP',
      'SINGLE_TABLE_PREP',
      'DIRECT_QUERY_MODE',
    ])
    .optional(),
});

export function appRoutes(app: CairnApp, platform: Platform): void {
  const { db } = platform.store;
  const url = platform.config.publicUrl;
  const appParams = z.strictObject({ appId: z.string().max(100) });

  app.post(
    '/api/v1/apps',
    { schema: { tags: ['apps'], body: z.strictObject({ attributes: attributes.optional() }) } },
    async (request) => {
      const user = userOf(request);
      const row = await createApp(platform, user, request.body.attributes ?? {});
      return nxAppJson(db, user, row);
    },
  );

  app.get(
    '/api/v1/apps/:appId',
    { schema: { tags: ['apps'], params: appParams } },
    async (request) => {
      const user = userOf(request);
      const { app: row } = await requireApp(db, user, request.params.appId, 'app:read');
      return nxAppJson(db, user, row);
    },
  );

  app.put(
    '/api/v1/apps/:appId',
    {
      schema: {
        tags: ['apps'],
        params: appParams,
        body: z.strictObject({ attributes: attributes.omit({ spaceId: true, usage: true }) }),
      },
    },
    async (request) => {
      const user = userOf(request);
      const row = await updateAppAttributes(
        platform,
        user,
        request.params.appId,
        request.body.attributes,
      );
      return nxAppJson(db, user, row);
    },
  );

  app.delete(
    '/api/v1/apps/:appId',
    { schema: { tags: ['apps'], params: appParams } },
    async (request) => {
      const user = userOf(request);
      await deleteApp(platform, user, request.params.appId);
      // Qlik answers app deletion with 200 and an empty body (rest-api.md §2.0).
      return '';
    },
  );

  app.post(
    '/api/v1/apps/:appId/copy',
    {
      schema: {
        tags: ['apps'],
        params: appParams,
        body: z.strictObject({ attributes: attributes.optional() }),
      },
    },
    async (request) => {
      const user = userOf(request);
      const row = await copyApp(
        platform,
        user,
        request.params.appId,
        request.body.attributes ?? {},
      );
      return nxAppJson(db, user, row);
    },
  );

  app.get(
    '/api/v1/apps/:appId/scripts',
    {
      schema: {
        tags: ['apps'],
        params: appParams,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(100).default(20),
          page: z.string().optional(),
          filter: z.string().optional(),
        }),
      },
    },
    async (request) => {
      const user = userOf(request);
      await requireApp(db, user, request.params.appId, 'app:edit');
      const rows = await db
        .selectFrom('app_scripts')
        .selectAll()
        .where('tenant_id', '=', user.tenantId)
        .where('app_id', '=', request.params.appId)
        .orderBy('seq', 'desc')
        .execute();
      const scripts = rows.map((r) => ({
        scriptId: r.id,
        modifiedTime: r.created_at,
        modifierId: r.modifier_id,
        size: r.size,
        versionMessage: r.version_message,
      }));
      const result = page(url, request, scripts, {
        limit: request.query.limit,
        offset: decodeCursor(request.query.page, 'page'),
        nextParam: 'page',
        prevParam: 'page',
      });
      return { scripts: result.data, links: result.links, privileges: ['read', 'update'] };
    },
  );

  app.post(
    '/api/v1/apps/:appId/scripts',
    {
      schema: {
        tags: ['apps'],
        params: appParams,
        body: z.strictObject({
          script: z.string(),
          versionMessage: z.string().max(1000).optional(),
        }),
      },
    },
    async (request) => {
      const user = userOf(request);
      const id = await saveScript(
        platform,
        user,
        request.params.appId,
        request.body.script,
        request.body.versionMessage ?? '',
      );
      return { id };
    },
  );

  app.get(
    '/api/v1/apps/:appId/scripts/:scriptId',
    {
      schema: {
        tags: ['apps'],
        params: z.strictObject({ appId: z.string().max(100), scriptId: z.string().max(100) }),
      },
    },
    async (request) => {
      const user = userOf(request);
      const { appId, scriptId } = request.params;
      await requireApp(db, user, appId, 'app:edit');
      if (scriptId === 'current') {
        const script = await currentScript(platform, user.tenantId, appId);
        return { script: script ?? '', versionMessage: '' };
      }
      const row = await db
        .selectFrom('app_scripts')
        .selectAll()
        .where('tenant_id', '=', user.tenantId)
        .where('app_id', '=', appId)
        .where('id', '=', scriptId)
        .executeTakeFirst();
      const bytes = row
        ? await platform.objects.get(user.tenantId, objectIds.appScript(appId, row.id))
        : null;
      if (!row || !bytes)
        throw new ApiError('APPS-1', `script version ${JSON.stringify(scriptId)} does not exist`);
      return { script: bytes.toString('utf8'), versionMessage: row.version_message };
    },
  );

  app.get(
    '/api/v1/apps/:appId/data/metadata',
    { schema: { tags: ['apps'], params: appParams } },
    async (request) => {
      const user = userOf(request);
      const { app: row } = await requireApp(db, user, request.params.appId, 'app:read');
      const empty = { fields: [], tables: [] };
      const meta =
        row.current_version === null
          ? null
          : await platform.objects.get(
              user.tenantId,
              `${objectIds.appModel(row.id, row.current_version)}.meta`,
            );
      const model = meta === null ? empty : (JSON.parse(meta.toString('utf8')) as typeof empty);
      return {
        reload_meta: { cpu_time_spent_ms: 0, hardware: { logical_cores: 0, total_memory: 0 } },
        static_byte_size: 0,
        has_section_access: false,
        is_direct_query_mode: false,
        usage: row.usage,
        ...model,
        tables_profiling_data: [],
      };
    },
  );
}
