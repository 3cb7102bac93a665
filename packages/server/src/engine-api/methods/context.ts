import type { AppRegistry } from '../app/app-registry.js';
import type { SharedApp } from '../app/shared-app.js';
import type { Calculator } from '../calc/calculator.js';
import type { EngineApiDeps, Json, JsonObject } from '../deps.js';
import { EngineError, ErrorCode } from '../protocol/engine-error.js';
import type { Params } from '../protocol/params.js';
import type { DocSession } from '../session/doc-session.js';
import type { EngineSession } from '../session/engine-session.js';
import type { HandleClass, HandleEntry } from '../session/handle-table.js';
import type { SessionRegistry } from '../session/session-registry.js';
import type { Connection } from '../transport/connection.js';
import type { EngineLimits } from '../transport/limits.js';

/** Everything the Engine API shares across sessions: built once by the plugin. */
export interface EngineEnv {
  readonly deps: EngineApiDeps;
  readonly limits: EngineLimits;
  readonly apps: AppRegistry;
  readonly sessions: SessionRegistry;
  /** Persisted side of open apps, by tenant + app id. */
  readonly sharedApps: Map<string, SharedApp>;
  /** Session apps (CreateSessionApp) by tenant + user + id, with their in-memory model. */
  readonly sessionApps: Map<string, { shared: SharedApp; calculator: Calculator | null }>;
  readonly createCalculator: (model: import('@cairn/engine').DataModel) => Calculator;
}

export interface MethodContext {
  readonly env: EngineEnv;
  readonly connection: Connection;
  readonly session: EngineSession;
  readonly entry: HandleEntry;
  readonly requestId: number | string | null;
}

export type Method = (ctx: MethodContext, params: Params) => Promise<JsonObject> | JsonObject;

export type MethodTable = Partial<Record<HandleClass, Record<string, Method>>>;

export function docOf(ctx: MethodContext): DocSession {
  const doc = ctx.session.doc;
  if (!doc) {
    throw new EngineError(ErrorCode.appNotOpen, 'Doc', 'App not open: call OpenDoc first');
  }
  return doc;
}

/** `{qReturn:{qType, qHandle, qGenericType?, qGenericId}}` for a newly opened or found handle. */
export function qReturn(
  ctx: MethodContext,
  cls: HandleClass,
  id: string,
  type?: string,
): JsonObject {
  const entry = ctx.connection.handles.open(cls, id);
  const out: { [key: string]: Json } = { qType: cls, qHandle: entry.handle, qGenericId: id };
  if (type !== undefined) out.qGenericType = type;
  return { qReturn: out };
}
