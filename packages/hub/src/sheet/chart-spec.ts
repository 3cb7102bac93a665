import type { JsonObject } from '../engine/qix.js';
import { type ChartType, chartType } from './chart-types.js';

/** What a person picked in the "add chart" dialog. */
export interface ChartSpec {
  readonly type: string;
  readonly title: string;
  /** Field names, or calculated dimensions starting with `=`. */
  readonly dimensions: readonly string[];
  /** Expressions such as `Sum(Sales)`; a leading `=` is optional. */
  readonly measures: readonly string[];
}

export type ChartSpecProblem =
  | { readonly kind: 'unknown-type'; readonly type: string }
  | { readonly kind: 'dimension-count'; readonly chart: ChartType; readonly count: number }
  | { readonly kind: 'measure-count'; readonly chart: ChartType; readonly count: number }
  | { readonly kind: 'empty-table'; readonly chart: ChartType };

const filled = (items: readonly string[]) => items.map((s) => s.trim()).filter((s) => s !== '');

/** Problems that stop the chart from being created, in the order the dialog shows them. */
export function chartSpecProblems(spec: ChartSpec): ChartSpecProblem[] {
  const chart = chartType(spec.type);
  if (chart === undefined) return [{ kind: 'unknown-type', type: spec.type }];
  const dims = filled(spec.dimensions).length;
  const measures = filled(spec.measures).length;
  const problems: ChartSpecProblem[] = [];
  if (dims < chart.dimensions.min || dims > chart.dimensions.max) {
    problems.push({ kind: 'dimension-count', chart, count: dims });
  }
  if (measures < chart.measures.min || measures > chart.measures.max) {
    problems.push({ kind: 'measure-count', chart, count: measures });
  }
  if (chart.type === 'table' && dims + measures === 0)
    problems.push({ kind: 'empty-table', chart });
  return problems;
}

/** A measure as stardust's `fields` wants it: an expression string starting with `=`. */
export function measureField(expression: string): string {
  const text = expression.trim();
  return text.startsWith('=') ? text : `=${text}`;
}

/** The `fields` list for `nebbie.generateProperties({type, fields})`: dimensions, then measures. */
export function chartFields(spec: ChartSpec): string[] {
  return [...filled(spec.dimensions), ...filled(spec.measures).map(measureField)];
}

/**
 * A filter pane shows one list box per dimension, each a child object of the pane, in the shape
 * sn-filter-pane itself creates (`qInfo.qType 'listbox'`, state-first sorting, alternatives on).
 */
export function listboxProperties(field: string): JsonObject {
  return {
    qInfo: { qType: 'listbox' },
    visualization: 'listbox',
    title: field.startsWith('=') ? field.slice(1) : field,
    qListObjectDef: {
      qDef: {
        qFieldDefs: [field],
        qSortCriterias: [
          { qSortByState: 1, qSortByAscii: 1, qSortByNumeric: 1, qSortByLoadOrder: 1 },
        ],
      },
      qShowAlternatives: true,
      qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 1, qHeight: 0 }],
    },
  };
}

/** The filter pane's list boxes, one per non-empty dimension. */
export function filterPaneChildren(spec: ChartSpec): JsonObject[] {
  return spec.type === 'filterpane' ? filled(spec.dimensions).map(listboxProperties) : [];
}
