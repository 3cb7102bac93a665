import type { FastifyBaseLogger } from 'fastify';
import type { EnginePrincipal } from '../deps.js';
import type { Connection, ConnectionHost } from '../transport/connection.js';
import type { DocSession } from './doc-session.js';
import type { HandleEntry } from './handle-table.js';

/**
 * An engine session (engine-protocol.md §3.11): keyed by tenant, user, the URL's app id and
 * identity, so a second socket with the same key attaches to it and shares its open doc and
 * selections. It outlives its last socket by its TTL. Requests of all its sockets run one at a
 * time, which keeps selection state consistent without locks.
 */
export class EngineSession implements ConnectionHost {
  readonly connections = new Set<Connection>();
  doc: DocSession | null = null;
  private queue: Promise<void> = Promise.resolve();
  private ttlTimer: NodeJS.Timeout | null = null;
  private ended = false;

  constructor(
    readonly key: string,
    readonly principal: EnginePrincipal,
    /** The app id of the URL (`/app/<id>`): the doc OpenDoc is expected to open. */
    readonly urlAppId: string,
    readonly ttlSeconds: number,
    readonly logger: FastifyBaseLogger,
    private readonly onEnd: (session: EngineSession) => void,
  ) {}

  /** Adds a socket; true when the session already existed with state (SESSION_ATTACHED). */
  attach(connection: Connection): boolean {
    if (this.ttlTimer) clearTimeout(this.ttlTimer);
    this.ttlTimer = null;
    const attached = this.connections.size > 0 || this.doc !== null;
    this.connections.add(connection);
    return attached;
  }

  detach(connection: Connection): void {
    this.connections.delete(connection);
    if (this.connections.size > 0 || this.ended) return;
    if (this.ttlSeconds > 0 && this.doc) {
      this.ttlTimer = setTimeout(() => this.end(), this.ttlSeconds * 1000);
      this.ttlTimer.unref();
    } else {
      this.end();
    }
  }

  run(task: () => Promise<void>): void {
    this.queue = this.queue
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(task)
      .catch((error: unknown) => this.logger.error({ err: error }, 'engine session task failed'));
  }

  flushOthers(except: Connection): void {
    for (const connection of this.connections) if (connection !== except) connection.flush();
  }

  flushAll(): void {
    for (const connection of this.connections) connection.flush();
  }

  /** Reports every valid handle matching `affected` in `change`, once (valid → invalid). */
  invalidate(affected: (entry: HandleEntry) => boolean): void {
    for (const connection of this.connections) {
      for (const entry of connection.handles.entries()) {
        if (entry.valid && affected(entry)) {
          entry.valid = false;
          connection.markChanged(entry.handle);
        }
      }
    }
  }

  /** Closes matching handles on every socket and reports them in `close`. */
  closeHandles(matches: (entry: HandleEntry) => boolean): void {
    for (const connection of this.connections) {
      for (const entry of connection.handles.entries()) {
        if (matches(entry)) {
          connection.handles.close(entry.handle);
          connection.markClosed(entry.handle);
        }
      }
    }
  }

  end(code = 1000, reason = 'Session ended'): void {
    if (this.ended) return;
    this.ended = true;
    if (this.ttlTimer) clearTimeout(this.ttlTimer);
    for (const connection of this.connections) connection.close(code, reason);
    this.connections.clear();
    this.doc?.dispose();
    this.doc = null;
    this.onEnd(this);
  }

  get isEnded(): boolean {
    return this.ended;
  }
}
