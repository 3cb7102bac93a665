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
  readonly measures: readonly { readonly expr: string; readonly label: string }[];
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
