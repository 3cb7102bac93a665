import type { Json, JsonObject } from '../deps.js';
import type { DocSession, ObjectRecord } from '../session/doc-session.js';
import { getAt } from './json-pointer.js';

/**
 * The list nodes (engine-protocol.md §3.7): `qAppObjectList`, `qChildList`, `qDimensionList`,
 * `qMeasureList`, `qVariableList`, `qBookmarkList` and `qFieldList`. `qData` pointers resolve
 * against the item's properties first, then against its computed parts (`/qDimInfos`).
 */
function asObject(value: Json | undefined): JsonObject {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/** `qDimInfos` of a master dimension, the one computed part the clients ask for by path. */
export function dimensionInfos(doc: DocSession, properties: JsonObject): JsonObject[] {
  const qDim = asObject(properties.qDim);
  const fields = Array.isArray(qDim.qFieldDefs) ? qDim.qFieldDefs : [];
  const calc = doc.calculator;
  const inputs = doc.inputs();
  return fields.map((f) => {
    const name = String(f).replace(/^\[(.*)\]$/, '$1');
    const info = calc && inputs ? calc.fieldInfo(inputs, name) : undefined;
    return {
      qCardinal: info?.cardinal ?? 0,
      qTags: [...(info?.tags ?? [])],
      qIsSemantic: false,
      qApprMaxGlyphCount: 0,
    };
  });
}

function resolveData(doc: DocSession, record: ObjectRecord, qData: Json | undefined): JsonObject {
  const out: JsonObject = {};
  let computed: JsonObject | null = null;
  for (const [key, pointer] of Object.entries(asObject(qData))) {
    if (typeof pointer !== 'string') continue;
    let value = getAt(record.properties, pointer);
    if (value === undefined) {
      computed ??= { qDimInfos: dimensionInfos(doc, record.properties) };
      value = getAt(computed, pointer);
    }
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function item(doc: DocSession, record: ObjectRecord, qData: Json | undefined): JsonObject {
  return {
    qInfo: { qId: record.id, qType: record.type },
    qMeta: { ...asObject(record.properties.qMetaDef), privileges: privileges(doc) },
    qData: resolveData(doc, record, qData),
  };
}

export function privileges(doc: DocSession): string[] {
  const rights = doc.rights;
  const out = ['read'];
  if (rights.editObjects || doc.shared.isSessionApp) out.push('update', 'delete');
  out.push('exportdata');
  return out;
}

export function objectList(doc: DocSession, def: JsonObject): JsonObject {
  const type = typeof def.qType === 'string' ? def.qType : '';
  return { qItems: doc.objectsOfType(type).map((r) => item(doc, r, def.qData)) };
}

export function childList(doc: DocSession, parentId: string, def: JsonObject): JsonObject {
  return { qItems: doc.children(parentId).map((r) => item(doc, r, def.qData)) };
}

export function variableList(doc: DocSession, def: JsonObject): JsonObject {
  const items: JsonObject[] = [];
  const persisted = new Set<string>();
  for (const record of doc.objectsOfType('variable')) {
    const name = String(record.properties.qName ?? '');
    persisted.add(name);
    items.push({
      ...item(doc, record, def.qData),
      qName: name,
      qDefinition: String(record.properties.qDefinition ?? ''),
      qDescription: String(record.properties.qComment ?? ''),
    });
  }
  if (def.qShowReserved !== false && def.qShowConfig !== false) {
    for (const v of doc.shared.scriptVariables) {
      if (persisted.has(v.name)) continue;
      items.push({
        qInfo: { qId: `script:${v.name}`, qType: 'variable' },
        qName: v.name,
        qDefinition: v.definition,
        qIsScriptCreated: true,
        qData: {},
      });
    }
  }
  return { qItems: items };
}

export function fieldList(doc: DocSession, def: JsonObject): JsonObject {
  const calc = doc.calculator;
  if (!calc) return { qItems: [] };
  const { model } = calc;
  const items: JsonObject[] = [];
  for (const field of model.fields) {
    const hidden = field.tags.includes('$hidden');
    if (field.isSystem && def.qShowSystem !== true) continue;
    if (hidden && def.qShowHidden !== true) continue;
    const entry: JsonObject = {
      qName: field.name,
      qCardinal: field.symbols.size,
      qTags: [...field.tags],
    };
    if (def.qShowSrcTables === true) {
      entry.qSrcTables = field.tables.map((t) => model.tables[t]?.name ?? '');
    }
    if (field.isSystem) entry.qIsSystem = true;
    if (hidden) entry.qIsHidden = true;
    items.push(entry);
  }
  return { qItems: items };
}
