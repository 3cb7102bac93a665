import { mapDepsError } from '../app/doc-opener.js';
import type { Json, JsonObject } from '../deps.js';
import { appLayout, appProperties, localeInfo } from '../layout/app-layout.js';
import { accessDenied, objectNotFound } from '../protocol/engine-error.js';
import { obj, str } from '../protocol/params.js';
import type { DocSession, ObjectRecord } from '../session/doc-session.js';
import { docOf, type Method, type MethodContext, qReturn } from './context.js';

/** Handle class for an object: master items and variables have their own classes. */
export function objectReturn(ctx: MethodContext, record: ObjectRecord): JsonObject {
  return qReturn(ctx, 'GenericObject', record.id, record.type);
}

const CreateSessionObject: Method = (ctx, params) => {
  const record = docOf(ctx).createSessionObject(obj(params, 'qProp'));
  return objectReturn(ctx, record);
};

const CreateObject: Method = async (ctx, params) => {
  const record = await docOf(ctx).createPersistedObject(obj(params, 'qProp'));
  return { qInfo: { qId: record.id, qType: record.type }, ...objectReturn(ctx, record) };
};

const GetObject: Method = (ctx, params) => {
  const record = docOf(ctx).object(str(params, 'qId'));
  if (!record) throw objectNotFound();
  return objectReturn(ctx, record);
};

function destroy(persisted: boolean): Method {
  return async (ctx, params) => {
    const ids = await docOf(ctx).destroyObject(str(params, 'qId'), persisted);
    return { qSuccess: ids.length > 0 };
  };
}

function infoOf(record: ObjectRecord): JsonObject {
  return { qId: record.id, qType: record.type };
}

function allObjects(doc: DocSession): ObjectRecord[] {
  const stored = [...doc.shared.objects.values()].map((o) => ({ ...o, persisted: true }));
  return [...stored, ...doc.sessionObjects.values()];
}

const GetAllInfos: Method = (ctx) => ({ qInfos: allObjects(docOf(ctx)).map(infoOf) });

/** GetObjects(qOptions:{qTypes, qIncludeSessionObjects, qData}) → NxContainerEntry-like items. */
const GetObjects: Method = (ctx, params) => {
  const doc = docOf(ctx);
  const options = obj(params, 'qOptions');
  const types = Array.isArray(options.qTypes) ? options.qTypes.map(String) : [];
  const withSession = options.qIncludeSessionObjects === true;
  const list = allObjects(doc).filter(
    (r) => (withSession || r.persisted) && (types.length === 0 || types.includes(r.type)),
  );
  return {
    qList: list.map((r) => ({
      qInfo: infoOf(r),
      qMeta: (r.properties.qMetaDef ?? {}) as Json,
      qData: {},
    })),
  };
};

const SetAppProperties: Method = async (ctx, params) => {
  const doc = docOf(ctx);
  if (!doc.rights.editObjects && !doc.shared.isSessionApp) {
    throw accessDenied('changing app properties needs the editor role');
  }
  const prop = obj(params, 'qProp');
  const custom: JsonObject = {};
  for (const [key, value] of Object.entries(prop)) {
    if (!key.startsWith('q') && key !== 'description') custom[key] = value;
  }
  const change = {
    ...(typeof prop.qTitle === 'string' ? { name: prop.qTitle } : {}),
    ...(typeof prop.description === 'string' ? { description: prop.description } : {}),
    custom,
  };
  if (!doc.shared.isSessionApp) {
    try {
      await ctx.env.deps.saveAppProperties(ctx.session.principal, doc.appId, change);
    } catch (error) {
      throw mapDepsError(error, doc.appId);
    }
  }
  const meta = doc.shared.meta;
  doc.shared.meta = {
    ...meta,
    name: change.name ?? meta.name,
    description: change.description ?? meta.description,
    custom: { ...meta.custom, ...custom },
  };
  ctx.session.invalidate((e) => e.cls === 'Doc');
  return {};
};

export const docObjectMethods: Record<string, Method> = {
  CreateSessionObject,
  CreateObject,
  GetObject,
  DestroyObject: destroy(true),
  DestroySessionObject: destroy(false),
  GetAllInfos,
  GetObjects,
  GetAppLayout: (ctx) => ({ qLayout: appLayout(docOf(ctx)) }),
  GetAppProperties: (ctx) => ({ qProp: appProperties(docOf(ctx)) }),
  SetAppProperties,
  GetLocaleInfo: (ctx) => ({ qReturn: localeInfo(docOf(ctx)) }),
  ClearUndoBuffer: () => ({}),
};
