import type { SelectVerb } from '../calc/calculator.js';
import type { Json, JsonObject } from '../deps.js';
import { EngineError, ErrorCode } from '../protocol/engine-error.js';
import { arr, bool, numbers, type Params, str, strings } from '../protocol/params.js';
import type { DocSession } from '../session/doc-session.js';
import { beginSelections, endSelections, resetMadeSelections } from '../session/modal.js';
import type { Method, MethodContext } from './context.js';
import { fieldName } from './doc-data.js';
import { self } from './generic-object.js';
import { type DefTarget, dataPages, defAt, fetchPages, listSearchKey } from './object-data.js';

/**
 * Selections made through an object's hypercube or list object (engine-protocol.md §2.5). Element
 * numbers are symbol indexes of the dimension's field; a calculated dimension cannot be selected
 * in (qSuccess false), nor can a locked field.
 */
function dimensions(target: DefTarget): Json[] {
  return target.kind === 'list'
    ? [target.def]
    : Array.isArray(target.def.qDimensions)
      ? target.def.qDimensions
      : [];
}

function measures(target: DefTarget): Json[] {
  return Array.isArray(target.def.qMeasures) ? target.def.qMeasures : [];
}

/** The field a dimension selects in, or null for a calculated one. */
function dimensionField(doc: DocSession, dim: Json | undefined): string | null {
  if (!dim || typeof dim !== 'object' || Array.isArray(dim)) return null;
  const qDef = dim.qDef;
  if (!qDef || typeof qDef !== 'object' || Array.isArray(qDef)) return null;
  const first = Array.isArray(qDef.qFieldDefs) ? qDef.qFieldDefs[0] : undefined;
  if (typeof first !== 'string' || first.trim().startsWith('=')) return null;
  const name = fieldName(first);
  return doc.calculator?.model.fieldByName(name) ? name : null;
}

function select(doc: DocSession, changes: Map<string, number[]>, toggle: boolean): boolean {
  if (changes.size === 0) return false;
  return doc.changeSelections((s) => {
    let ok = true;
    for (const [field, symbols] of changes) ok = s.selectValues(field, symbols, toggle) && ok;
    return ok;
  });
}

function selectHandler(run: (ctx: MethodContext, params: Params) => Promise<boolean> | boolean) {
  const method: Method = async (ctx, params) => {
    if (!self(ctx).doc.rights.select) {
      throw new EngineError(ErrorCode.accessDenied, 'select', 'Access denied: selecting');
    }
    return { qSuccess: await run(ctx, params) };
  };
  return method;
}

const SelectHyperCubeValues = selectHandler((ctx, params) => {
  const target = defAt(ctx, str(params, 'qPath'));
  const dimNo = Number(params.qDimNo ?? 0);
  const field = dimensionField(target.doc, dimensions(target)[dimNo]);
  if (!field) return false;
  return select(
    target.doc,
    new Map([[field, numbers(params, 'qValues')]]),
    bool(params, 'qToggleMode'),
  );
});

/** Visible columns: dimensions then measures, the indices `qColIndices` count (§3.4). */
async function rowsOf(target: DefTarget, rows: number[]): Promise<JsonObject[][]> {
  const width = dimensions(target).length + measures(target).length;
  const pages = rows.map((r) => ({ qTop: r, qLeft: 0, qHeight: 1, qWidth: width }));
  const data = await fetchPages(target, pages);
  return data.map((page) => {
    const matrix = (page as JsonObject).qMatrix;
    return Array.isArray(matrix) && Array.isArray(matrix[0]) ? (matrix[0] as JsonObject[]) : [];
  });
}

const SelectHyperCubeCells = selectHandler(async (ctx, params) => {
  const target = defAt(ctx, str(params, 'qPath'));
  const dims = dimensions(target);
  const cols = numbers(params, 'qColIndices').filter((c) => c < dims.length);
  const useCols = cols.length > 0 ? cols : dims.map((_, i) => i);
  const rows = await rowsOf(target, numbers(params, 'qRowIndices'));
  const changes = new Map<string, number[]>();
  for (const col of useCols) {
    const field = dimensionField(target.doc, dims[col]);
    if (!field) continue;
    const symbols = rows.map((row) => Number(row[col]?.qElemNumber ?? -1)).filter((e) => e >= 0);
    changes.set(field, [...new Set([...(changes.get(field) ?? []), ...symbols])]);
  }
  // sn-table sends every row it has selected so far, so the rows replace the field's selection.
  return select(target.doc, changes, false);
});

function inRange(value: number, range: JsonObject): boolean {
  const min = Number(range.qMin ?? Number.NEGATIVE_INFINITY);
  const max = Number(range.qMax ?? Number.POSITIVE_INFINITY);
  const lowOk = range.qMinInclEq === false ? value > min : value >= min;
  const highOk = range.qMaxInclEq === false ? value < max : value <= max;
  return lowOk && highOk;
}

/** Range (lasso, measure-axis brush) selection: dimension values of rows whose measure fits. */
const RangeSelectHyperCubeValues = selectHandler(async (ctx, params) => {
  const target = defAt(ctx, str(params, 'qPath'));
  const dims = dimensions(target);
  const ranges = arr(params, 'qRanges').filter(
    (r): r is JsonObject => !!r && typeof r === 'object' && !Array.isArray(r),
  );
  const columns = numbers(params, 'qColumnsToSelect');
  const selectCols = columns.length > 0 ? columns : dims.map((_, i) => i);
  const orMode = bool(params, 'qOrMode');
  const width = dims.length + measures(target).length;
  const limit = ctx.env.limits.maxPageCells;
  const changes = new Map<string, Set<number>>();
  const pageRows = Math.max(1, Math.floor(limit / Math.max(width, 1)));
  for (let top = 0; ; top += pageRows) {
    const [page] = await fetchPages(target, [
      { qTop: top, qLeft: 0, qWidth: width, qHeight: pageRows },
    ]);
    const matrix = (page as JsonObject | undefined)?.qMatrix;
    if (!Array.isArray(matrix) || matrix.length === 0) break;
    for (const row of matrix as JsonObject[][]) {
      const hits = ranges.map((r) => {
        const cell = row[dims.length + Number(r.qMeasureIx ?? 0)];
        const value = Number(cell?.qNum);
        const range = (r.qRange ?? {}) as JsonObject;
        return Number.isFinite(value) && inRange(value, range);
      });
      if (!(orMode ? hits.some(Boolean) : hits.every(Boolean))) continue;
      for (const col of selectCols) {
        const field = dimensionField(target.doc, dims[col]);
        const elem = Number(row[col]?.qElemNumber ?? -1);
        if (!field || elem < 0) continue;
        if (!changes.has(field)) changes.set(field, new Set());
        changes.get(field)?.add(elem);
      }
    }
    if (matrix.length < pageRows) break;
  }
  return select(target.doc, new Map([...changes].map(([f, s]) => [f, [...s]])), false);
});

function listField(ctx: MethodContext, params: Params): { doc: DocSession; field: string | null } {
  const target = defAt(ctx, str(params, 'qPath'));
  return { doc: target.doc, field: dimensionField(target.doc, dimensions(target)[0]) };
}

const SelectListObjectValues = selectHandler((ctx, params) => {
  const { doc, field } = listField(ctx, params);
  if (!field) return false;
  return select(doc, new Map([[field, numbers(params, 'qValues')]]), bool(params, 'qToggleMode'));
});

function listVerb(verb: SelectVerb) {
  return selectHandler((ctx, params) => {
    const { doc, field } = listField(ctx, params);
    return field ? doc.changeSelections((s) => s.selectVerb(field, verb)) : false;
  });
}

/** Fields a `qPath` + `qColIndices` pair names (ClearSelections, Lock, Unlock). */
function fieldsAt(ctx: MethodContext, params: Params): { doc: DocSession; fields: string[] } {
  const target = defAt(ctx, str(params, 'qPath'));
  const dims = dimensions(target);
  const cols = numbers(params, 'qColIndices');
  const pick = cols.length > 0 ? cols.map((c) => dims[c]) : dims;
  const fields = pick.map((d) => dimensionField(target.doc, d)).filter((f): f is string => !!f);
  return { doc: target.doc, fields };
}

function searchKey(ctx: MethodContext, params: Params): string {
  return listSearchKey(ctx.entry.id, str(params, 'qPath'));
}

export const objectSelectMethods: Record<string, Method> = {
  GetHyperCubeData: (ctx, params) => dataPages(ctx, params, 'cube'),
  // Returning the unreduced pages is a valid first implementation (engine-protocol.md §2.5).
  GetHyperCubeReducedData: (ctx, params) => dataPages(ctx, params, 'cube'),
  GetListObjectData: (ctx, params) => dataPages(ctx, params, 'list'),
  SelectHyperCubeValues,
  SelectHyperCubeCells,
  RangeSelectHyperCubeValues,
  SelectListObjectValues,
  SelectListObjectAll: listVerb('all'),
  SelectListObjectPossible: listVerb('possible'),
  SelectListObjectAlternative: listVerb('alternative'),
  SelectListObjectExcluded: listVerb('excluded'),
  BeginSelections: (ctx, params) => {
    beginSelections(self(ctx).doc, ctx.entry.id, strings(params, 'qPaths'));
    return {};
  },
  EndSelections: (ctx, params) => {
    const { doc } = self(ctx);
    if (doc.modal?.objectId === ctx.entry.id) endSelections(doc, bool(params, 'qAccept'));
    return {};
  },
  ResetMadeSelections: (ctx) => {
    resetMadeSelections(self(ctx).doc, ctx.entry.id);
    return {};
  },
  ClearSelections: (ctx, params) => {
    const { doc, fields } = fieldsAt(ctx, params);
    if (fields.length > 0) {
      doc.changeSelections((s) => {
        for (const f of fields) s.clearField(f);
      });
    }
    return {};
  },
  Lock: (ctx, params) => {
    const { doc, fields } = fieldsAt(ctx, params);
    doc.changeSelections((s) => {
      for (const f of fields) s.lock(f);
    });
    return {};
  },
  Unlock: (ctx, params) => {
    const { doc, fields } = fieldsAt(ctx, params);
    doc.changeSelections((s) => {
      for (const f of fields) s.unlock(f);
    });
    return {};
  },
  SearchListObjectFor: (ctx, params) => {
    const { doc } = self(ctx);
    defAt(ctx, str(params, 'qPath'));
    doc.listSearches.set(searchKey(ctx, params), str(params, 'qMatch'));
    doc.invalidateObject(ctx.entry.id);
    return { qSuccess: true };
  },
  AbortListObjectSearch: (ctx, params) => {
    const { doc } = self(ctx);
    if (doc.listSearches.delete(searchKey(ctx, params))) doc.invalidateObject(ctx.entry.id);
    return {};
  },
  AcceptListObjectSearch: (ctx, params) => {
    const { doc, field } = listField(ctx, params);
    const key = searchKey(ctx, params);
    const text = doc.listSearches.get(key);
    doc.listSearches.delete(key);
    doc.invalidateObject(ctx.entry.id);
    const calc = doc.calculator;
    const inputs = doc.inputs();
    if (!field || text === undefined || !calc || !inputs) return {};
    const symbols = calc.search(inputs, field, text, 'words');
    select(doc, new Map([[field, symbols]]), bool(params, 'qToggleMode'));
    return {};
  },
};
