import type { ModelLease } from '../app/app-registry.js';
import type { SharedApp } from '../app/shared-app.js';
import type { CalcInputs, Calculator, Selections, VariableValue } from '../calc/calculator.js';
import type { AppRights, EngineApiDeps, Json, JsonObject, StoredObject } from '../deps.js';
import { applyPatch, clone, type Patch } from '../layout/json-pointer.js';
import { dependsOnData, listKinds } from '../layout/layout-builder.js';
import { accessDenied, EngineError, ErrorCode, objectNotFound } from '../protocol/engine-error.js';
import type { EngineLimits } from '../transport/limits.js';
import type { EngineSession } from './engine-session.js';
import type { HandleEntry } from './handle-table.js';
import { newObjectId } from './object-id.js';
import type { SessionRegistry } from './session-registry.js';

/** A generic object as a session sees it: persisted in the app, or living in this session. */
export interface ObjectRecord {
  readonly id: string;
  readonly type: string;
  readonly parentId: string | null;
  readonly properties: JsonObject;
  readonly persisted: boolean;
}

export interface ModalState {
  readonly objectId: string;
  readonly paths: readonly string[];
  /** Selection state when selection mode began: restored on cancel, keeps the object's rows. */
  readonly before: unknown;
  made: boolean;
}

export interface DocEnv {
  readonly deps: EngineApiDeps;
  readonly sessions: SessionRegistry;
  readonly limits: EngineLimits;
  /** Session apps by tenant + user + id; an entry goes when its last session does. */
  readonly sessionApps: Map<string, unknown>;
  /** Persisted side of open apps by tenant + app id; an entry goes when no session has it. */
  readonly sharedApps: Map<string, unknown>;
}

const LIST_OF_TYPE: Record<string, string> = {
  dimension: 'qDimensionListDef',
  measure: 'qMeasureListDef',
  variable: 'qVariableListDef',
  bookmark: 'qBookmarkListDef',
};

/**
 * The open app of one engine session: its selections and modal state, session objects, soft
 * patches and session variables over the shared persisted app and the shared model.
 */
export class DocSession {
  readonly sessionObjects = new Map<string, ObjectRecord>();
  private readonly softPatches = new Map<string, Patch[]>();
  selections: Selections | null;
  modal: ModalState | null = null;
  scriptDraft: string | null = null;
  /** The app version whose model this session computes on. */
  modelVersion: string;
  /** Active list-object searches (SearchListObjectFor) by object id + path. */
  readonly listSearches = new Map<string, string>();
  private readonly unsubscribe: () => void;

  constructor(
    readonly session: EngineSession,
    readonly shared: SharedApp,
    readonly rights: AppRights,
    private lease: ModelLease,
    readonly env: DocEnv,
  ) {
    this.selections = lease.calculator?.newSelections() ?? null;
    this.modelVersion = shared.version;
    this.unsubscribe = shared.subscribe(({ objectIds, origin }) => {
      this.objectsChanged(objectIds);
      // Other sessions learn of the change by a pushed message; the origin on its response.
      if (origin !== this) this.session.flushAll();
    });
  }

  get appId(): string {
    return this.shared.appId;
  }

  get calculator(): Calculator | null {
    return this.lease.calculator;
  }

  get script(): string {
    return this.scriptDraft ?? this.shared.script;
  }

  object(id: string): ObjectRecord | undefined {
    const own = this.sessionObjects.get(id);
    if (own) return own;
    const stored = this.shared.objects.get(id);
    return stored ? { ...stored, persisted: true } : undefined;
  }

  requireObject(id: string): ObjectRecord {
    const record = this.object(id);
    if (!record) throw objectNotFound(id);
    return record;
  }

  children(parentId: string): ObjectRecord[] {
    const own = [...this.sessionObjects.values()].filter((o) => o.parentId === parentId);
    const stored = this.shared.childrenOf(parentId).map((o) => ({ ...o, persisted: true }));
    return [...stored, ...own];
  }

  objectsOfType(type: string): ObjectRecord[] {
    const stored = [...this.shared.objects.values()]
      .filter((o) => o.type === type)
      .map((o) => ({ ...o, persisted: true }));
    const own = [...this.sessionObjects.values()].filter((o) => o.type === type);
    return [...stored, ...own];
  }

  /** Properties with this session's soft patches applied (GetEffectiveProperties, layouts). */
  effectiveProperties(id: string): JsonObject {
    const record = this.requireObject(id);
    const patches = this.softPatches.get(id);
    if (!patches || patches.length === 0) return record.properties;
    const effective = clone(record.properties);
    for (const patch of patches) applyPatch(effective, patch);
    return effective;
  }

  hasSoftPatches(id: string): boolean {
    return (this.softPatches.get(id)?.length ?? 0) > 0;
  }

  applySoftPatches(id: string, patches: readonly Patch[]): void {
    // Validate on a copy first, so one bad patch leaves nothing half-applied.
    const trial = clone(this.effectiveProperties(id));
    for (const patch of patches) applyPatch(trial, patch);
    this.softPatches.set(id, [...(this.softPatches.get(id) ?? []), ...patches]);
    this.objectsChanged([id]);
  }

  clearSoftPatches(id: string): void {
    if (this.softPatches.delete(id)) this.objectsChanged([id]);
  }

  /** Uses the requested id when free (nebula sends its own), otherwise generates one. */
  private freshId(requested: Json | undefined): string {
    if (typeof requested === 'string' && requested !== '' && !this.object(requested)) {
      return requested;
    }
    let id = newObjectId();
    while (this.object(id)) id = newObjectId();
    return id;
  }

  private withInfo(properties: JsonObject, id: string): JsonObject {
    const info = (properties.qInfo ?? {}) as JsonObject;
    return { ...properties, qInfo: { ...info, qId: id, qType: String(info.qType ?? '') } };
  }

  createSessionObject(properties: JsonObject, parentId: string | null = null): ObjectRecord {
    const { limits, sessions } = this.env;
    if (this.sessionObjects.size >= limits.maxSessionObjects) {
      throw new EngineError(
        ErrorCode.limitReached,
        'qProp',
        `Limit reached: a session may hold at most ${limits.maxSessionObjects} session objects`,
      );
    }
    const tenantId = this.session.principal.tenantId;
    if (!sessions.reserveObjects(tenantId, 1, limits.maxTenantObjects)) {
      throw new EngineError(
        ErrorCode.limitReached,
        'qProp',
        `Limit reached: the tenant's sessions hold ${limits.maxTenantObjects} session objects`,
      );
    }
    const id = this.freshId((properties.qInfo as JsonObject | undefined)?.qId);
    const props = this.withInfo(clone(properties), id);
    const record: ObjectRecord = {
      id,
      type: String((props.qInfo as JsonObject).qType),
      parentId,
      properties: props,
      persisted: false,
    };
    this.sessionObjects.set(id, record);
    this.objectsChanged([id]);
    return record;
  }

  /** CreateObject / CreateDimension / ...: persisted through the platform. */
  async createPersistedObject(
    properties: JsonObject,
    parentId: string | null = null,
  ): Promise<ObjectRecord> {
    this.requireEdit();
    const id = this.freshId((properties.qInfo as JsonObject | undefined)?.qId);
    const props = this.withInfo(clone(properties), id);
    const stored: StoredObject = {
      id,
      type: String((props.qInfo as JsonObject).qType),
      parentId,
      properties: props,
    };
    await this.persist([stored], []);
    return { ...stored, persisted: true };
  }

  async setProperties(id: string, properties: JsonObject): Promise<void> {
    const record = this.requireObject(id);
    const props = this.withInfo(clone(properties), id);
    if (record.persisted) {
      this.requireEdit();
      await this.persist([{ ...record, properties: props }], []);
    } else {
      this.sessionObjects.set(id, { ...record, properties: props });
      this.objectsChanged([id]);
    }
  }

  /** Destroys an object and its children; returns the ids removed. */
  async destroyObject(id: string, persisted: boolean): Promise<string[]> {
    const record = this.object(id);
    if (!record || record.persisted !== persisted) return [];
    const ids = [id, ...this.descendants(id)];
    if (persisted) {
      this.requireEdit();
      const removed = ids.filter((i) => this.shared.objects.has(i));
      await this.persist([], removed);
    }
    let ownRemoved = 0;
    for (const i of ids) {
      if (this.sessionObjects.delete(i)) ownRemoved++;
      this.softPatches.delete(i);
    }
    this.env.sessions.reserveObjects(this.session.principal.tenantId, -ownRemoved, 0);
    if (this.modal && ids.includes(this.modal.objectId)) this.modal = null;
    this.session.closeHandles((e) => e.cls !== 'Doc' && e.cls !== 'Field' && ids.includes(e.id));
    this.objectsChanged(ids);
    return ids;
  }

  private descendants(id: string): string[] {
    const out: string[] = [];
    for (const child of this.children(id)) out.push(child.id, ...this.descendants(child.id));
    return out;
  }

  private async persist(upsert: StoredObject[], remove: string[]): Promise<void> {
    const { principal } = this.session;
    // Session apps live only in memory (CreateSessionApp); nothing goes to the platform.
    if (!this.shared.isSessionApp) {
      await this.env.deps.saveObjects(principal, this.appId, { upsert, remove });
    }
    for (const object of upsert) this.shared.objects.set(object.id, object);
    for (const id of remove) this.shared.objects.delete(id);
    this.shared.notify([...upsert.map((o) => o.id), ...remove], this);
  }

  requireEdit(): void {
    if (!this.shared.isSessionApp && !this.rights.editObjects) {
      throw accessDenied('changing objects in this app needs the editor role');
    }
  }

  /** Variables as expressions see them: script-created, persisted, then session ones. */
  variables(): VariableValue[] {
    const byName = new Map<string, VariableValue>();
    for (const v of this.shared.scriptVariables) byName.set(v.name, v);
    for (const record of this.objectsOfType('variable')) {
      const name = record.properties.qName;
      if (typeof name === 'string') {
        byName.set(name, { name, definition: String(record.properties.qDefinition ?? '') });
      }
    }
    return [...byName.values()];
  }

  inputs(selections: Selections | null = this.selections): CalcInputs | null {
    if (!selections) return null;
    return { selections, variables: this.variables() };
  }

  /**
   * Runs a change of the selection state; when its hash moves, every data-dependent handle of
   * the session is invalidated (reported once in `change`). Returns the change's own result.
   */
  changeSelections<T>(change: (selections: Selections) => T): T {
    const selections = this.selections;
    if (!selections) {
      throw new EngineError(ErrorCode.appInvalid, 'selections', 'App has no data: reload it first');
    }
    const before = selections.hash();
    const result = change(selections);
    if (selections.hash() !== before) {
      if (this.modal) this.modal.made = true;
      this.invalidateData();
    }
    return result;
  }

  /** Invalidates every handle whose layout depends on data, selections or variables. */
  invalidateData(): void {
    this.session.invalidate((entry) => this.dependsOnData(entry));
  }

  invalidateAll(): void {
    this.session.invalidate(() => true);
  }

  invalidateObject(id: string): void {
    this.session.invalidate((entry) => entry.cls === 'GenericObject' && entry.id === id);
  }

  private dependsOnData(entry: HandleEntry): boolean {
    if (entry.cls === 'GenericObject') {
      const record = this.object(entry.id);
      return !!record && dependsOnData(this.effectiveProperties(entry.id));
    }
    if (entry.cls === 'GenericVariable') {
      const record = this.object(entry.id);
      return String(record?.properties.qDefinition ?? '').startsWith('=');
    }
    return entry.cls === 'GenericDimension' || entry.cls === 'GenericMeasure';
  }

  /** Objects were created, changed or removed: invalidate them and whatever lists them. */
  objectsChanged(ids: readonly string[]): void {
    const types = new Set<string>();
    const parents = new Set<string>();
    let master = false;
    for (const id of ids) {
      const record = this.object(id);
      const stored = record ?? this.shared.objects.get(id);
      if (stored) {
        types.add(stored.type);
        if (stored.parentId) parents.add(stored.parentId);
      }
      if (!record) master = true;
    }
    for (const type of types) if (type in LIST_OF_TYPE) master = true;
    this.session.invalidate((entry) => {
      if (ids.includes(entry.id)) return true;
      if (entry.cls !== 'GenericObject') return false;
      if (parents.has(entry.id)) return true;
      const record = this.object(entry.id);
      if (!record) return false;
      const props = this.effectiveProperties(entry.id);
      const kinds = listKinds(props);
      if (kinds.has('qAppObjectListDef')) return true;
      for (const type of types) {
        const list = LIST_OF_TYPE[type];
        if (list && kinds.has(list)) return true;
      }
      // Master items and variables feed expressions and library references.
      return master && dependsOnData(props);
    });
  }

  /** A published reload: take the new model and version, reset selections, invalidate all. */
  async swapModel(lease: ModelLease, version: string): Promise<void> {
    this.lease.release();
    this.lease = lease;
    this.modelVersion = version;
    this.selections = lease.calculator?.newSelections() ?? null;
    this.modal = null;
    this.invalidateAll();
  }

  dispose(): void {
    this.unsubscribe();
    const { tenantId, userId } = this.session.principal;
    if (this.shared.subscriberCount === 0) {
      if (this.shared.isSessionApp) {
        this.env.sessionApps.delete(`${tenantId}\u0000${userId}\u0000${this.appId}`);
      } else if (this.env.sharedApps.get(`${tenantId}\u0000${this.appId}`) === this.shared) {
        this.env.sharedApps.delete(`${tenantId}\u0000${this.appId}`);
      }
    }
    this.env.sessions.reserveObjects(this.session.principal.tenantId, -this.sessionObjects.size, 0);
    this.sessionObjects.clear();
    this.lease.release();
  }
}
