import type { DataModel } from '@cairn/engine';
import pino from 'pino';
import type {
  AppEvent,
  AppMeta,
  AppRights,
  EngineApiDeps,
  EnginePrincipal,
  JsonObject,
  ReloadHandle,
  ScriptVariable,
  StoredObject,
} from '../deps.js';
import { EngineDepsError } from '../deps.js';

/**
 * An in-memory platform for the Engine API's tests: apps with objects, scripts and models, API
 * keys mapping to principals with a role per app, a reload that publishes a model a test picks,
 * and app events. It records what was saved so tests can check what reached the platform.
 */
export interface FakeApp {
  meta: AppMeta;
  version: number;
  script: string;
  scriptVersions: string[];
  objects: Map<string, StoredObject>;
  scriptVariables: ScriptVariable[];
  model: DataModel | null;
}

export type Role = 'consumer' | 'editor';

const RIGHTS: Record<Role, AppRights> = {
  consumer: { read: true, select: true, editObjects: false, editScript: false, reload: false },
  editor: { read: true, select: true, editObjects: true, editScript: true, reload: true },
};

export class FakeDeps implements EngineApiDeps {
  readonly logger = pino({ level: process.env.ENGINE_API_TEST_LOG ?? 'silent' });
  memoryBudgetMb = 256;
  readonly apps = new Map<string, FakeApp>();
  /** API key → principal and role. */
  readonly keys = new Map<string, { principal: EnginePrincipal; role: Role }>();
  /** What the next reload publishes, or an error text to fail with. */
  nextReload: { model: DataModel; log: string[] } | { error: string; log: string[] } | null = null;
  /** When set, reloads wait for it before they finish (to hold a request in flight). */
  reloadGate: Promise<void> | null = null;
  private readonly listeners = new Set<(event: AppEvent) => void>();

  addKey(key: string, tenantId: string, userId: string, role: Role): void {
    this.keys.set(key, { principal: { tenantId, userId, via: 'api-key' }, role });
  }

  addApp(id: string, model: DataModel | null, script = '', objects: StoredObject[] = []): FakeApp {
    const app: FakeApp = {
      meta: {
        id,
        name: `App ${id}`,
        description: '',
        spaceId: null,
        lastReloadTime: null,
        modifiedDate: '2026-01-01T00:00:00.000Z',
        published: false,
        thumbnail: null,
        custom: {},
      },
      version: 1,
      script,
      scriptVersions: [script],
      objects: new Map(objects.map((o) => [o.id, o])),
      scriptVariables: [],
      model,
    };
    this.apps.set(id, app);
    return app;
  }

  private app(id: string): FakeApp {
    const app = this.apps.get(id);
    if (!app) throw new EngineDepsError('not-found', `no app ${id}`);
    return app;
  }

  private role(principal: EnginePrincipal): Role {
    for (const entry of this.keys.values()) {
      if (entry.principal.userId === principal.userId) return entry.role;
    }
    return 'consumer';
  }

  async authenticate(request: { headers: Record<string, unknown> }) {
    const header = request.headers.authorization;
    const key = typeof header === 'string' ? header.replace(/^Bearer /, '') : '';
    return this.keys.get(key)?.principal ?? null;
  }

  async listApps() {
    return [...this.apps.values()].map((a) => a.meta);
  }

  async openApp(principal: EnginePrincipal, appId: string) {
    const app = this.app(appId);
    return {
      meta: app.meta,
      version: String(app.version),
      rights: RIGHTS[this.role(principal)],
      script: app.script,
      objects: [...app.objects.values()],
      scriptVariables: app.scriptVariables,
      loadModel: async () => app.model,
    };
  }

  async saveObjects(
    principal: EnginePrincipal,
    appId: string,
    change: { upsert: readonly StoredObject[]; remove: readonly string[] },
  ) {
    if (!RIGHTS[this.role(principal)].editObjects) throw new EngineDepsError('forbidden', 'no');
    const app = this.app(appId);
    for (const object of change.upsert) app.objects.set(object.id, object);
    for (const id of change.remove) app.objects.delete(id);
  }

  async saveScript(_principal: EnginePrincipal, appId: string, script: string) {
    const app = this.app(appId);
    app.script = script;
    app.scriptVersions.push(script);
  }

  async saveAppProperties(
    _principal: EnginePrincipal,
    appId: string,
    change: { name?: string; description?: string; custom?: JsonObject },
  ) {
    const app = this.app(appId);
    app.meta = {
      ...app.meta,
      name: change.name ?? app.meta.name,
      description: change.description ?? app.meta.description,
      custom: { ...app.meta.custom, ...change.custom },
    };
  }

  async reload(_principal: EnginePrincipal, appId: string): Promise<ReloadHandle> {
    const app = this.app(appId);
    const plan = this.nextReload ?? { error: 'no reload planned', log: [] };
    const logListeners = new Set<(line: string) => void>();
    const done = (async () => {
      await new Promise((resolve) => setImmediate(resolve));
      for (const line of plan.log) for (const listener of logListeners) listener(line);
      if (this.reloadGate) await this.reloadGate;
      if ('error' in plan) return { success: false, error: plan.error };
      app.model = plan.model;
      app.version++;
      app.meta = { ...app.meta, lastReloadTime: new Date().toISOString() };
      this.emit({ type: 'reloaded', tenantId: 't1', appId });
      return { success: true };
    })();
    return {
      id: `reload-${app.version}`,
      onLog: (listener) => {
        logListeners.add(listener);
        return () => logListeners.delete(listener);
      },
      done,
      cancel: () => {},
    };
  }

  async runSessionScript() {
    const plan = this.nextReload;
    if (!plan || 'error' in plan) throw new EngineDepsError('invalid', 'script failed');
    return { model: plan.model, variables: [] };
  }

  subscribe(listener: (event: AppEvent) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: AppEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
