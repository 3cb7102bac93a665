import type { Json, JsonObject } from '../deps.js';
import type { Patch } from '../layout/json-pointer.js';
import { applyPatch, clone } from '../layout/json-pointer.js';
import { objectLayout } from '../layout/object-layout.js';
import { invalidParameters, objectNotFound } from '../protocol/engine-error.js';
import { arr, bool, obj, str } from '../protocol/params.js';
import type { DocSession, ObjectRecord } from '../session/doc-session.js';
import { docOf, type Method, type MethodContext } from './context.js';
import { objectReturn } from './doc-objects.js';

/** GenericObject property methods: layout, properties, patches, children and trees. */
export function self(ctx: MethodContext): { doc: DocSession; record: ObjectRecord } {
  const doc = docOf(ctx);
  const record = doc.object(ctx.entry.id);
  if (!record) throw objectNotFound(ctx.entry.id);
  return { doc, record };
}

/** NxPatch → JSON patch: `qValue` is JSON text; `qOp` arrives as `add` or `Replace` alike. */
function toPatch(raw: Json, index: number): Patch {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw invalidParameters(`qPatches[${index}]`, 'each patch must be {qOp, qPath, qValue}');
  }
  const op = String(raw.qOp ?? '').toLowerCase();
  if (op !== 'add' && op !== 'replace' && op !== 'remove') {
    throw invalidParameters(`qPatches[${index}].qOp`, `unknown op '${String(raw.qOp)}'`);
  }
  const path = String(raw.qPath ?? '');
  if (op === 'remove') return { op, path };
  const text = typeof raw.qValue === 'string' ? raw.qValue : JSON.stringify(raw.qValue ?? null);
  try {
    return { op, path, value: JSON.parse(text) as Json };
  } catch {
    throw invalidParameters(`qPatches[${index}].qValue`, `not JSON: ${text.slice(0, 80)}`);
  }
}

const ApplyPatches: Method = async (ctx, params) => {
  const { doc, record } = self(ctx);
  const patches = arr(params, 'qPatches').map(toPatch);
  if (bool(params, 'qSoftPatch')) {
    doc.applySoftPatches(record.id, patches);
    return {};
  }
  const next = clone(record.properties);
  for (const patch of patches) applyPatch(next, patch);
  await doc.setProperties(record.id, next);
  return {};
};

interface PropEntry {
  qProperty: JsonObject;
  qChildren: PropEntry[];
}

function propertyTree(doc: DocSession, id: string): JsonObject {
  const record = doc.requireObject(id);
  return {
    qProperty: record.properties,
    qChildren: doc.children(id).map((child) => propertyTree(doc, child.id)),
    qEmbeddedSnapshotRef: null,
  };
}

function asEntry(value: Json, where: string): PropEntry {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidParameters(where, 'expected {qProperty, qChildren}');
  }
  const property = value.qProperty;
  if (!property || typeof property !== 'object' || Array.isArray(property)) {
    throw invalidParameters(`${where}.qProperty`, 'expected an object');
  }
  const children = Array.isArray(value.qChildren) ? value.qChildren : [];
  return {
    qProperty: property,
    qChildren: children.map((c, i) => asEntry(c, `${where}.qChildren[${i}]`)),
  };
}

/** Replaces an object's properties and its whole child tree (filter pane creation, §2.1). */
async function setTree(doc: DocSession, record: ObjectRecord, entry: PropEntry): Promise<void> {
  await doc.setProperties(record.id, entry.qProperty);
  const wanted = new Set(
    entry.qChildren.map((c) => (c.qProperty.qInfo as JsonObject | undefined)?.qId).filter(Boolean),
  );
  for (const child of doc.children(record.id)) {
    if (!wanted.has(child.id)) await doc.destroyObject(child.id, child.persisted);
  }
  for (const childEntry of entry.qChildren) {
    const id = (childEntry.qProperty.qInfo as JsonObject | undefined)?.qId;
    let child = typeof id === 'string' ? doc.object(id) : undefined;
    if (!child || child.parentId !== record.id) {
      child = record.persisted
        ? await doc.createPersistedObject(childEntry.qProperty, record.id)
        : doc.createSessionObject(childEntry.qProperty, record.id);
    }
    await setTree(doc, child, childEntry);
  }
}

const CreateChild: Method = async (ctx, params) => {
  const { doc, record } = self(ctx);
  const prop = obj(params, 'qProp');
  const child = record.persisted
    ? await doc.createPersistedObject(prop, record.id)
    : doc.createSessionObject(prop, record.id);
  const forThis = params.qPropForThis;
  if (forThis && typeof forThis === 'object' && !Array.isArray(forThis)) {
    await doc.setProperties(record.id, forThis);
  }
  return { qInfo: { qId: child.id, qType: child.type }, ...objectReturn(ctx, child) };
};

const DestroyChild: Method = async (ctx, params) => {
  const { doc, record } = self(ctx);
  const child = doc.object(str(params, 'qId'));
  if (!child || child.parentId !== record.id) return { qSuccess: false };
  await doc.destroyObject(child.id, child.persisted);
  return { qSuccess: true };
};

const GetChild: Method = (ctx, params) => {
  const { doc, record } = self(ctx);
  const child = doc.object(str(params, 'qId'));
  if (!child || child.parentId !== record.id) throw objectNotFound();
  return objectReturn(ctx, child);
};

const GetParent: Method = (ctx) => {
  const { doc, record } = self(ctx);
  const parent = record.parentId ? doc.object(record.parentId) : undefined;
  if (!parent) throw objectNotFound();
  return objectReturn(ctx, parent);
};

export const genericObjectMethods: Record<string, Method> = {
  GetLayout: async (ctx) => ({ qLayout: await objectLayout(self(ctx).doc, ctx.entry.id) }),
  GetProperties: (ctx) => ({ qProp: self(ctx).record.properties }),
  GetEffectiveProperties: (ctx) => ({ qProp: self(ctx).doc.effectiveProperties(ctx.entry.id) }),
  SetProperties: async (ctx, params) => {
    await self(ctx).doc.setProperties(ctx.entry.id, obj(params, 'qProp'));
    return {};
  },
  ApplyPatches,
  ClearSoftPatches: (ctx) => {
    self(ctx).doc.clearSoftPatches(ctx.entry.id);
    return {};
  },
  GetInfo: (ctx) => {
    const { record } = self(ctx);
    return { qInfo: { qId: record.id, qType: record.type } };
  },
  GetFullPropertyTree: (ctx) => ({ qPropEntry: propertyTree(self(ctx).doc, ctx.entry.id) }),
  SetFullPropertyTree: async (ctx, params) => {
    const { doc, record } = self(ctx);
    await setTree(doc, record, asEntry(params.qPropEntry ?? null, 'qPropEntry'));
    return {};
  },
  GetChildInfos: (ctx) => ({
    qInfos: self(ctx)
      .doc.children(ctx.entry.id)
      .map((c) => ({ qId: c.id, qType: c.type })),
  }),
  CreateChild,
  DestroyChild,
  GetChild,
  GetParent,
  GetLinkedObjects: (ctx) => {
    const { doc } = self(ctx);
    const linked = [...doc.shared.objects.values(), ...doc.sessionObjects.values()].filter(
      (o) => o.properties.qExtendsId === ctx.entry.id,
    );
    return { qItems: linked.map((o) => ({ qInfo: { qId: o.id, qType: o.type } })) };
  },
};
