import { randomUUID } from 'node:crypto';
import { createSessionApp, isSessionAppId, openDoc } from '../app/doc-opener.js';
import type { JsonObject } from '../deps.js';
import { EngineError, ErrorCode } from '../protocol/engine-error.js';
import { str } from '../protocol/params.js';
import { type Method, type MethodContext, qReturn } from './context.js';
import { progressOf } from './reload.js';

export const ENGINE_VERSION = '12.2027.0';

function docReturn(ctx: MethodContext, appId: string): JsonObject {
  return qReturn(ctx, 'Doc', appId);
}

const OpenDoc: Method = async (ctx, params) => {
  const appId = str(params, 'qDocName');
  const current = ctx.session.doc;
  if (current) {
    // Same app again is harmless (enigma resume replays OpenDoc); another app is 1002 (#838).
    if (current.appId === appId) return docReturn(ctx, appId);
    throw new EngineError(
      ErrorCode.appAlreadyOpen,
      appId,
      `App already open: this session has '${current.appId}' open; use GetActiveDoc`,
    );
  }
  await openDoc(ctx.env, ctx.session, appId);
  return docReturn(ctx, appId);
};

const GetActiveDoc: Method = async (ctx) => {
  const doc = ctx.session.doc;
  if (doc) return docReturn(ctx, doc.appId);
  // A socket on /app/SessionApp_<id> reattaches to that session app.
  if (isSessionAppId(ctx.session.urlAppId)) {
    await openDoc(ctx.env, ctx.session, ctx.session.urlAppId);
    return docReturn(ctx, ctx.session.urlAppId);
  }
  throw new EngineError(ErrorCode.appNotOpen, 'GetActiveDoc', 'App not open: no active document');
};

const CreateSessionApp: Method = (ctx) => {
  if (ctx.session.doc) {
    throw new EngineError(
      ErrorCode.appAlreadyOpen,
      ctx.session.doc.appId,
      `App already open: this session has '${ctx.session.doc.appId}' open`,
    );
  }
  const doc = createSessionApp(ctx.env, ctx.session);
  return { ...docReturn(ctx, doc.appId), qSessionAppId: doc.appId };
};

const GetDocList: Method = async (ctx) => {
  const apps = await ctx.env.deps.listApps(ctx.session.principal);
  return {
    qDocList: apps.map((app) => ({
      qDocName: app.name,
      qDocId: app.id,
      qTitle: app.name,
      qConnectedUsers: 0,
      qFileTime: 0,
      qFileSize: 0,
      qLastReloadTime: app.lastReloadTime ?? '',
      qReadOnly: false,
      qMeta: { description: app.description },
      qThumbnail: { qUrl: app.thumbnail ?? '' },
    })),
  };
};

const CancelRequest: Method = (ctx, params) => {
  ctx.connection.cancel(params.qRequestId ?? null);
  return {};
};

export const globalMethods: Record<string, Method> = {
  EngineVersion: () => ({ qVersion: { qComponentVersion: ENGINE_VERSION } }),
  ProductVersion: () => ({ qReturn: ENGINE_VERSION }),
  QvVersion: () => ({ qReturn: ENGINE_VERSION }),
  OSName: () => ({ qReturn: 'Linux' }),
  IsDesktopMode: () => ({ qReturn: false }),
  IsPersonalMode: () => ({ qReturn: false }),
  GetUniqueID: () => ({ qUniqueID: randomUUID() }),
  GetAuthenticatedUser: (ctx) => ({
    qReturn: `UserDirectory=${ctx.session.principal.tenantId}; UserId=${
      ctx.session.principal.userName ?? ctx.session.principal.userId
    }`,
  }),
  OpenDoc,
  GetActiveDoc,
  CreateSessionApp,
  GetDocList,
  CancelRequest,
  AbortRequest: CancelRequest,
  AbortAll: (ctx) => {
    ctx.connection.cancelAll(ctx.requestId);
    return {};
  },
  GetProgress: (ctx, params) => ({ qProgressData: progressOf(ctx, params) }),
};
