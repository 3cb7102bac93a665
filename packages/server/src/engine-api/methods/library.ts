import type { Json, JsonObject } from '../deps.js';
import { dimensionInfos, privileges } from '../layout/lists.js';
import { EngineError, ErrorCode, objectNotFound } from '../protocol/engine-error.js';
import { num, obj, str } from '../protocol/params.js';
import type { DocSession, ObjectRecord } from '../session/doc-session.js';
import type { HandleClass } from '../session/handle-table.js';
import { docOf, type Method, type MethodContext, qReturn } from './context.js';

/**
 * Master items and variables (engine-protocol.md §2.7): GenericDimension ('dimension'),
 * GenericMeasure ('measure') and GenericVariable ('variable') objects, persisted in the app or,
 * for CreateSessionVariable, in the session. Script-created variables are read-only and carry
 * the id `script:<name>`.
 */
const SCRIPT_PREFIX = 'script:';

function variableRecord(doc: DocSession, id: string): ObjectRecord | undefined {
  const record = doc.object(id);
  if (record?.type === 'variable') return record;
  if (!id.startsWith(SCRIPT_PREFIX)) return undefined;
  const name = id.slice(SCRIPT_PREFIX.length);
  const v = doc.shared.scriptVariables.find((s) => s.name === name);
  if (!v) return undefined;
  return {
    id,
    type: 'variable',
    parentId: null,
    persisted: true,
    properties: { qInfo: { qId: id, qType: 'variable' }, qName: v.name, qDefinition: v.definition },
  };
}

function variableByName(doc: DocSession, name: string): ObjectRecord | undefined {
  const own = doc.objectsOfType('variable').find((r) => r.properties.qName === name);
  return own ?? variableRecord(doc, `${SCRIPT_PREFIX}${name}`);
}

function typed(doc: DocSession, id: string, type: string): ObjectRecord {
  const record = type === 'variable' ? variableRecord(doc, id) : doc.object(id);
  if (!record || record.type !== type) throw objectNotFound(id);
  return record;
}

function handleFor(ctx: MethodContext, cls: HandleClass, record: ObjectRecord): JsonObject {
  return qReturn(ctx, cls, record.id, record.type);
}

function withType(prop: JsonObject, type: string): JsonObject {
  const info = (prop.qInfo ?? {}) as JsonObject;
  return { ...prop, qInfo: { ...info, qType: type } };
}

function checkUniqueName(doc: DocSession, prop: JsonObject): void {
  const name = prop.qName;
  if (typeof name !== 'string' || name === '') {
    throw new EngineError(
      ErrorCode.invalidParameters,
      'qName',
      'Invalid parameters: qName is empty',
    );
  }
  if (variableByName(doc, name)) {
    throw new EngineError(ErrorCode.alreadyExists, name, `Already exists: variable '${name}'`);
  }
}

async function variableLayout(doc: DocSession, record: ObjectRecord): Promise<JsonObject> {
  const definition = String(record.properties.qDefinition ?? '');
  let qText = definition;
  let qNum: Json =
    Number.isFinite(Number(definition)) && definition.trim() !== '' ? Number(definition) : 'NaN';
  const calc = doc.calculator;
  const inputs = doc.inputs();
  if (definition.trim().startsWith('=') && calc && inputs) {
    const value = await calc.evaluate(inputs, definition);
    qText = value.qText;
    qNum = value.qNum;
  }
  return {
    qInfo: { qId: record.id, qType: 'variable' },
    qMeta: { ...((record.properties.qMetaDef ?? {}) as JsonObject), privileges: privileges(doc) },
    qName: String(record.properties.qName ?? ''),
    qText,
    qNum,
    qIsScriptCreated: record.id.startsWith(SCRIPT_PREFIX),
  };
}

async function setVariable(doc: DocSession, record: ObjectRecord, definition: string) {
  if (record.id.startsWith(SCRIPT_PREFIX)) {
    throw new EngineError(
      ErrorCode.accessDenied,
      record.id,
      `Access denied: variable '${String(record.properties.qName)}' is created by the script`,
    );
  }
  await doc.setProperties(record.id, { ...record.properties, qDefinition: definition });
}

function current(ctx: MethodContext, type: string): { doc: DocSession; record: ObjectRecord } {
  const doc = docOf(ctx);
  return { doc, record: typed(doc, ctx.entry.id, type) };
}

function meta(doc: DocSession, record: ObjectRecord): JsonObject {
  return { ...((record.properties.qMetaDef ?? {}) as JsonObject), privileges: privileges(doc) };
}

function commonMethods(type: string): Record<string, Method> {
  return {
    GetProperties: (ctx) => ({ qProp: current(ctx, type).record.properties }),
    SetProperties: async (ctx, params) => {
      const { doc, record } = current(ctx, type);
      if (record.id.startsWith(SCRIPT_PREFIX)) {
        throw new EngineError(
          ErrorCode.accessDenied,
          record.id,
          `Access denied: '${String(record.properties.qName)}' is created by the script`,
        );
      }
      await doc.setProperties(record.id, withType(obj(params, 'qProp'), type));
      return {};
    },
    GetInfo: (ctx) => ({ qInfo: { qId: ctx.entry.id, qType: type } }),
  };
}

export const genericDimensionMethods: Record<string, Method> = {
  ...commonMethods('dimension'),
  GetLayout: (ctx) => {
    const { doc, record } = current(ctx, 'dimension');
    return {
      qLayout: {
        qInfo: { qId: record.id, qType: 'dimension' },
        qMeta: meta(doc, record),
        qDim: (record.properties.qDim ?? {}) as Json,
        qDimInfos: dimensionInfos(doc, record.properties),
      },
    };
  },
  GetDimension: (ctx) => ({
    qDim: (current(ctx, 'dimension').record.properties.qDim ?? {}) as Json,
  }),
};

export const genericMeasureMethods: Record<string, Method> = {
  ...commonMethods('measure'),
  GetLayout: (ctx) => {
    const { doc, record } = current(ctx, 'measure');
    return {
      qLayout: {
        qInfo: { qId: record.id, qType: 'measure' },
        qMeta: meta(doc, record),
        qMeasure: (record.properties.qMeasure ?? {}) as Json,
      },
    };
  },
  GetMeasure: (ctx) => ({
    qMeasure: (current(ctx, 'measure').record.properties.qMeasure ?? {}) as Json,
  }),
};

export const genericVariableMethods: Record<string, Method> = {
  ...commonMethods('variable'),
  GetLayout: async (ctx) => {
    const { doc, record } = current(ctx, 'variable');
    return { qLayout: await variableLayout(doc, record) };
  },
  SetStringValue: async (ctx, params) => {
    const { doc, record } = current(ctx, 'variable');
    await setVariable(doc, record, str(params, 'qVal'));
    return {};
  },
  SetNumValue: async (ctx, params) => {
    const { doc, record } = current(ctx, 'variable');
    await setVariable(doc, record, String(num(params, 'qVal')));
    return {};
  },
};

function createPersisted(type: string, cls: HandleClass): Method {
  return async (ctx, params) => {
    const doc = docOf(ctx);
    const prop = withType(obj(params, 'qProp'), type);
    if (type === 'variable') checkUniqueName(doc, prop);
    const record = await doc.createPersistedObject(prop);
    return { qInfo: { qId: record.id, qType: type }, ...handleFor(ctx, cls, record) };
  };
}

function getter(type: string, cls: HandleClass, key: 'qId' | 'qName'): Method {
  return (ctx, params) => {
    const doc = docOf(ctx);
    const value = str(params, key);
    const record = key === 'qName' ? variableByName(doc, value) : typed(doc, value, type);
    if (!record) throw objectNotFound(value);
    return handleFor(ctx, cls, record);
  };
}

function destroyer(type: string, key: 'qId' | 'qName'): Method {
  return async (ctx, params) => {
    const doc = docOf(ctx);
    const value = str(params, key);
    const record = key === 'qName' ? variableByName(doc, value) : doc.object(value);
    if (!record || record.type !== type || record.id.startsWith(SCRIPT_PREFIX)) {
      return { qSuccess: false };
    }
    const ids = await doc.destroyObject(record.id, record.persisted);
    return { qSuccess: ids.length > 0 };
  };
}

export const docLibraryMethods: Record<string, Method> = {
  CreateDimension: createPersisted('dimension', 'GenericDimension'),
  CreateMeasure: createPersisted('measure', 'GenericMeasure'),
  CreateVariableEx: createPersisted('variable', 'GenericVariable'),
  CreateSessionVariable: (ctx, params) => {
    const doc = docOf(ctx);
    const prop = withType(obj(params, 'qProp'), 'variable');
    checkUniqueName(doc, prop);
    return handleFor(ctx, 'GenericVariable', doc.createSessionObject(prop));
  },
  GetDimension: getter('dimension', 'GenericDimension', 'qId'),
  GetMeasure: getter('measure', 'GenericMeasure', 'qId'),
  GetVariableById: getter('variable', 'GenericVariable', 'qId'),
  GetVariableByName: getter('variable', 'GenericVariable', 'qName'),
  DestroyDimension: destroyer('dimension', 'qId'),
  DestroyMeasure: destroyer('measure', 'qId'),
  DestroyVariableById: destroyer('variable', 'qId'),
  DestroyVariableByName: destroyer('variable', 'qName'),
  DestroySessionVariable: destroyer('variable', 'qId'),
};
