import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { resourceActions } from '../auth/access.js';
import { ApiError } from '../http/errors.js';
import { decodeCursor, limitParam, page, sorter } from '../http/links.js';
import { type CairnApp, userOf } from '../http/types.js';
import {
  ALLOWED_EXTENSIONS,
  connectionJson,
  connectionTarget,
  dataFileJson,
  deleteDataFile,
  requireDataFile,
  storeDataFile,
  tenantUsage,
} from '../services/data-files.js';
import type { Platform } from '../services/platform.js';
import { listVisibleSpaces } from '../services/spaces.js';

const uploadJson = z.strictObject({
  name: z.string().min(1).max(255),
  connectionId: z.string().max(100).optional(),
  appId: z.string().max(100).optional(),
  sourceId: z.string().max(100).optional(),
  folder: z.literal(false).optional(),
});

/**
 * Reads the `File` and `Json` parts of a data-file upload (rest-api.md §2.10). `Json` may come as
 * a field or as a file-like part; the name is taken from it, never from the part's filename.
 */
async function readUpload(request: FastifyRequest, maxBytes: number) {
  if (!request.isMultipart()) {
    throw new ApiError(
      'HTTP-415',
      'upload data files as multipart/form-data with parts File and Json',
    );
  }
  let file: Buffer | null = null;
  let json: string | null = null;
  try {
    for await (const part of request.parts({
      limits: { fileSize: maxBytes, files: 2, fields: 2, parts: 3, fieldSize: 64 * 1024 },
    })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'File') file = bytes;
        else if (part.fieldname === 'Json' && bytes.length <= 64 * 1024)
          json = bytes.toString('utf8');
        else throw new ApiError('DF-001', `unexpected file part ${JSON.stringify(part.fieldname)}`);
      } else if (part.fieldname === 'Json') {
        // @fastify/multipart already parses fields sent as application/json.
        json = typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
      } else {
        throw new ApiError(
          'DF-001',
          `unexpected field ${JSON.stringify(part.fieldname)}; send File and Json`,
        );
      }
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new ApiError(
        'DF-003',
        `the file is larger than ${maxBytes} bytes (CAIRN_UPLOAD_MAX_MB)`,
      );
    }
    throw new ApiError(
      'DF-001',
      `the multipart body could not be read: ${(error as Error).message}`,
    );
  }
  if (file === null) throw new ApiError('DF-001', 'the upload has no File part');
  if (json === null) throw new ApiError('DF-001', 'the upload has no Json part');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new ApiError('DF-001', 'the Json part is not valid JSON', { pointer: '/Json' });
  }
  const meta = uploadJson.safeParse(parsed);
  if (!meta.success) {
    const issue = meta.error.issues[0];
    throw new ApiError(
      'HTTP-400',
      `Json part: ${issue?.message ?? 'invalid'} at /${issue?.path.join('/') ?? ''}`,
      { pointer: `/Json/${issue?.path.join('/') ?? ''}` },
    );
  }
  if (file.length === 0) throw new ApiError('DF-001', 'the File part is empty');
  return { bytes: file, meta: meta.data };
}

export function dataFileRoutes(app: CairnApp, platform: Platform): void {
  const { db } = platform.store;
  const url = platform.config.publicUrl;
  const maxBytes = platform.config.uploadMaxMb * 1024 * 1024;
  const idParams = z.strictObject({ id: z.string().max(100) });

  app.post(
    '/api/v1/data-files',
    { schema: { tags: ['data-files'], consumes: ['multipart/form-data'] } },
    async (request, reply) => {
      const user = userOf(request);
      const { bytes, meta } = await readUpload(request, maxBytes);
      const row = await storeDataFile(platform, user, {
        name: meta.name,
        connectionId: meta.connectionId,
        bytes,
      });
      reply.code(201);
      return dataFileJson(row, url);
    },
  );

  app.put(
    '/api/v1/data-files/:id',
    { schema: { tags: ['data-files'], params: idParams, consumes: ['multipart/form-data'] } },
    async (request, reply) => {
      const user = userOf(request);
      const existing = await requireDataFile(db, user, request.params.id, 'data:write');
      const { bytes, meta } = await readUpload(request, maxBytes);
      const row = await storeDataFile(platform, user, {
        name: meta.name,
        connectionId: meta.connectionId ?? existing.space_id ?? undefined,
        bytes,
        replaceId: existing.id,
      });
      reply.code(201);
      return dataFileJson(row, url);
    },
  );

  app.get(
    '/api/v1/data-files',
    {
      schema: {
        tags: ['data-files'],
        querystring: z.object({
          connectionId: z.string().max(100).optional(),
          name: z.string().optional(),
          ownerId: z.string().optional(),
          sort: z.string().optional(),
          limit: limitParam,
          page: z.string().optional(),
        }),
      },
    },
    async (request) => {
      const user = userOf(request);
      const q = request.query;
      const target = await connectionTarget(db, user, q.connectionId, 'data:read');
      let query = db.selectFrom('data_files').selectAll().where('tenant_id', '=', user.tenantId);
      query =
        target.spaceId === null
          ? query.where('scope_key', '=', `personal:${user.userId}`)
          : query.where('space_id', '=', target.spaceId);
      const rows = (await query.execute())
        .filter((r) => !q.name || r.name === q.name)
        .filter((r) => !q.ownerId || r.owner_id === q.ownerId)
        .sort(
          sorter(
            q.sort,
            {
              name: (r) => r.name.toLowerCase(),
              size: (r) => r.size,
              modifiedDate: (r) => r.updated_at,
            },
            '+name',
          ),
        );
      return page(
        url,
        request,
        rows.map((r) => dataFileJson(r, url)),
        {
          limit: q.limit,
          offset: decodeCursor(q.page, 'page'),
          nextParam: 'page',
          prevParam: 'page',
        },
      );
    },
  );

  app.get(
    '/api/v1/data-files/connections',
    {
      schema: {
        tags: ['data-files'],
        querystring: z.object({
          spaceId: z.string().max(100).optional(),
          personal: z.coerce.boolean().optional(),
          limit: limitParam,
          page: z.string().optional(),
        }),
      },
    },
    async (request) => {
      const user = userOf(request);
      const q = request.query;
      const spaces = (await listVisibleSpaces(db, user)).filter(({ row, roles }) => {
        const actions = resourceActions(user, {
          kind: 'space',
          id: row.id,
          tenantId: row.tenant_id,
          ownerId: row.owner_id,
          space: { id: row.id, tenantId: row.tenant_id, type: row.type, ownerId: row.owner_id },
          callerSpaceRoles: roles,
        });
        return actions.has('data:read') || actions.has('data:write');
      });
      const all = [
        ...(q.spaceId ? [] : [connectionJson(null, null, user.userId)]),
        ...spaces
          .filter(({ row }) => !q.personal && (!q.spaceId || row.id === q.spaceId))
          .map(({ row }) => connectionJson(row.id, row.name, user.userId)),
      ];
      return page(url, request, all, {
        limit: q.limit,
        offset: decodeCursor(q.page, 'page'),
        nextParam: 'page',
        prevParam: 'page',
      });
    },
  );

  app.get(
    '/api/v1/data-files/connections/:id',
    { schema: { tags: ['data-files'], params: idParams } },
    async (request) => {
      const user = userOf(request);
      const target = await connectionTarget(db, user, request.params.id, 'data:read');
      return connectionJson(target.spaceId, target.spaceName, user.userId);
    },
  );

  app.get('/api/v1/data-files/quotas', { schema: { tags: ['data-files'] } }, async (request) => {
    const user = userOf(request);
    return {
      allowedExtensions: ALLOWED_EXTENSIONS.map((e) => `.${e}`),
      allowedInternalExtensions: [],
      maxFileSize: maxBytes,
      maxLargeFileSize: maxBytes,
      maxSize: platform.config.tenantQuotaMb * 1024 * 1024,
      size: await tenantUsage(db, user.tenantId),
    };
  });

  app.get(
    '/api/v1/data-files/:id',
    { schema: { tags: ['data-files'], params: idParams } },
    async (request) => {
      const user = userOf(request);
      return dataFileJson(await requireDataFile(db, user, request.params.id, 'data:read'), url);
    },
  );

  app.delete(
    '/api/v1/data-files/:id',
    { schema: { tags: ['data-files'], params: idParams } },
    async (request, reply) => {
      const user = userOf(request);
      await deleteDataFile(platform, user, request.params.id);
      reply.code(204);
    },
  );
}
