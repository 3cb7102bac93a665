import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { ReloadQueue } from '../reloads/reload-queue.js';
import { apiKeyRoutes } from '../routes/api-key-routes.js';
import { appRoutes } from '../routes/app-routes.js';
import { auditRoutes } from '../routes/audit-routes.js';
import { dataFileRoutes } from '../routes/data-file-routes.js';
import { itemRoutes } from '../routes/item-routes.js';
import { reloadRoutes } from '../routes/reload-routes.js';
import { sessionRoutes } from '../routes/session-routes.js';
import { spaceRoutes } from '../routes/space-routes.js';
import { PRODUCT_VERSION, systemRoutes } from '../routes/system-routes.js';
import { tenantRoutes } from '../routes/tenant-routes.js';
import { userRoutes } from '../routes/user-routes.js';
import type { Platform } from '../services/platform.js';
import { handleError } from './error-handler.js';
import { ApiError, errorBody } from './errors.js';
import { newTraceId } from './ids.js';
import { authenticateHook, guardHook } from './request-auth.js';
import type { CairnApp } from './types.js';

const ROUTES = new WeakMap<object, Array<{ method: string; url: string }>>();

/** Every route the app registered (method and URL pattern), for coverage checks in tests. */
export function registeredRoutes(app: CairnApp): ReadonlyArray<{ method: string; url: string }> {
  return ROUTES.get(app) ?? [];
}

/**
 * Stability per OpenAPI tag: endpoints that reproduce Qlik Cloud's published shapes are
 * `stable`; Cairn's own additions may still change. A route can override with `x-stability`.
 */
const TAG_STABILITY: Record<string, 'stable' | 'experimental'> = {
  spaces: 'stable',
  apps: 'stable',
  'data-files': 'stable',
  reloads: 'stable',
  items: 'stable',
  audits: 'stable',
  users: 'stable',
  roles: 'stable',
  'api-keys': 'stable',
  health: 'experimental',
  tenants: 'experimental',
  sessions: 'experimental',
};

function withStability(schema: Record<string, unknown>): Record<string, unknown> {
  if (schema['x-stability'] !== undefined) return schema;
  const tag = (schema.tags as string[] | undefined)?.[0] ?? '';
  return { ...schema, 'x-stability': TAG_STABILITY[tag] ?? 'experimental' };
}

export interface HttpOptions {
  /** Folder of the built hub (packages/hub/dist); served at `/` when it exists. */
  readonly hubDir?: string | null;
  /** Registers extra routes (the Engine API plugin) before the app is ready. */
  readonly extend?: (app: CairnApp) => Promise<void> | void;
}

/** Builds the Fastify instance: plugins, auth hooks, error envelope and every route. */
export async function buildHttpApp(
  platform: Platform,
  queue: ReloadQueue,
  logger: Logger,
  options: HttpOptions = {},
): Promise<CairnApp> {
  const app = Fastify({
    loggerInstance: logger,
    genReqId: () => newTraceId(),
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    forceCloseConnections: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('principal', null);
  app.setErrorHandler(handleError);
  const routes: Array<{ method: string; url: string }> = [];
  ROUTES.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url });
    }
  });

  // The hub loads only its own bundled scripts, so scripts need no 'unsafe-inline'; the chart
  // packages inject <style> tags (MUI/emotion), which is why styles do.
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: platform.config.uploadMaxMb * 1024 * 1024, files: 2, parts: 3 },
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Cairn REST API', version: PRODUCT_VERSION },
      servers: [{ url: platform.config.publicUrl }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      // Routes without a schema are the Engine API's WebSocket upgrade: not a REST operation.
      if (!out.schema) return { ...out, schema: { hide: true } };
      return { ...out, schema: withStability(out.schema as Record<string, unknown>) };
    },
  });

  app.addHook('onRequest', authenticateHook(platform));
  app.addHook('preHandler', guardHook);
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', String(request.id));
    return payload;
  });

  systemRoutes(app, platform, queue);
  tenantRoutes(app, platform);
  userRoutes(app, platform);
  sessionRoutes(app, platform);
  apiKeyRoutes(app, platform);
  spaceRoutes(app, platform);
  appRoutes(app, platform);
  dataFileRoutes(app, platform);
  reloadRoutes(app, platform, queue);
  itemRoutes(app, platform);
  auditRoutes(app, platform);
  if (options.extend) await options.extend(app);

  // The browsable API reference; outside /api/ so it needs no credentials, like the spec itself.
  await app.register(swaggerUi, {
    routePrefix: '/api-docs',
    staticCSP: true,
    transformSpecificationClone: true,
  });

  app.get('/api/v1/openapi.json', { schema: { hide: true }, config: { public: true } }, async () =>
    app.swagger(),
  );

  const hubDir = options.hubDir ?? null;
  if (hubDir !== null && existsSync(hubDir)) {
    await app.register(fastifyStatic, { root: hubDir, wildcard: false });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isApi =
      path.startsWith('/api/') || path.startsWith('/resources/') || path.startsWith('/app/');
    // Client-side routes of the hub get its index.html (SPA fallback).
    if (!isApi && request.method === 'GET' && hubDir !== null && existsSync(hubDir)) {
      return reply.type('text/html').sendFile('index.html');
    }
    const error = new ApiError('HTTP-404', `no route ${request.method} ${path}`);
    return reply.code(404).send(errorBody(error, String(request.id)));
  });
  return app;
}
