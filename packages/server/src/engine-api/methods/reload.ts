import { mapDepsError, refreshApp, setSessionAppModel } from '../app/doc-opener.js';
import type { Json, JsonObject } from '../deps.js';
import { accessDenied } from '../protocol/engine-error.js';
import { bool, obj, type Params, str } from '../protocol/params.js';
import type { EngineSession } from '../session/engine-session.js';
import { docOf, type Method, type MethodContext } from './context.js';

/**
 * Script and reload methods. `SetScript` keeps a draft in the session; `DoSave` (or `DoReload`,
 * which reloads the stored script) stores it as a new script version through the platform, the
 * one REST shows. `DoReload` runs through the platform's reload queue and follows its log, which
 * `GetProgress` hands out line by line while the reload runs.
 */
interface ReloadProgress {
  readonly lines: string[];
  cursor: number;
  finished: boolean;
  readonly startedAt: number;
}

const progressBySession = new WeakMap<EngineSession, ReloadProgress>();

export function progressOf(ctx: MethodContext, _params: Params): JsonObject {
  const progress = progressBySession.get(ctx.session);
  if (!progress) {
    return {
      qStarted: false,
      qFinished: false,
      qCompleted: 0,
      qTotal: 0,
      qKB: 0,
      qMillisecs: 0,
      qUserInteractionWanted: false,
      qPersistentProgress: '',
      qTransientProgress: '',
      qErrorData: [],
      qPersistentProgressMessages: [],
    };
  }
  const fresh = progress.lines.slice(progress.cursor);
  progress.cursor = progress.lines.length;
  return {
    qStarted: true,
    qFinished: progress.finished,
    qCompleted: progress.finished ? 1 : 0,
    qTotal: 1,
    qKB: 0,
    qMillisecs: Date.now() - progress.startedAt,
    qUserInteractionWanted: false,
    qPersistentProgress: fresh.join('\n'),
    qTransientProgress: '',
    qErrorData: [],
    qPersistentProgressMessages: fresh.map((line) => ({
      qMessageCode: 0,
      qMessageParameters: [line] as Json[],
    })),
  };
}

async function saveDraft(ctx: MethodContext): Promise<void> {
  const doc = docOf(ctx);
  const draft = doc.scriptDraft;
  if (draft === null || draft === doc.shared.script) {
    doc.scriptDraft = null;
    return;
  }
  if (!doc.shared.isSessionApp) {
    if (!doc.rights.editScript) throw accessDenied('changing the script needs the editor role');
    try {
      await ctx.env.deps.saveScript(ctx.session.principal, doc.appId, draft);
    } catch (error) {
      throw mapDepsError(error, doc.appId);
    }
  }
  doc.shared.script = draft;
  doc.scriptDraft = null;
  ctx.session.invalidate((e) => e.cls === 'Doc');
}

async function reload(ctx: MethodContext, partial: boolean): Promise<boolean> {
  const doc = docOf(ctx);
  if (!doc.shared.isSessionApp && !doc.rights.reload) {
    throw accessDenied('reloading this app needs the editor role');
  }
  await saveDraft(ctx);
  const progress: ReloadProgress = { lines: [], cursor: 0, finished: false, startedAt: Date.now() };
  progressBySession.set(ctx.session, progress);
  const { deps } = ctx.env;
  try {
    if (doc.shared.isSessionApp) {
      const result = await deps.runSessionScript(ctx.session.principal, doc.script, (line) =>
        progress.lines.push(line),
      );
      const calculator = ctx.env.createCalculator(result.model);
      setSessionAppModel(ctx.env, ctx.session, calculator);
      doc.shared.scriptVariables = result.variables;
      await doc.swapModel({ calculator, release: () => {} }, `session-${Date.now()}`);
      return true;
    }
    const handle = await deps.reload(ctx.session.principal, doc.appId, { partial });
    const unsubscribe = handle.onLog((line) => progress.lines.push(line));
    const outcome = await handle.done.finally(unsubscribe);
    if (!outcome.success) {
      if (outcome.error) progress.lines.push(outcome.error);
      return false;
    }
    await refreshApp(ctx.env, ctx.session.principal.tenantId, doc.appId, ctx.session);
    return true;
  } catch (error) {
    const mapped = mapDepsError(error, doc.appId);
    progress.lines.push(mapped instanceof Error ? mapped.message : String(mapped));
    return false;
  } finally {
    progress.finished = true;
  }
}

export const reloadMethods: Record<string, Method> = {
  GetScript: (ctx) => ({ qScript: docOf(ctx).script }),
  SetScript: (ctx, params) => {
    const doc = docOf(ctx);
    if (!doc.shared.isSessionApp && !doc.rights.editScript) {
      throw accessDenied('changing the script needs the editor role');
    }
    doc.scriptDraft = str(params, 'qScript');
    ctx.session.invalidate((e) => e.cls === 'Doc');
    return {};
  },
  DoSave: async (ctx) => {
    await saveDraft(ctx);
    return {};
  },
  DoReload: async (ctx, params) => ({ qReturn: await reload(ctx, bool(params, 'qPartial')) }),
  DoReloadEx: async (ctx, params) => {
    const options = obj(params, 'qParams');
    const success = await reload(ctx, options.qPartial === true);
    return {
      qResult: { qSuccess: success, qScriptLogFile: '', qEndedWithMemoryConstraint: false },
    };
  },
};
