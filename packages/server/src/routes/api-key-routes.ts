import { z } from 'zod';
import { requireTenantRole } from '../auth/access.js';
import { notFound } from '../http/errors.js';
import { nowIso } from '../http/ids.js';
import { decodeCursor, limitParam, page } from '../http/links.js';
import { type CairnApp, userOf } from '../http/types.js';
import {
  API_KEY_CONFIG,
  apiKeyJson,
  createApiKey,
  getApiKeyRow,
  listApiKeys,
  revokeApiKey,
} from '../services/api-keys.js';
import type { Platform } from '../services/platform.js';

export function apiKeyRoutes(app: CairnApp, platform: Platform): void {
  const { db } = platform.store;
  const url = platform.config.publicUrl;
  const idParams = z.strictObject({ id: z.string().max(100) });

  app.get(
    '/api/v1/api-keys',
    {
      schema: {
        tags: ['api-keys'],
        querystring: z.object({
          limit: limitParam,
          startingAfter: z.string().optional(),
          endingBefore: z.string().optional(),
          status: z.enum(['active', 'expired', 'revoked']).optional(),
          sub: z.string().optional(),
        }),
      },
    },
    async (request) => {
      const user = userOf(request);
      requireTenantRole(user, 'TenantAdmin', 'Developer');
      const q = request.query;
      const rows = (await listApiKeys(db, user)).filter(
        (k) => (!q.status || k.status === q.status) && (!q.sub || k.sub === q.sub),
      );
      const offset = decodeCursor(q.startingAfter ?? q.endingBefore, 'startingAfter');
      return page(url, request, rows, {
        limit: q.limit,
        offset,
        nextParam: 'startingAfter',
        prevParam: 'endingBefore',
      });
    },
  );

  app.post(
    '/api/v1/api-keys',
    {
      schema: {
        tags: ['api-keys'],
        body: z.strictObject({
          description: z.string().min(1).max(500),
          expiry: z.string().max(40).optional(),
          sub: z.string().max(100).optional(),
          subType: z.literal('user').optional(),
        }),
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      requireTenantRole(user, 'TenantAdmin', 'Developer');
      reply.code(201);
      return createApiKey(db, user, request.body);
    },
  );

  app.get(
    '/api/v1/api-keys/:id',
    { schema: { tags: ['api-keys'], params: idParams } },
    async (request) => {
      const user = userOf(request);
      const row = await getApiKeyRow(db, user, request.params.id);
      requireTenantRole(user, 'TenantAdmin', 'Developer');
      return apiKeyJson(row);
    },
  );

  app.patch(
    '/api/v1/api-keys/:id',
    {
      schema: {
        tags: ['api-keys'],
        params: idParams,
        body: z
          .array(
            z.strictObject({
              op: z.literal('replace'),
              path: z.literal('/description'),
              value: z.string().min(1).max(500),
            }),
          )
          .min(1)
          .max(5),
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const row = await getApiKeyRow(db, user, request.params.id);
      requireTenantRole(user, 'TenantAdmin', 'Developer');
      const last = request.body[request.body.length - 1];
      await db
        .updateTable('api_keys')
        .set({ description: last?.value ?? row.description, updated_at: nowIso() })
        .where('tenant_id', '=', user.tenantId)
        .where('id', '=', row.id)
        .execute();
      reply.code(204);
    },
  );

  app.delete(
    '/api/v1/api-keys/:id',
    { schema: { tags: ['api-keys'], params: idParams } },
    async (request, reply) => {
      const user = userOf(request);
      await getApiKeyRow(db, user, request.params.id);
      requireTenantRole(user, 'TenantAdmin', 'Developer');
      await revokeApiKey(db, user, request.params.id);
      reply.code(204);
    },
  );

  app.get(
    '/api/v1/api-keys/configs/:tenantId',
    { schema: { tags: ['api-keys'], params: z.strictObject({ tenantId: z.string().max(100) }) } },
    async (request) => {
      const user = userOf(request);
      if (request.params.tenantId !== user.tenantId)
        throw notFound('tenant', request.params.tenantId);
      requireTenantRole(user, 'TenantAdmin');
      return API_KEY_CONFIG;
    },
  );
}
