import { type EngineApiDeps, engineApiPlugin } from '../engine-api/index.js';
import type { CairnApp } from '../http/types.js';

/** Registers the Engine API (QIX JSON-RPC over WebSocket at `/app/{appId}`). */
export async function registerEngineApi(app: CairnApp, deps: EngineApiDeps): Promise<void> {
  await app.register(engineApiPlugin(deps));
}
