import type { FastifyRequest } from 'fastify';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { requireTenantRole } from '../auth/access.js';
import type { AuditsTable } from '../db/schema.js';
import { ApiError, notFound } from '../http/errors.js';
import { decodeCursor, limitParam, page, sorter } from '../http/links.js';
import { type CairnApp, userOf } from '../http/types.js';
import type { Platform } from '../services/platform.js';

function auditJson(row: Selectable<AuditsTable>, publicUrl: string) {
  return {
    id: row.id,
    eventId: row.id,
    eventType: row.event_type,
    eventTypeVersion: '1.0.0',
    eventTime: row.event_time,
    source: row.source,
    contentType: 'application/json',
    tenantId: row.tenant_id,
    userId: row.user_id,
    extensions: JSON.parse(row.extensions) as Record<string, unknown>,
    data: JSON.parse(row.data) as Record<string, unknown>,
    links: { self: { href: `${publicUrl}/api/v1/audits/${row.id}` } },
  };
}

/** Read-only audit trail; only TenantAdmins read it. No route changes or deletes an event. */
export function auditRoutes(app: CairnApp, platform: Platform): void {
  const { db } = platform.store;
  const url = platform.config.publicUrl;

  app.get(
    '/api/v1/audits',
    {
      schema: {
        tags: ['audits'],
        querystring: z.object({
          eventType: z.string().max(200).optional(),
          source: z.string().max(200).optional(),
          userId: z.string().max(100).optional(),
          id: z.string().max(2000).optional(),
          eventTime: z.string().max(100).optional(),
          sort: z.string().optional(),
          limit: limitParam,
          next: z.string().optional(),
          prev: z.string().optional(),
        }),
      },
    },
    async (request) => {
      const user = userOf(request);
      requireTenantRole(user, 'TenantAdmin');
      const q = request.query;
      let query = db.selectFrom('audits').selectAll().where('tenant_id', '=', user.tenantId);
      if (q.eventType) query = query.where('event_type', 'in', q.eventType.split(','));
      if (q.source) query = query.where('source', '=', q.source);
      if (q.userId) query = query.where('user_id', '=', q.userId);
      if (q.id) query = query.where('id', 'in', q.id.split(','));
      if (q.eventTime) {
        const [from, to] = q.eventTime.split('/');
        const valid = (t: string | undefined) => !t || !Number.isNaN(Date.parse(t));
        if (!valid(from) || !valid(to)) {
          throw new ApiError(
            'HTTP-400',
            `eventTime ${JSON.stringify(q.eventTime)} is not <ISO start>/<ISO end>`,
            { parameter: 'eventTime' },
          );
        }
        if (from) query = query.where('event_time', '>=', new Date(from).toISOString());
        if (to) query = query.where('event_time', '<=', new Date(to).toISOString());
      }
      const rows = (await query.orderBy('seq').execute()).sort(
        sorter(
          q.sort,
          {
            eventTime: (r) => `${r.event_time}|${String(r.seq).padStart(16, '0')}`,
            source: (r) => r.source,
            eventType: (r) => r.event_type,
          },
          '-eventTime',
        ),
      );
      const result = page(url, request, rows, {
        limit: q.limit,
        offset: decodeCursor(q.next ?? q.prev, q.next ? 'next' : 'prev'),
      });
      return { data: result.data.map((r) => auditJson(r, url)), links: result.links };
    },
  );

  const distinct = (column: 'event_type' | 'source') => async (request: FastifyRequest) => {
    const user = userOf(request);
    requireTenantRole(user, 'TenantAdmin');
    const rows = await db
      .selectFrom('audits')
      .select(column)
      .distinct()
      .where('tenant_id', '=', user.tenantId)
      .execute();
    return {
      data: rows.map((r) => r[column]).sort(),
      links: { self: { href: `${url}${request.url}` } },
    };
  };
  app.get('/api/v1/audits/types', { schema: { tags: ['audits'] } }, distinct('event_type'));
  app.get('/api/v1/audits/sources', { schema: { tags: ['audits'] } }, distinct('source'));

  app.get(
    '/api/v1/audits/:id',
    { schema: { tags: ['audits'], params: z.strictObject({ id: z.string().max(100) }) } },
    async (request) => {
      const user = userOf(request);
      requireTenantRole(user, 'TenantAdmin');
      const row = await db
        .selectFrom('audits')
        .selectAll()
        .where('tenant_id', '=', user.tenantId)
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!row) throw notFound('audit event', request.params.id);
      return auditJson(row, url);
    },
  );
}
