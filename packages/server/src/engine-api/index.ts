import type { FastifyPluginAsync } from 'fastify';
import { createEngineCalculator } from './calc/engine-calculator.js';
import type { EngineApiDeps } from './deps.js';
import type { EngineLimits } from './transport/limits.js';
import { createEngineApiPlugin, type EngineStats } from './transport/plugin.js';

export type {
  AppDocument,
  AppEvent,
  AppMeta,
  AppRights,
  EngineApiDeps,
  EnginePrincipal,
  Json,
  JsonObject,
  ReloadHandle,
  ScriptVariable,
  SessionAppReload,
  StoredObject,
  UpgradeRequest,
} from './deps.js';
export { EngineDepsError } from './deps.js';
export { DEFAULT_LIMITS, type EngineLimits } from './transport/limits.js';
export type { EngineStats } from './transport/plugin.js';

/**
 * The Engine API (QIX JSON-RPC over WebSocket at `/app/...`) as a Fastify plugin. The platform
 * implements `deps` and registers it: `app.register(engineApiPlugin(deps))`. It registers
 * @fastify/websocket itself unless the instance already has it.
 */
export function engineApiPlugin(
  deps: EngineApiDeps,
  options: {
    readonly limits?: Partial<EngineLimits>;
    readonly onStats?: (stats: EngineStats) => void;
  } = {},
): FastifyPluginAsync {
  return createEngineApiPlugin(deps, {
    createCalculator: createEngineCalculator,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.onStats ? { onStats: options.onStats } : {}),
  });
}
