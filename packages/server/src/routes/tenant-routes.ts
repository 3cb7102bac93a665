import { z } from 'zod';
import { requireTenantRole } from '../auth/access.js';
import { ApiError, notFound } from '../http/errors.js';
import { type CairnApp, stability, userOf } from '../http/types.js';
import type { Platform } from '../services/platform.js';
import { createTenant, getTenantRow, patchTenant, tenantJson } from '../services/tenants.js';

const patchOps = z.array(
  z.strictObject({ op: z.string(), path: z.string(), value: z.unknown().optional() }),
);

export function tenantRoutes(app: CairnApp, platform: Platform): void {
  const { db } = platform.store;
  const url = platform.config.publicUrl;

  const requireOperator = (principal: unknown) => {
    if (platform.config.operatorKey === null) {
      throw new ApiError('TENANTS-1', 'set CAIRN_OPERATOR_KEY to manage tenants');
    }
    if ((principal as { kind?: string } | null)?.kind !== 'operator') {
      throw new ApiError('HTTP-403', 'tenant management needs the operator key');
    }
  };

  app.post(
    '/api/v1/tenants',
    {
      schema: {
        tags: ['tenants'],
        ...stability('experimental'),
        body: z.strictObject({
          name: z.string().min(1).max(200),
          hostnames: z.array(z.string().min(1).max(253)).max(20).optional(),
          region: z.string().max(50).optional(),
          datacenter: z.string().max(50).optional(),
          licenseKey: z.string().max(2000).optional(),
          admin: z.strictObject({ email: z.email(), name: z.string().max(200).optional() }),
        }),
      },
    },
    async (request, reply) => {
      requireOperator(request.principal);
      const body = request.body;
      const created = await createTenant(db, platform.keys, {
        name: body.name,
        hostnames: body.hostnames,
        region: body.region ?? body.datacenter,
        admin: body.admin,
      });
      reply.code(201);
      return {
        ...tenantJson(created.tenant, url),
        admin: { id: created.adminId, apiKey: created.apiKey },
      };
    },
  );

  app.get('/api/v1/tenants', { schema: { tags: ['tenants'] } }, async (request) => {
    requireOperator(request.principal);
    const rows = await db.selectFrom('tenants').selectAll().orderBy('created_at').execute();
    return { data: rows.map((r) => tenantJson(r, url)) };
  });

  app.get('/api/v1/tenants/me', { schema: { tags: ['tenants'] } }, async (request) => {
    const user = userOf(request);
    return tenantJson(await getTenantRow(db, user.tenantId), url);
  });

  const idParams = z.strictObject({ tenantId: z.string().max(100) });

  app.get(
    '/api/v1/tenants/:tenantId',
    { schema: { tags: ['tenants'], params: idParams } },
    async (request) => {
      const { tenantId } = request.params;
      if (request.principal?.kind === 'operator')
        return tenantJson(await getTenantRow(db, tenantId), url);
      const user = userOf(request);
      if (tenantId !== user.tenantId) throw notFound('tenant', tenantId);
      return tenantJson(await getTenantRow(db, tenantId), url);
    },
  );

  app.patch(
    '/api/v1/tenants/:tenantId',
    { schema: { tags: ['tenants'], params: idParams, body: patchOps } },
    async (request, reply) => {
      const { tenantId } = request.params;
      if (request.principal?.kind === 'operator') {
        await getTenantRow(db, tenantId);
        await patchTenant(db, tenantId, 'operator', request.body);
      } else {
        const user = userOf(request);
        if (tenantId !== user.tenantId) throw notFound('tenant', tenantId);
        requireTenantRole(user, 'TenantAdmin');
        await patchTenant(db, tenantId, user.userId, request.body);
      }
      reply.code(204);
    },
  );
}
