import type { AppDocument, AppMeta, ScriptVariable, StoredObject } from '../deps.js';

/**
 * The persisted side of one app as every session of it sees it: objects (sheets, charts, master
 * items, variables), script and metadata. Sessions of the same app share one instance, so an
 * object one session creates shows up in another's `qAppObjectList` and invalidates it.
 */
export type SharedAppListener = (change: {
  readonly objectIds: readonly string[];
  /** The subscriber whose request made the change (it reports on its own response). */
  readonly origin: unknown;
}) => void;

export class SharedApp {
  readonly objects = new Map<string, StoredObject>();
  meta: AppMeta;
  version: string;
  script: string;
  scriptVariables: readonly ScriptVariable[];
  readonly isSessionApp: boolean;
  private readonly listeners = new Set<SharedAppListener>();

  constructor(
    readonly tenantId: string,
    readonly appId: string,
    document: Omit<AppDocument, 'rights' | 'loadModel'>,
    isSessionApp = false,
  ) {
    this.meta = document.meta;
    this.version = document.version;
    this.script = document.script;
    this.scriptVariables = document.scriptVariables;
    this.isSessionApp = isSessionApp;
    for (const object of document.objects) this.objects.set(object.id, object);
  }

  /** Takes a fresh document after a reload or an external change. */
  refresh(document: AppDocument): void {
    this.meta = document.meta;
    this.version = document.version;
    this.script = document.script;
    this.scriptVariables = document.scriptVariables;
    this.objects.clear();
    for (const object of document.objects) this.objects.set(object.id, object);
  }

  subscribe(listener: SharedAppListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  notify(objectIds: readonly string[], origin: unknown): void {
    for (const listener of this.listeners) listener({ objectIds, origin });
  }

  childrenOf(parentId: string): StoredObject[] {
    return [...this.objects.values()].filter((o) => o.parentId === parentId);
  }
}
