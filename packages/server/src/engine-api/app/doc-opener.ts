import { randomUUID } from 'node:crypto';
import type { Calculator } from '../calc/calculator.js';
import type { AppRights, EnginePrincipal } from '../deps.js';
import { EngineDepsError } from '../deps.js';
import type { EngineEnv } from '../methods/context.js';
import { accessDenied, EngineError, ErrorCode } from '../protocol/engine-error.js';
import { DocSession } from '../session/doc-session.js';
import type { EngineSession } from '../session/engine-session.js';
import { SharedApp } from './shared-app.js';

const SESSION_APP_PREFIX = 'SessionApp_';
const ALL_RIGHTS: AppRights = {
  read: true,
  select: true,
  editObjects: true,
  editScript: true,
  reload: true,
};

function appKey(tenantId: string, appId: string): string {
  return `${tenantId}\u0000${appId}`;
}

function sessionAppKey(principal: EnginePrincipal, appId: string): string {
  return `${principal.tenantId}\u0000${principal.userId}\u0000${appId}`;
}

export function isSessionAppId(appId: string): boolean {
  return appId.startsWith(SESSION_APP_PREFIX);
}

/** Maps the platform's refusals to engine codes: 1003 app not found, 5 access denied. */
export function mapDepsError(error: unknown, appId: string): unknown {
  if (!(error instanceof EngineDepsError)) return error;
  if (error.kind === 'not-found') {
    return new EngineError(ErrorCode.appNotFound, appId, `App not found: '${appId}'`);
  }
  if (error.kind === 'forbidden') return accessDenied(`app '${appId}'`);
  if (error.kind === 'invalid') {
    return new EngineError(ErrorCode.invalidParameters, appId, error.message);
  }
  return new EngineError(ErrorCode.internal, appId, error.message);
}

/** Opens a persisted app (or a session app of this user) as the session's doc. */
export async function openDoc(env: EngineEnv, session: EngineSession, appId: string) {
  const { principal } = session;
  if (isSessionAppId(appId)) {
    const entry = env.sessionApps.get(sessionAppKey(principal, appId));
    if (!entry) throw new EngineError(ErrorCode.appNotFound, appId, `App not found: '${appId}'`);
    const lease = { calculator: entry.calculator, release: () => {} };
    const doc = new DocSession(session, entry.shared, ALL_RIGHTS, lease, env);
    session.doc = doc;
    return doc;
  }
  let document: Awaited<ReturnType<typeof env.deps.openApp>>;
  try {
    document = await env.deps.openApp(principal, appId);
  } catch (error) {
    throw mapDepsError(error, appId);
  }
  if (!document.rights.read) throw accessDenied(`app '${appId}'`);
  const key = appKey(principal.tenantId, appId);
  let shared = env.sharedApps.get(key);
  if (!shared) {
    shared = new SharedApp(principal.tenantId, appId, document);
    env.sharedApps.set(key, shared);
  } else if (shared.subscriberCount === 0 || shared.version !== document.version) {
    shared.refresh(document);
  }
  const lease = await env.apps.acquire(principal.tenantId, appId, document.version, () =>
    document.loadModel(),
  );
  const doc = new DocSession(session, shared, document.rights, lease, env);
  session.doc = doc;
  return doc;
}

/** CreateSessionApp: an in-memory app owned by this user, gone when no session holds it. */
export function createSessionApp(env: EngineEnv, session: EngineSession): DocSession {
  const { principal } = session;
  const appId = `${SESSION_APP_PREFIX}${randomUUID()}`;
  const now = new Date().toISOString();
  const shared = new SharedApp(
    principal.tenantId,
    appId,
    {
      meta: {
        id: appId,
        name: appId,
        description: '',
        spaceId: null,
        lastReloadTime: null,
        modifiedDate: now,
        published: false,
        thumbnail: null,
        custom: {},
      },
      version: '0',
      script: '',
      objects: [],
      scriptVariables: [],
    },
    true,
  );
  env.sessionApps.set(sessionAppKey(principal, appId), { shared, calculator: null });
  const doc = new DocSession(
    session,
    shared,
    ALL_RIGHTS,
    { calculator: null, release: () => {} },
    env,
  );
  session.doc = doc;
  return doc;
}

/**
 * A published reload (from DoReload or the platform's event): every session with the app open
 * takes the new version's model and reports all its handles in `change`. Other sessions swap
 * inside their own request queue, so no request of theirs sees half a swap; `current` (the
 * session running DoReload) swaps at once and reports on its response.
 */
export async function refreshApp(
  env: EngineEnv,
  tenantId: string,
  appId: string,
  current?: EngineSession,
): Promise<void> {
  const sessions = env.sessions
    .all()
    .filter((s) => s.principal.tenantId === tenantId && s.doc?.appId === appId);
  const first = sessions[0];
  if (!first?.doc) return;
  let document: Awaited<ReturnType<typeof env.deps.openApp>>;
  try {
    document = await env.deps.openApp(first.principal, appId);
  } catch {
    return;
  }
  const shared = first.doc.shared;
  if (document.version !== shared.version) shared.refresh(document);
  for (const session of sessions) {
    const swap = async () => {
      const doc = session.doc;
      if (!doc || doc.modelVersion === document.version) return;
      const lease = await env.apps.acquire(tenantId, appId, document.version, () =>
        document.loadModel(),
      );
      await doc.swapModel(lease, document.version);
      if (session !== current) session.flushAll();
    };
    if (session === current) await swap();
    else session.run(swap);
  }
}

/** A session app's reload produced a model: later sessions opening it get the same one. */
export function setSessionAppModel(
  env: EngineEnv,
  session: EngineSession,
  calculator: Calculator,
): void {
  const doc = session.doc;
  if (!doc) return;
  const entry = env.sessionApps.get(sessionAppKey(session.principal, doc.appId));
  if (entry) entry.calculator = calculator;
}
