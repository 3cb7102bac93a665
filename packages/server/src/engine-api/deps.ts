import type { IncomingHttpHeaders } from 'node:http';
import type { DataModel } from '@cairn/engine';
import type { FastifyBaseLogger } from 'fastify';

/**
 * The seam between the Engine API and the platform. The platform implements `EngineApiDeps` and
 * registers `engineApiPlugin(deps)`; the Engine API never touches the database, blob store, auth
 * tables or reload queue itself. Every call is scoped by the principal, so tenancy and space-role
 * checks stay in the platform's one place.
 */

/** JSON as it travels on the wire and is stored for generic objects. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Who is on the other end of a WebSocket, as the platform authenticated the upgrade request. */
export interface EnginePrincipal {
  readonly tenantId: string;
  readonly userId: string;
  /** Shown by `GetAuthenticatedUser`; defaults to the user id. */
  readonly userName?: string;
  /** How the socket was authenticated; logged, never the secret itself. */
  readonly via: 'api-key' | 'session-cookie';
}

/** The upgrade request as the platform needs it to authenticate (cookies unparsed). */
export interface UpgradeRequest {
  readonly headers: IncomingHttpHeaders;
  /** Path and query, e.g. `/app/abc?qlik-csrf-token=...`. */
  readonly url: string;
  readonly remoteAddress: string | undefined;
}

/**
 * What a principal may do in one app, derived by the platform from the app's space role
 * (docs' role table): consumers read and select; editors also change objects and scripts.
 */
export interface AppRights {
  readonly read: boolean;
  readonly select: boolean;
  /** CreateObject / SetProperties / DestroyObject on persisted objects and master items. */
  readonly editObjects: boolean;
  /** SetScript + DoSave. */
  readonly editScript: boolean;
  readonly reload: boolean;
}

/**
 * One persisted generic object of an app: sheets, charts, master dimensions (`qInfo.qType`
 * 'dimension'), master measures ('measure'), variables ('variable'). `properties` is the full
 * property tree as `GetProperties` returns it, including `qInfo`.
 */
export interface StoredObject {
  readonly id: string;
  readonly type: string;
  /** Id of the owning object for children (sheet cells, filter-pane list boxes); null at top. */
  readonly parentId: string | null;
  readonly properties: JsonObject;
}

export interface AppMeta {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly spaceId: string | null;
  /** ISO timestamps; null when never reloaded. */
  readonly lastReloadTime: string | null;
  readonly modifiedDate: string;
  readonly published: boolean;
  readonly thumbnail: string | null;
  /** Custom app properties (`SetAppProperties` keys that are not q-prefixed). */
  readonly custom: JsonObject;
}

/** A variable the last reload's script created (`SET`/`LET`); read-only in the Engine API. */
export interface ScriptVariable {
  readonly name: string;
  /** Its definition as text (what `SET` assigned, or the `LET` result). */
  readonly definition: string;
}

/** An app as opened for one principal. */
export interface AppDocument {
  readonly meta: AppMeta;
  /**
   * Changes whenever the data model changes (a published reload). Key of the shared model cache:
   * every session of the same app version shares one loaded model.
   */
  readonly version: string;
  readonly rights: AppRights;
  readonly script: string;
  readonly objects: readonly StoredObject[];
  readonly scriptVariables: readonly ScriptVariable[];
  /** Loads (decrypts, deserializes) the model of `version`; null when never reloaded. */
  loadModel(): Promise<DataModel | null>;
}

/** Raised by deps to tell the Engine API what went wrong; mapped to engine error codes. */
export class EngineDepsError extends Error {
  constructor(
    readonly kind: 'not-found' | 'forbidden' | 'conflict' | 'invalid' | 'unavailable',
    message: string,
  ) {
    super(message);
  }
}

/** A reload the platform queued; the Engine API follows it for DoReload / GetProgress. */
export interface ReloadHandle {
  readonly id: string;
  /** Subscribe to log lines as the reload writes them; returns an unsubscribe. */
  onLog(listener: (line: string) => void): () => void;
  /** Settles when the reload ends; success means a new version was published. */
  readonly done: Promise<{ readonly success: boolean; readonly error?: string }>;
  cancel(): void;
}

/** Result of running a script for a session app (never persisted). */
export interface SessionAppReload {
  readonly model: DataModel;
  readonly variables: readonly ScriptVariable[];
}

export type AppEvent =
  | { readonly type: 'reloaded'; readonly tenantId: string; readonly appId: string }
  | { readonly type: 'deleted'; readonly tenantId: string; readonly appId: string };

export interface EngineApiDeps {
  readonly logger: FastifyBaseLogger;
  /** Engine memory budget in MB (CAIRN_ENGINE_MEMORY_MB); idle models over it unload LRU. */
  readonly memoryBudgetMb: number;
  /**
   * Authenticates a WebSocket upgrade: `Authorization: Bearer <api key>`, or the session cookie
   * plus a CSRF token (`qlik-csrf-token` query parameter or `X-Qlik-Csrf-Token` header).
   * Returns null when unauthenticated (the upgrade is refused with 401).
   */
  authenticate(request: UpgradeRequest): Promise<EnginePrincipal | null>;
  /** Apps the principal can open (`GetDocList`). */
  listApps(principal: EnginePrincipal): Promise<readonly AppMeta[]>;
  /** Throws EngineDepsError 'not-found' (unknown or not visible) or 'forbidden'. */
  openApp(principal: EnginePrincipal, appId: string): Promise<AppDocument>;
  /** Persists created / changed objects and removes deleted ones (ids); checks editObjects. */
  saveObjects(
    principal: EnginePrincipal,
    appId: string,
    change: { readonly upsert: readonly StoredObject[]; readonly remove: readonly string[] },
  ): Promise<void>;
  /** Stores a new script version (the one REST shows); checks editScript. */
  saveScript(principal: EnginePrincipal, appId: string, script: string): Promise<void>;
  /** Stores app title / description / custom properties (`SetAppProperties`). */
  saveAppProperties(
    principal: EnginePrincipal,
    appId: string,
    change: { readonly name?: string; readonly description?: string; readonly custom?: JsonObject },
  ): Promise<void>;
  /** Queues a reload of the stored script through the platform's reload machinery. */
  reload(
    principal: EnginePrincipal,
    appId: string,
    options: { readonly partial: boolean },
  ): Promise<ReloadHandle>;
  /**
   * Runs a script for a session app (`CreateSessionApp` + `SetScript` + `DoReload`) in the same
   * sandbox as reloads, without persisting anything.
   */
  runSessionScript(
    principal: EnginePrincipal,
    script: string,
    onLog: (line: string) => void,
  ): Promise<SessionAppReload>;
  /** Subscribes to app lifecycle events; returns an unsubscribe. */
  subscribe(listener: (event: AppEvent) => void): () => void;
}
