import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, SESSION_COOKIE } from '../auth/authenticate.js';
import type { Platform } from '../services/platform.js';
import { ApiError } from './errors.js';
import { safeEqual } from './ids.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a credential (health, product info, sign-in). */
    public?: boolean;
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Establishes `request.principal` and binds tenant and user ids to the request's logger. */
export function authenticateHook(platform: Platform) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    request.principal = await authenticate(platform.store.db, platform.config.operatorKey, {
      authorization: request.headers.authorization,
      sessionCookie: request.cookies[SESSION_COOKIE],
    });
    const p = request.principal;
    if (p?.kind === 'user') {
      // Both loggers: Fastify writes "request completed" through reply.log.
      request.log = request.log.child({ tenantId: p.tenantId, userId: p.userId });
      reply.log = request.log;
      await checkHost(platform, request, p.tenantId);
    }
  };
}

/**
 * One server serves every tenant; where a tenant has hostnames, a request arriving on another
 * tenant's hostname is treated as not found, whatever credential it carries.
 */
// Known shortcoming: reads every tenant's hostnames per request; cache them once tenants are many.
async function checkHost(platform: Platform, request: FastifyRequest, tenantId: string) {
  const host = request.hostname.replace(/:\d+$/, '').toLowerCase();
  const rows = await platform.store.db.selectFrom('tenants').select(['id', 'hostnames']).execute();
  const owner = rows.find((r) => (JSON.parse(r.hostnames) as string[]).includes(host));
  if (owner && owner.id !== tenantId) {
    throw new ApiError('HTTP-404', `nothing at ${request.url.split('?')[0]} on ${host}`);
  }
}

/** Every non-public route needs a principal; cookie-authenticated writes need the CSRF token. */
export async function guardHook(request: FastifyRequest, _reply: FastifyReply) {
  if (request.routeOptions.config.public) return;
  if (!request.url.startsWith('/api/')) return;
  const p = request.principal;
  if (p === null)
    throw new ApiError(
      'HTTP-401',
      'a valid API key (Authorization: Bearer) or session is required',
    );
  if (p.kind === 'user' && p.via === 'session' && WRITE_METHODS.has(request.method)) {
    const sent = request.headers['qlik-csrf-token'];
    if (typeof sent !== 'string' || !p.csrfToken || !safeEqual(sent, p.csrfToken)) {
      throw new ApiError(
        'CSRF-TOKEN-2',
        'send the token from GET /api/v1/csrf-token as header qlik-csrf-token',
      );
    }
  }
}
