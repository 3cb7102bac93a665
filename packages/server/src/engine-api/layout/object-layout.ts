import type { CalcInputs, Selections } from '../calc/calculator.js';
import type { Json, JsonObject } from '../deps.js';
import type { DocSession } from '../session/doc-session.js';
import { buildLayout, type DefKind, type NodeComputer } from './layout-builder.js';
import { resolveHyperCubeLibrary, resolveListObjectLibrary } from './library.js';
import { childList, fieldList, objectList, privileges, variableList } from './lists.js';
import { overlayModalStates } from './modal-overlay.js';

function asObject(value: Json | undefined): JsonObject {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/** Library lookup for `qLibraryId`: a master dimension's / measure's properties. */
export function libraryOf(doc: DocSession) {
  return (id: string): JsonObject | undefined => {
    const record = doc.object(id);
    return record && (record.type === 'dimension' || record.type === 'measure')
      ? record.properties
      : undefined;
  };
}

/** A cube or list with no model behind it (an app never reloaded): empty but well-formed. */
function emptyData(kind: 'qHyperCube' | 'qListObject', def: JsonObject): JsonObject {
  const base: JsonObject = {
    qStateName: typeof def.qStateName === 'string' && def.qStateName ? def.qStateName : '$',
    qSize: { qcx: 0, qcy: 0 },
    qDataPages: [],
    qError: { qErrorCode: 1007 },
  };
  if (kind === 'qListObject') return { ...base, qDimensionInfo: {}, qExpressions: [] };
  return {
    ...base,
    qDimensionInfo: [],
    qMeasureInfo: [],
    qEffectiveInterColumnSortOrder: [],
    qGrandTotalRow: [],
    qPivotDataPages: [],
    qStackedDataPages: [],
    qMode: 'S',
    qNoOfLeftDims: -1,
  };
}

/**
 * Inputs for computing a def of one object: while the object is modal on that path its rows come
 * from the selection state at BeginSelections (so row indices stay put, §3.9); the current
 * selections are overlaid as cell states afterwards.
 */
export function modalInputs(doc: DocSession, objectId: string, path: string): CalcInputs | null {
  const modal = doc.modal;
  const calc = doc.calculator;
  if (!modal || modal.objectId !== objectId || !calc || !modal.paths.includes(path)) return null;
  const frozen: Selections = calc.newSelections();
  frozen.restore(modal.before);
  return doc.inputs(frozen);
}

class ObjectNodeComputer implements NodeComputer {
  constructor(
    private readonly doc: DocSession,
    private readonly objectId: string,
  ) {}

  async computeDef(kind: DefKind, def: JsonObject, path: string): Promise<Json> {
    const { doc } = this;
    const calc = doc.calculator;
    const inputs = doc.inputs();
    switch (kind) {
      case 'qHyperCubeDef':
      case 'qListObjectDef': {
        const node = kind === 'qHyperCubeDef' ? 'qHyperCube' : 'qListObject';
        if (!calc || !inputs) return emptyData(node, def);
        const frozen = modalInputs(doc, this.objectId, path);
        if (kind === 'qHyperCubeDef') {
          const resolved = resolveHyperCubeLibrary(def, libraryOf(doc));
          const cube = await calc.hyperCube(frozen ?? inputs, resolved);
          return frozen ? overlayModalStates(cube, resolved, inputs.selections) : cube;
        }
        const resolved = resolveListObjectLibrary(def, libraryOf(doc));
        const search = doc.listSearches.get(`${this.objectId}\u0000${path}`);
        const list = await calc.listObject(frozen ?? inputs, resolved, search);
        return frozen ? overlayModalStates(list, resolved, inputs.selections) : list;
      }
      case 'qSelectionObjectDef': {
        const selections = doc.selections;
        return {
          qStateName: typeof def.qStateName === 'string' ? def.qStateName : '$',
          qBackCount: selections?.backCount ?? 0,
          qForwardCount: selections?.forwardCount ?? 0,
          qSelections: calc && inputs ? calc.currentSelections(inputs) : [],
        };
      }
      case 'qChildListDef':
        return childList(doc, this.objectId, def);
      case 'qAppObjectListDef':
        return objectList(doc, def);
      case 'qDimensionListDef':
        return objectList(doc, { ...def, qType: 'dimension' });
      case 'qMeasureListDef':
        return objectList(doc, { ...def, qType: 'measure' });
      case 'qBookmarkListDef':
        return objectList(doc, { ...def, qType: 'bookmark' });
      case 'qVariableListDef':
        return variableList(doc, def);
      case 'qFieldListDef':
        return fieldList(doc, def);
      case 'qUndoInfoDef':
        return { qUndoCount: 0, qRedoCount: 0 };
      case 'qMetaDef':
        return def;
      default: {
        const unknown: never = kind;
        return unknown;
      }
    }
  }

  async evaluate(expression: string, as: 'string' | 'value'): Promise<Json> {
    const calc = this.doc.calculator;
    const inputs = this.doc.inputs();
    if (!calc || !inputs) return as === 'string' ? '' : 'NaN';
    const value = await calc.evaluate(inputs, expression);
    return as === 'string' ? value.qText : value.qNum;
  }
}

/** GetLayout of a generic object: its effective properties through the layout rule. */
export async function objectLayout(doc: DocSession, id: string): Promise<JsonObject> {
  const record = doc.requireObject(id);
  const properties = doc.effectiveProperties(id);
  const layout = await buildLayout(properties, new ObjectNodeComputer(doc, id));
  layout.qInfo = { ...asObject(layout.qInfo), qId: record.id, qType: record.type };
  layout.qMeta = { ...asObject(layout.qMeta), privileges: privileges(doc) };
  const modal = doc.modal;
  layout.qSelectionInfo =
    modal?.objectId === id
      ? { qInSelections: true, ...(modal.made ? { qMadeSelections: true } : {}) }
      : {};
  if (doc.hasSoftPatches(id)) layout.qHasSoftPatches = true;
  return layout;
}
