import type { FastifyBaseLogger } from 'fastify';
import type { EnginePrincipal } from '../deps.js';
import { EngineSession } from './engine-session.js';

/** Live engine sessions by key, plus per-tenant counters for the object limit. */
export class SessionRegistry {
  private readonly sessions = new Map<string, EngineSession>();
  private readonly tenantObjects = new Map<string, number>();

  constructor(private readonly logger: FastifyBaseLogger) {}

  /** Live sessions, for the platform's metrics. */
  get count(): number {
    return this.sessions.size;
  }

  static keyOf(principal: EnginePrincipal, urlAppId: string, identity: string): string {
    return [principal.tenantId, principal.userId, urlAppId, identity].join('\u0000');
  }

  /** The living session for the key, or a new one. */
  obtain(
    principal: EnginePrincipal,
    urlAppId: string,
    identity: string,
    ttlSeconds: number,
  ): EngineSession {
    const key = SessionRegistry.keyOf(principal, urlAppId, identity);
    const existing = this.sessions.get(key);
    if (existing && !existing.isEnded) return existing;
    const logger = this.logger.child({ tenantId: principal.tenantId, userId: principal.userId });
    const session = new EngineSession(key, principal, urlAppId, ttlSeconds, logger, (ended) => {
      if (this.sessions.get(ended.key) === ended) this.sessions.delete(ended.key);
    });
    this.sessions.set(key, session);
    return session;
  }

  /** Sessions with the given app open (or addressed by URL), e.g. to close them on deletion. */
  sessionsOfApp(tenantId: string, appId: string): EngineSession[] {
    return [...this.sessions.values()].filter(
      (s) => s.principal.tenantId === tenantId && (s.doc?.appId === appId || s.urlAppId === appId),
    );
  }

  all(): EngineSession[] {
    return [...this.sessions.values()];
  }

  /** Reserves `delta` session objects for a tenant; false when over the limit. */
  reserveObjects(tenantId: string, delta: number, limit: number): boolean {
    const current = this.tenantObjects.get(tenantId) ?? 0;
    if (delta > 0 && current + delta > limit) return false;
    this.tenantObjects.set(tenantId, Math.max(0, current + delta));
    return true;
  }

  endAll(): void {
    for (const session of [...this.sessions.values()]) session.end(1001, 'Server shutting down');
  }
}
