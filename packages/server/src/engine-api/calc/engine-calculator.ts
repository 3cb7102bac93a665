import {
  computeHyperCube,
  createCalcContext,
  type DataModel,
  evaluateExpression,
  getHyperCubeData,
  type HyperCubeDef,
  localeFromVariables,
  type NxPage,
  ResultCache,
  searchField,
} from '@cairn/engine';
import type { Json, JsonObject } from '../deps.js';
import type { CalcInputs, Calculator, NxValue, Selections } from './calculator.js';
import { EngineSelections } from './engine-selections.js';
import { computeListObjectLayout, listObjectPages } from './list-object.js';

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

  async hyperCube(inputs: CalcInputs, def: JsonObject): Promise<JsonObject> {
    return computeHyperCube(this.context(inputs), def as HyperCubeDef) as JsonObject;
  }

  async hyperCubeData(inputs: CalcInputs, def: JsonObject, pages: readonly Json[]) {
    const data = getHyperCubeData(
      this.context(inputs),
      def as HyperCubeDef,
      pages as unknown as NxPage[],
    );
    return data as unknown as Json[];
  }

  async listObject(inputs: CalcInputs, def: JsonObject): Promise<JsonObject> {
    return computeListObjectLayout(this, inputs, def);
  }

  async listObjectData(inputs: CalcInputs, def: JsonObject, pages: readonly Json[]) {
    return listObjectPages(this, inputs, def, pages);
  }

  async evaluate(inputs: CalcInputs, expression: string): Promise<NxValue> {
    return evaluateExpression(this.context(inputs), expression);
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

export function createEngineCalculator(model: DataModel): Calculator {
  return new EngineCalculator(model);
}
