import type { MessageKey } from '../i18n/en.js';

/** The chart types the hub can add to a sheet, with the data targets each sn-* chart accepts. */
export interface ChartType {
  readonly type: ChartTypeName;
  readonly label: MessageKey;
  readonly dimensions: { readonly min: number; readonly max: number };
  readonly measures: { readonly min: number; readonly max: number };
  /** Size of a new chart on the 24 × 12 grid. */
  readonly colspan: number;
  readonly rowspan: number;
}

export type ChartTypeName =
  | 'barchart'
  | 'linechart'
  | 'combochart'
  | 'piechart'
  | 'table'
  | 'kpi'
  | 'filterpane';

// Ranges follow each chart's data targets (qae) in its package: a pie takes one dimension and
// one measure, a KPI measures only, a filter pane dimensions only.
export const CHART_TYPES: readonly ChartType[] = [
  chart('barchart', 'chart.type.barchart', [1, 2], [1, 15], 12, 6),
  chart('linechart', 'chart.type.linechart', [1, 2], [1, 15], 12, 6),
  chart('combochart', 'chart.type.combochart', [1, 1], [1, 15], 12, 6),
  chart('piechart', 'chart.type.piechart', [1, 1], [1, 1], 8, 6),
  chart('table', 'chart.type.table', [0, 20], [0, 20], 12, 6),
  chart('kpi', 'chart.type.kpi', [0, 0], [1, 2], 6, 3),
  chart('filterpane', 'chart.type.filterpane', [1, 10], [0, 0], 6, 6),
];

function chart(
  type: ChartTypeName,
  label: MessageKey,
  dimensions: [number, number],
  measures: [number, number],
  colspan: number,
  rowspan: number,
): ChartType {
  return {
    type,
    label,
    dimensions: { min: dimensions[0], max: dimensions[1] },
    measures: { min: measures[0], max: measures[1] },
    colspan,
    rowspan,
  };
}

export function chartType(type: string): ChartType | undefined {
  return CHART_TYPES.find((c) => c.type === type);
}
