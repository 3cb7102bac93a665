import type { FastifyPluginAsync } from 'fastify';
import type { EngineApiDeps } from '../engine-api/index.js';
import type { CairnApp } from '../http/types.js';

/**
 * Registers the Engine API (`/app/{appId}` over WebSocket) when this build has it. The plugin is
 * looked up by name so the platform keeps working while the Engine API is being built.
 */
export async function registerEngineApi(app: CairnApp, deps: EngineApiDeps): Promise<boolean> {
  const engineApi: Record<string, unknown> = await import('../engine-api/index.js');
  const factory = engineApi.engineApiPlugin;
  if (typeof factory !== 'function') {
    deps.logger.warn('the Engine API is not part of this build; /app/{appId} is unavailable');
    return false;
  }
  await app.register((factory as (deps: EngineApiDeps) => FastifyPluginAsync)(deps));
  return true;
}
