import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { AppRegistry } from '../app/app-registry.js';
import { refreshApp } from '../app/doc-opener.js';
import type { Calculator } from '../calc/calculator.js';
import type { EngineApiDeps, EnginePrincipal } from '../deps.js';
import type { EngineEnv } from '../methods/context.js';
import { createDispatch } from '../methods/dispatch.js';
import { SessionRegistry } from '../session/session-registry.js';
import { Connection } from './connection.js';
import { CloseCode, DEFAULT_LIMITS, type EngineLimits } from './limits.js';
import { parseEngineRoute } from './route.js';

export interface EngineApiOptions {
  readonly limits?: Partial<EngineLimits>;
  /** Builds the calculator over a loaded model (defaults to the in-process engine). */
  readonly createCalculator: (model: import('@cairn/engine').DataModel) => Calculator;
  /** Handed the live counters once the plugin is registered (the platform's metrics read them). */
  readonly onStats?: (stats: EngineStats) => void;
}

/** What the Engine API holds right now, read on demand. */
export interface EngineStats {
  sessions(): number;
  appsInMemory(): number;
  residentBytes(): number;
}

/**
 * Registers the Engine API's WebSocket routes (`/app/...`) on a Fastify instance. Upgrades are
 * authenticated by the platform's `deps.authenticate` before the socket opens (401 otherwise).
 * Plain HTTP GETs under `/app/` fall through to the not-found handler, so the hub may serve
 * client-side routes there.
 */
export function createEngineApiPlugin(
  deps: EngineApiDeps,
  options: EngineApiOptions,
): FastifyPluginAsync {
  return async (fastify: FastifyInstance) => {
    const limits: EngineLimits = { ...DEFAULT_LIMITS, ...options.limits };
    if (!fastify.hasDecorator('websocketServer')) {
      await fastify.register(websocket, { options: { maxPayload: limits.maxFrameBytes } });
    }
    const logger = deps.logger.child({ component: 'engine-api' });
    const sessions = new SessionRegistry(logger);
    const env: EngineEnv = {
      deps,
      limits,
      apps: new AppRegistry(deps.memoryBudgetMb * 1024 * 1024, options.createCalculator, logger),
      sessions,
      sharedApps: new Map(),
      sessionApps: new Map(),
      createCalculator: options.createCalculator,
    };
    options.onStats?.({
      sessions: () => sessions.count,
      appsInMemory: () => env.apps.loadedCount,
      residentBytes: () => env.apps.residentBytes,
    });
    const unsubscribe = deps.subscribe((event) => {
      if (event.type === 'deleted') {
        for (const session of sessions.sessionsOfApp(event.tenantId, event.appId)) {
          session.end(CloseCode.appDeleted, 'App deleted');
        }
        env.sharedApps.delete(`${event.tenantId}\u0000${event.appId}`);
      } else {
        refreshApp(env, event.tenantId, event.appId).catch((error: unknown) =>
          logger.error({ err: error, appId: event.appId }, 'engine refresh after reload failed'),
        );
      }
    });
    fastify.addHook('onClose', async () => {
      unsubscribe();
      sessions.endAll();
    });

    const principals = new WeakMap<FastifyRequest, EnginePrincipal>();
    fastify.route({
      method: 'GET',
      url: '/app/*',
      preValidation: async (request, reply) => {
        if (!request.ws) return;
        const principal = await deps.authenticate({
          headers: request.headers,
          url: request.url,
          remoteAddress: request.socket.remoteAddress,
        });
        if (!principal) {
          await reply.code(401).send({
            errors: [{ code: 'UNAUTHORIZED', title: 'Authentication required' }],
          });
          return;
        }
        principals.set(request, principal);
      },
      handler: (_request, reply) => reply.callNotFound(),
      wsHandler: (socket, request) => {
        const principal = principals.get(request);
        const sessionHeader = request.headers['x-qlik-session'];
        const route = parseEngineRoute(
          request.url,
          typeof sessionHeader === 'string' ? sessionHeader : undefined,
          limits.maxTtlSeconds,
        );
        if (!principal || !route) {
          socket.close(CloseCode.policy, route ? 'Unauthenticated' : 'Bad engine URL');
          return;
        }
        const session = sessions.obtain(principal, route.appId, route.identity, route.ttlSeconds);
        const connection = new Connection(
          socket,
          session,
          createDispatch(env, session),
          limits,
          session.logger,
        );
        const attached = session.attach(connection);
        connection.notify('OnConnected', {
          qSessionState: attached ? 'SESSION_ATTACHED' : 'SESSION_CREATED',
        });
      },
    });
  };
}
