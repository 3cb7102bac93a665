import { z } from 'zod';
import { SPACE_TYPES } from '../auth/space-roles.js';
import { decodeCursor, limitParam, page, sorter } from '../http/links.js';
import { type CairnApp, userOf } from '../http/types.js';
import type { Platform } from '../services/platform.js';
import {
  assignmentJson,
  createAssignment,
  deleteAssignment,
  getAssignment,
  listAssignments,
  updateAssignment,
} from '../services/space-assignments.js';
import {
  createSpace,
  deleteSpace,
  listVisibleSpaces,
  requireSpace,
  spaceJson,
  updateSpace,
} from '../services/spaces.js';

const spaceName = z.string().min(1).max(256);
const description = z.string().max(1024);

export function spaceRoutes(app: CairnApp, platform: Platform): void {
  const { db } = platform.store;
  const url = platform.config.publicUrl;
  const spaceParams = z.strictObject({ spaceId: z.string().max(100) });
  const assignmentParams = z.strictObject({
    spaceId: z.string().max(100),
    assignmentId: z.string().max(100),
  });

  app.get(
    '/api/v1/spaces',
    {
      schema: {
        tags: ['spaces'],
        querystring: z.object({
          name: z.string().optional(),
          type: z.string().optional(),
          ownerId: z.string().optional(),
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
      const types = q.type?.split(',').filter(Boolean);
      const rows = (await listVisibleSpaces(db, user))
        .filter(({ row }) => !q.name || row.name.toLowerCase().includes(q.name.toLowerCase()))
        .filter(({ row }) => !types || types.includes(row.type))
        .filter(({ row }) => !q.ownerId || row.owner_id === q.ownerId)
        .sort(
          sorter(
            q.sort,
            {
              name: (s) => s.row.name.toLowerCase(),
              type: (s) => s.row.type,
              createdAt: (s) => s.row.created_at,
            },
            '+name',
          ),
        );
      const offset = decodeCursor(q.next ?? q.prev, q.next ? 'next' : 'prev');
      const result = page(
        url,
        request,
        rows.map(({ row, roles }) => spaceJson(row, user, roles, url)),
        { limit: q.limit, offset },
      );
      return {
        ...result,
        meta: {
          count: rows.length,
          personalSpace: { actions: ['create', 'read'], resourceType: 'space' },
        },
      };
    },
  );

  app.get('/api/v1/spaces/types', { schema: { tags: ['spaces'] } }, async (request) => {
    userOf(request);
    return { data: [...SPACE_TYPES] };
  });

  app.post(
    '/api/v1/spaces',
    {
      schema: {
        tags: ['spaces'],
        body: z.strictObject({
          name: spaceName,
          type: z.enum(SPACE_TYPES),
          description: description.optional(),
        }),
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const row = await createSpace(db, user, request.body);
      reply.code(201);
      return spaceJson(row, user, [], url);
    },
  );

  app.get(
    '/api/v1/spaces/:spaceId',
    { schema: { tags: ['spaces'], params: spaceParams } },
    async (request) => {
      const user = userOf(request);
      const { row, roles } = await requireSpace(db, user, request.params.spaceId, 'space:read');
      return spaceJson(row, user, roles, url);
    },
  );

  const reread = async (user: ReturnType<typeof userOf>, id: string) => {
    const { row, roles } = await requireSpace(db, user, id, 'space:read');
    return spaceJson(row, user, roles, url);
  };

  app.put(
    '/api/v1/spaces/:spaceId',
    {
      schema: {
        tags: ['spaces'],
        params: spaceParams,
        body: z.strictObject({
          name: spaceName.optional(),
          description: description.optional(),
          ownerId: z.string().max(100).optional(),
        }),
      },
    },
    async (request) => {
      const user = userOf(request);
      await updateSpace(db, user, request.params.spaceId, request.body);
      return reread(user, request.params.spaceId);
    },
  );

  app.patch(
    '/api/v1/spaces/:spaceId',
    {
      schema: {
        tags: ['spaces'],
        params: spaceParams,
        body: z
          .array(
            z.strictObject({
              op: z.literal('replace'),
              path: z.enum(['/name', '/description', '/ownerId']),
              value: z.string().max(1024),
            }),
          )
          .min(1)
          .max(10),
      },
    },
    async (request) => {
      const user = userOf(request);
      const change: { name?: string; description?: string; ownerId?: string } = {};
      for (const op of request.body) {
        if (op.path === '/name') change.name = spaceName.parse(op.value);
        else if (op.path === '/description') change.description = op.value;
        else change.ownerId = op.value;
      }
      await updateSpace(db, user, request.params.spaceId, change);
      return reread(user, request.params.spaceId);
    },
  );

  app.delete(
    '/api/v1/spaces/:spaceId',
    { schema: { tags: ['spaces'], params: spaceParams } },
    async (request, reply) => {
      const user = userOf(request);
      await deleteSpace(db, user, request.params.spaceId);
      reply.code(204);
    },
  );

  app.get(
    '/api/v1/spaces/:spaceId/assignments',
    {
      schema: {
        tags: ['spaces'],
        params: spaceParams,
        querystring: z.object({
          limit: limitParam,
          next: z.string().optional(),
          prev: z.string().optional(),
          type: z.string().optional(),
          assigneeId: z.string().optional(),
        }),
      },
    },
    async (request) => {
      const user = userOf(request);
      const q = request.query;
      const rows = (await listAssignments(db, user, request.params.spaceId)).filter(
        (r) => !q.assigneeId || r.assignee_id === q.assigneeId,
      );
      const offset = decodeCursor(q.next ?? q.prev, q.next ? 'next' : 'prev');
      const result = page(
        url,
        request,
        rows.map((r) => assignmentJson(r, url)),
        { limit: q.limit, offset },
      );
      return { ...result, meta: { count: rows.length } };
    },
  );

  const roles = z.array(z.string().max(50)).min(1).max(10);

  app.post(
    '/api/v1/spaces/:spaceId/assignments',
    {
      schema: {
        tags: ['spaces'],
        params: spaceParams,
        body: z.strictObject({
          type: z.enum(['user', 'group', 'bot']),
          assigneeId: z.string().min(1).max(100),
          roles,
        }),
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const row = await createAssignment(db, user, request.params.spaceId, request.body);
      reply.code(201);
      return assignmentJson(row, url);
    },
  );

  app.get(
    '/api/v1/spaces/:spaceId/assignments/:assignmentId',
    { schema: { tags: ['spaces'], params: assignmentParams } },
    async (request) => {
      const user = userOf(request);
      return assignmentJson(
        await getAssignment(db, user, request.params.spaceId, request.params.assignmentId),
        url,
      );
    },
  );

  app.put(
    '/api/v1/spaces/:spaceId/assignments/:assignmentId',
    { schema: { tags: ['spaces'], params: assignmentParams, body: z.strictObject({ roles }) } },
    async (request) => {
      const user = userOf(request);
      const { spaceId, assignmentId } = request.params;
      await updateAssignment(db, user, spaceId, assignmentId, request.body.roles);
      return assignmentJson(await getAssignment(db, user, spaceId, assignmentId), url);
    },
  );

  app.delete(
    '/api/v1/spaces/:spaceId/assignments/:assignmentId',
    { schema: { tags: ['spaces'], params: assignmentParams } },
    async (request, reply) => {
      const user = userOf(request);
      await deleteAssignment(db, user, request.params.spaceId, request.params.assignmentId);
      reply.code(204);
    },
  );
}
