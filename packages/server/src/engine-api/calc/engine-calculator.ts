import {
  computeHyperCube,
  computeListObject,
  createCalcContext,
  type DataModel,
  type DollarExpansionHooks,
  ExpressionError,
  evaluateExpression,
  getHyperCubeData,
  getListObjectData,
  type HyperCubeDef,
  type ListObjectDef,
  ListObjectError,
  localeFromVariables,
  ResultCache,
  searchField,
} from '@cairn/engine';
import type { Json, JsonObject } from '../deps.js';
import type { CalcInputs, Calculator, NxValue, Selections } from './calculator.js';
import { expandDeep } from './dollar.js';
import { EngineSelections } from './engine-selections.js';

/**
 * The in-process `Calculator` over @cairn/engine: one per loaded model, with one result cache
 * shared by every session of that model version. Calls run on the event loop; each one is a
 * bounded calculation and the session queue yields between requests. The interface is async so
 * the kernels (which work on row ranges) can move behind a worker-thread pool without touching
 * the protocol layer.
 */
const SELECTION_THRESHOLD = 6;

function asEngine(selections: Selections): EngineSelections {
  if (!(selections instanceof EngineSelections)) {
    throw new TypeError('selections of another calculator were passed to the engine calculator');
  }
  return selections;
}

export class EngineCalculator implements Calculator {
  private readonly cache = new ResultCache();

  constructor(readonly model: DataModel) {}

  newSelections(): Selections {
    return new EngineSelections(this.model);
  }

  private context(inputs: CalcInputs) {
    const selections = asEngine(inputs.selections);
    const variables = new Map(inputs.variables.map((v) => [v.name, v.definition]));
    return createCalcContext(this.model, selections.state, selections.inference(), {
      variables,
      locale: localeFromVariables((name) => variables.get(name)),
      cache: this.cache,
    });
  }

  private hooks(inputs: CalcInputs): DollarExpansionHooks {
    const variables = new Map(inputs.variables.map((v) => [v.name, v.definition]));
    return {
      variable: (name) => variables.get(name),
      evaluate: (expression) => evaluateExpression(this.context(inputs), expression).qText,
    };
  }

  /** The def with `$(...)` expanded; unchanged (same object, cache-friendly) when it has none. */
  private expand<T extends Json>(inputs: CalcInputs, def: T): T {
    return JSON.stringify(def).includes('$(') ? expandDeep(def, this.hooks(inputs)) : def;
  }

  async hyperCube(inputs: CalcInputs, def: JsonObject): Promise<JsonObject> {
    try {
      const expanded = this.expand(inputs, def) as HyperCubeDef;
      return computeHyperCube(this.context(inputs), expanded) as JsonObject;
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      return invalidCube(def, error.message);
    }
  }

  async hyperCubeData(inputs: CalcInputs, def: JsonObject, pages: readonly Json[]) {
    try {
      const data = getHyperCubeData(
        this.context(inputs),
        this.expand(inputs, def) as HyperCubeDef,
        pages as unknown as Parameters<typeof getHyperCubeData>[2],
      );
      return data as unknown as Json[];
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      return pages.map(emptyPage);
    }
  }

  async listObject(inputs: CalcInputs, def: JsonObject, search?: string): Promise<JsonObject> {
    const selections = asEngine(inputs.selections);
    try {
      const layout = computeListObject(
        this.model,
        selections.state,
        selections.inference(),
        this.expand(inputs, def) as unknown as ListObjectDef,
        search === undefined ? {} : { search },
      );
      return layout as unknown as JsonObject;
    } catch (error) {
      // A list over an unknown or calculated field is an object-level error, not a failed call.
      if (!(error instanceof ListObjectError) || error.code === 'LIST_PAGE_TOO_LARGE') throw error;
      return {
        qStateName: typeof def.qStateName === 'string' && def.qStateName ? def.qStateName : '$',
        qSize: { qcx: 0, qcy: 0 },
        qDimensionInfo: { qError: { qErrorCode: error.qErrorCode }, qStateCounts: {} },
        qExpressions: [],
        qDataPages: [],
        qError: { qErrorCode: error.qErrorCode },
      };
    }
  }

  async listObjectData(
    inputs: CalcInputs,
    def: JsonObject,
    pages: readonly Json[],
    search?: string,
  ) {
    const selections = asEngine(inputs.selections);
    const data = getListObjectData(
      this.model,
      selections.state,
      selections.inference(),
      this.expand(inputs, def) as unknown as ListObjectDef,
      pages as unknown as Parameters<typeof getListObjectData>[4],
      search === undefined ? {} : { search },
    );
    return data as unknown as Json[];
  }

  /** Expression errors come back as `Error: ...` text, as the real engine answers Evaluate. */
  async evaluate(inputs: CalcInputs, expression: string): Promise<NxValue> {
    try {
      return evaluateExpression(this.context(inputs), this.expand(inputs, expression));
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      return { qText: `Error: ${error.message}`, qNum: 'NaN', qIsNumeric: false };
    }
  }

  currentSelections(inputs: CalcInputs): JsonObject[] {
    const selections = asEngine(inputs.selections);
    const inference = selections.inference();
    return selections.state.currentSelections().map((current) => {
      const field = this.model.fields[current.field];
      const total = field?.symbols.size ?? 0;
      const count = current.symbols.length;
      const texts = current.symbols.map((s) => field?.symbols.text(s) ?? '');
      const item: JsonObject = {
        qField: current.name,
        qSelected: count <= SELECTION_THRESHOLD ? texts.join(', ') : `${count} of ${total}`,
        qSelectedCount: count,
        qTotal: total,
        qSortIndex: current.sortIndex,
        qStateCounts: { ...(inference.fields[current.field]?.counts ?? {}) },
        qSelectedFieldSelectionInfo: texts
          .slice(0, SELECTION_THRESHOLD)
          .map((t) => ({ qName: t, qFieldSelectionMode: 'NORMAL' })),
        qNotSelectedFieldSelectionInfo: [],
        qSelectionThreshold: SELECTION_THRESHOLD,
        qRangeInfo: [],
        qDimensionReferences: [],
      };
      if (current.locked) item.qLocked = true;
      if (field?.tags.includes('$numeric')) item.qIsNum = true;
      return item;
    });
  }

  fieldInfo(inputs: CalcInputs, name: string) {
    const field = this.model.fieldByName(name);
    if (!field) return undefined;
    const counts = asEngine(inputs.selections).inference().fields[field.index]?.counts;
    return {
      cardinal: field.symbols.size,
      stateCounts: { ...(counts ?? {}) } as JsonObject,
      tags: field.tags,
    };
  }

  search(_inputs: CalcInputs, name: string, text: string, mode: 'words' | 'exact'): number[] {
    const field = this.model.fieldByName(name);
    return field ? searchField(field, text, { textMode: mode }) : [];
  }
}

function emptyPage(page: Json): Json {
  const p = page && typeof page === 'object' && !Array.isArray(page) ? page : {};
  const at = (key: string) => Number(p[key] ?? 0) || 0;
  return {
    qMatrix: [],
    qTails: [],
    qArea: { qTop: at('qTop'), qLeft: at('qLeft'), qWidth: 0, qHeight: 0 },
    qIsReduced: false,
  };
}

/**
 * A cube whose expressions do not compile (an unknown field, a syntax error): the object's
 * layout carries the error (7000, invalid definition) instead of failing the whole call, and
 * still has one (empty) page per initial fetch, since charts read `qDataPages[0]` unguarded.
 */
function invalidCube(def: JsonObject, message: string): JsonObject {
  const initial = Array.isArray(def.qInitialDataFetch) ? def.qInitialDataFetch : [];
  return {
    qStateName: typeof def.qStateName === 'string' && def.qStateName ? def.qStateName : '$',
    qSize: { qcx: 0, qcy: 0 },
    qDimensionInfo: [],
    qMeasureInfo: [],
    qEffectiveInterColumnSortOrder: [],
    qGrandTotalRow: [],
    qDataPages: initial.map(emptyPage),
    qPivotDataPages: [],
    qStackedDataPages: [],
    qMode: 'S',
    qNoOfLeftDims: -1,
    qTreeNodesOnDim: [],
    qColumnOrder: [],
    qHasOtherValues: false,
    qCalcCondMsg: '',
    qTitle: '',
    qError: { qErrorCode: 7000, qContext: message },
  };
}

export function createEngineCalculator(model: DataModel): Calculator {
  return new EngineCalculator(model);
}
