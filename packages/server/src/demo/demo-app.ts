/** A chart on a demo sheet, in grid units of Qlik's 24-column sheet. */
export interface DemoChart {
  readonly type:
    | 'barchart'
    | 'linechart'
    | 'piechart'
    | 'combochart'
    | 'table'
    | 'kpi'
    | 'filterpane';
  readonly title: string;
  readonly dimensions: readonly string[];
  readonly measures: readonly DemoMeasure[];
  readonly col: number;
  readonly row: number;
  readonly colspan: number;
  readonly rowspan: number;
}

export interface DemoSheet {
  readonly title: string;
  readonly charts: readonly DemoChart[];
}

export interface DemoApp {
  readonly name: string;
  readonly description: string;
  /** Keys of `demoFiles()` this app's script loads. */
  readonly files: readonly ('flights' | 'airports' | 'northwind' | 'diamonds')[];
  readonly script: string;
  readonly sheets: readonly DemoSheet[];
}

/** Where a chart sits: column, row, width and height in grid cells. */
export type Place = readonly [col: number, row: number, colspan: number, rowspan: number];

export interface DemoMeasure {
  readonly expr: string;
  readonly label: string;
}

export function measure(expr: string, label: string): DemoMeasure {
  return { expr, label };
}

export function chart(
  type: DemoChart['type'],
  title: string,
  dimensions: readonly string[],
  measures: readonly DemoMeasure[],
  [col, row, colspan, rowspan]: Place,
): DemoChart {
  return { type, title, dimensions, measures, col, row, colspan, rowspan };
}

/** The filter pane down the left of a sheet, one list box per field. */
export function filters(fields: readonly string[]): DemoChart {
  return chart('filterpane', 'Filters', fields, [], [0, 0, 6, 12]);
}

export function kpi(title: string, expr: string, label: string, place: Place): DemoChart {
  return chart('kpi', title, [], [measure(expr, label)], place);
}
