import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { requireUser } from '../auth/access.js';
import type { Principal, UserPrincipal } from '../auth/principal.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export type CairnApp = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  Logger,
  ZodTypeProvider
>;

/** The signed-in user of a request (401 without one, 403 for the operator key). */
export function userOf(request: FastifyRequest): UserPrincipal {
  return requireUser(request.principal);
}

/** OpenAPI extension marking how settled an endpoint's shape is. */
export function stability(level: 'stable' | 'experimental') {
  return { 'x-stability': level } as Record<string, unknown>;
}
