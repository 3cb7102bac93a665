import { type ModelField, SymbolState, stateLetter } from '@cairn/engine';
import type { Json, JsonObject } from '../deps.js';
import type { CalcInputs } from './calculator.js';
import type { EngineCalculator } from './engine-calculator.js';
import { EngineSelections } from './engine-selections.js';

/**
 * `qListObjectDef` → `qListObject` (engine-protocol.md §3.5) over the engine's symbol tables and
 * inference: every value of the field, excluded ones included, sorted by state, number, text and
 * load order as the def asks. Kept here until @cairn/engine exports its own list-object
 * computation; then these two functions become thin calls to it.
 */
type Sort = { state: number; numeric: number; ascii: number; load: number };

const STATE_RANK: Record<number, number> = {
  [SymbolState.selected]: 0,
  [SymbolState.locked]: 0,
  [SymbolState.excludedSelected]: 1,
  [SymbolState.excludedLocked]: 1,
  [SymbolState.optional]: 2,
  [SymbolState.alternative]: 3,
  [SymbolState.excluded]: 4,
};

function asObject(value: Json | undefined): JsonObject {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

function fieldOf(calc: EngineCalculator, def: JsonObject): ModelField | undefined {
  const qDef = asObject(def.qDef);
  const first = Array.isArray(qDef.qFieldDefs) ? String(qDef.qFieldDefs[0] ?? '') : '';
  return calc.model.fieldByName(first.trim().replace(/^\[(.*)\]$/, '$1'));
}

function sortOf(def: JsonObject): Sort {
  const criteria = asObject(
    Array.isArray(asObject(def.qDef).qSortCriterias)
      ? (asObject(def.qDef).qSortCriterias as Json[])[0]
      : undefined,
  );
  const n = (key: string) => Number(criteria[key] ?? 0) || 0;
  const empty = Object.keys(criteria).length === 0;
  return {
    state: empty ? 1 : n('qSortByState'),
    numeric: empty ? 1 : n('qSortByNumeric'),
    ascii: empty ? 1 : n('qSortByAscii'),
    load: empty ? 1 : n('qSortByLoadOrder'),
  };
}

interface ListRows {
  readonly field: ModelField | undefined;
  readonly order: number[];
  readonly states: Uint8Array;
}

function rows(calc: EngineCalculator, inputs: CalcInputs, def: JsonObject): ListRows {
  const field = fieldOf(calc, def);
  if (!field || !(inputs.selections instanceof EngineSelections)) {
    return { field, order: [], states: new Uint8Array(1) };
  }
  const states = inputs.selections.inference().fields[field.index]?.states ?? new Uint8Array(1);
  const sort = sortOf(def);
  const reverse = asObject(def.qDef).qReverseSort === true ? -1 : 1;
  const symbols = field.symbols;
  const order = Array.from({ length: symbols.size }, (_, i) => i);
  const collator = new Intl.Collator('en-US');
  order.sort((a, b) => {
    if (sort.state) {
      const d = (STATE_RANK[states[a + 1] ?? 0] ?? 4) - (STATE_RANK[states[b + 1] ?? 0] ?? 4);
      if (d !== 0) return d * sort.state;
    }
    if (sort.numeric) {
      const na = symbols.num(a);
      const nb = symbols.num(b);
      const ha = !Number.isNaN(na);
      const hb = !Number.isNaN(nb);
      if (ha && hb && na !== nb) return (na - nb) * sort.numeric * reverse;
      if (ha !== hb) return ha ? -1 : 1;
    }
    if (sort.ascii) {
      const d = collator.compare(symbols.text(a), symbols.text(b));
      if (d !== 0) return d * sort.ascii * reverse;
    }
    return sort.load ? (a - b) * sort.load * reverse : 0;
  });
  return { field, order, states };
}

function letter(state: number, showAlternatives: boolean): string {
  if (state === SymbolState.alternative && !showAlternatives) return 'X';
  return stateLetter(state);
}

function pages(list: ListRows, def: JsonObject, requested: readonly Json[]): Json[] {
  const showAlternatives = def.qShowAlternatives === true;
  return requested.map((raw) => {
    const page = asObject(raw);
    const top = Math.max(0, Number(page.qTop ?? 0) || 0);
    const height = Math.max(0, Number(page.qHeight ?? 0) || 0);
    const width = Math.min(1, Math.max(0, Number(page.qWidth ?? 0) || 0));
    const slice = width > 0 ? list.order.slice(top, top + height) : [];
    const symbols = list.field?.symbols;
    return {
      qMatrix: slice.map((s) => {
        const num = symbols?.num(s) ?? Number.NaN;
        return [
          {
            qText: symbols?.text(s) ?? '',
            qNum: Number.isNaN(num) ? 'NaN' : num,
            qElemNumber: s,
            qState: letter(list.states[s + 1] ?? 0, showAlternatives),
          },
        ];
      }),
      qTails: [],
      qArea: {
        qTop: top,
        qLeft: Number(page.qLeft ?? 0) || 0,
        qWidth: width,
        qHeight: slice.length,
      },
      qIsReduced: false,
    };
  });
}

export function computeListObjectLayout(
  calc: EngineCalculator,
  inputs: CalcInputs,
  def: JsonObject,
): JsonObject {
  const list = rows(calc, inputs, def);
  const field = list.field;
  const qDef = asObject(def.qDef);
  const labels = Array.isArray(qDef.qFieldLabels) ? qDef.qFieldLabels : [];
  const title = String(labels[0] ?? field?.name ?? '');
  const selections = inputs.selections instanceof EngineSelections ? inputs.selections : null;
  const counts = field ? selections?.inference().fields[field.index]?.counts : undefined;
  const custom = Object.fromEntries(Object.entries(qDef).filter(([k]) => !k.startsWith('q')));
  const initial = Array.isArray(def.qInitialDataFetch) ? def.qInitialDataFetch : [];
  return {
    qStateName: typeof def.qStateName === 'string' && def.qStateName ? def.qStateName : '$',
    qSize: { qcx: 1, qcy: list.order.length },
    qDimensionInfo: {
      ...custom,
      qFallbackTitle: title,
      qApprMaxGlyphCount: list.order.reduce(
        (m, s) => Math.max(m, field?.symbols.text(s).length ?? 0),
        0,
      ),
      qCardinal: field?.symbols.size ?? 0,
      qSortIndicator: 'A',
      qGroupFallbackTitles: [title],
      qGroupPos: 0,
      qGroupFieldDefs: field ? [field.name] : [],
      qStateCounts: { ...(counts ?? {}) },
      qTags: [...(field?.tags ?? [])],
      qDimensionType: field?.tags.includes('$numeric') ? 'N' : 'D',
      qGrouping: 'N',
      qNumFormat: { qType: 'U', qnDec: 10, qUseThou: 0, qFmt: '', qDec: '', qThou: '' },
      qIsAutoFormat: true,
      qLocked: field ? (selections?.state.isLocked(field.index) ?? false) : false,
      qIsOneAndOnlyOne: false,
      qAttrExprInfo: [],
      qAttrDimInfo: [],
      qIsCalculated: false,
      ...(field ? {} : { qError: { qErrorCode: 7005 } }),
      ...(typeof def.qLibraryId === 'string' && def.qLibraryId
        ? { qLibraryId: def.qLibraryId }
        : {}),
    },
    qExpressions: [],
    qDataPages: pages(list, def, initial),
  };
}

export function listObjectPages(
  calc: EngineCalculator,
  inputs: CalcInputs,
  def: JsonObject,
  requested: readonly Json[],
): Json[] {
  return pages(rows(calc, inputs, def), def, requested);
}
