import { z } from 'zod';
import { requireTenantRole } from '../auth/access.js';
import type { UsersTable } from '../db/schema.js';
import { ApiError } from '../http/errors.js';
import { decodeCursor, limitParam, page, sorter } from '../http/links.js';
import { type CairnApp, userOf } from '../http/types.js';
import type { Platform } from '../services/platform.js';
import { ROLE_DEFINITIONS, roleJson } from '../services/roles.js';
import {
  createUser,
  deleteUser,
  getUserRow,
  listUsers,
  patchUser,
  userJson,
} from '../services/users.js';

const roleRef = z.strictObject({ id: z.string().optional(), name: z.string().optional() });

/** `filter` for users: the SCIM subset Cairn supports, `<field> eq "<value>"` joined by `and`. */
function userFilter(filter: string | undefined): (row: UsersTable) => boolean {
  if (!filter) return () => true;
  const fields: Record<string, (r: UsersTable) => string> = {
    email: (r) => r.email,
    subject: (r) => r.subject,
    name: (r) => r.name,
    status: (r) => r.status,
    id: (r) => r.id,
  };
  const clauses = filter.split(/\s+and\s+/i).map((part) => {
    const m = /^(\w+)\s+(eq|co|sw)\s+"([^"]*)"$/i.exec(part.trim());
    const get = m ? fields[m[1] ?? ''] : undefined;
    if (!m || !get) {
      throw new ApiError(
        'HTTP-400',
        `filter clause ${JSON.stringify(part)} is not supported; use e.g. email eq "a@b.c"`,
        { parameter: 'filter' },
      );
    }
    const op = (m[2] ?? '').toLowerCase();
    const value = (m[3] ?? '').toLowerCase();
    return (r: UsersTable) => {
      const v = get(r).toLowerCase();
      return op === 'eq' ? v === value : op === 'co' ? v.includes(value) : v.startsWith(value);
    };
  });
  return (row) => clauses.every((c) => c(row));
}

export function userRoutes(app: CairnApp, platform: Platform): void {
  const { db } = platform.store;
  const url = platform.config.publicUrl;
  const userId = z.strictObject({ userId: z.string().max(100) });

  app.get('/api/v1/users/me', { schema: { tags: ['users'] } }, async (request) => {
    const user = userOf(request);
    return userJson(await getUserRow(db, user.tenantId, user.userId), url);
  });

  app.get(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        querystring: z.object({
          filter: z.string().max(1000).optional(),
          sort: z.string().optional(),
          limit: limitParam,
          next: z.string().optional(),
          prev: z.string().optional(),
          totalResults: z.coerce.boolean().optional(),
        }),
      },
    },
    async (request) => {
      const user = userOf(request);
      requireTenantRole(user, 'TenantAdmin');
      const q = request.query;
      const rows = (await listUsers(db, user.tenantId)).filter(userFilter(q.filter)).sort(
        sorter(
          q.sort,
          {
            name: (r) => r.name,
            email: (r) => r.email,
            _id: (r) => r.id,
            createdAt: (r) => r.created_at,
          },
          '+name',
        ),
      );
      const offset = decodeCursor(q.next ?? q.prev, q.next ? 'next' : 'prev');
      const result = page(
        url,
        request,
        rows.map((r) => userJson(r, url)),
        { limit: q.limit, offset },
      );
      return q.totalResults ? { ...result, totalResults: rows.length } : result;
    },
  );

  app.post(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        body: z.strictObject({
          subject: z.string().min(1).max(300).optional(),
          name: z.string().max(300).optional(),
          email: z.email().optional(),
          picture: z.string().max(2000).optional(),
          status: z.enum(['invited', 'active']).optional(),
          tenantId: z.string().optional(),
          assignedRoles: z.array(roleRef).max(10).optional(),
        }),
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      requireTenantRole(user, 'TenantAdmin');
      // tenantId is accepted for Qlik compatibility but the tenant is always the caller's.
      const row = await createUser(db, user, request.body);
      reply.code(201);
      return userJson(row, url);
    },
  );

  app.get(
    '/api/v1/users/:userId',
    { schema: { tags: ['users'], params: userId } },
    async (request) => {
      const user = userOf(request);
      if (request.params.userId !== user.userId) requireTenantRole(user, 'TenantAdmin');
      return userJson(await getUserRow(db, user.tenantId, request.params.userId), url);
    },
  );

  app.patch(
    '/api/v1/users/:userId',
    {
      schema: {
        tags: ['users'],
        params: userId,
        body: z
          .array(
            z.strictObject({ op: z.string(), path: z.string(), value: z.unknown().optional() }),
          )
          .min(1)
          .max(20),
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      await getUserRow(db, user.tenantId, request.params.userId);
      requireTenantRole(user, 'TenantAdmin');
      await patchUser(db, user, request.params.userId, request.body);
      reply.code(204);
    },
  );

  app.delete(
    '/api/v1/users/:userId',
    { schema: { tags: ['users'], params: userId } },
    async (request, reply) => {
      const user = userOf(request);
      await getUserRow(db, user.tenantId, request.params.userId);
      requireTenantRole(user, 'TenantAdmin');
      await deleteUser(db, user, request.params.userId);
      reply.code(204);
    },
  );

  app.get('/api/v1/roles', { schema: { tags: ['roles'] } }, async (request) => {
    const user = userOf(request);
    const data = ROLE_DEFINITIONS.map((r) => roleJson(user.tenantId, r));
    return {
      data,
      links: { self: { href: `${url}/api/v1/roles` }, next: null, prev: null },
      totalResults: data.length,
    };
  });
}
