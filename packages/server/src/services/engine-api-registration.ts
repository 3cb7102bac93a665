import { type EngineApiDeps, type EngineStats, engineApiPlugin } from '../engine-api/index.js';
import type { CairnApp } from '../http/types.js';

/** Registers the Engine API (QIX JSON-RPC over WebSocket at `/app/{appId}`). */
export async function registerEngineApi(
  app: CairnApp,
  deps: EngineApiDeps,
  onStats?: (stats: EngineStats) => void,
): Promise<void> {
  await app.register(engineApiPlugin(deps, onStats ? { onStats } : {}));
}
