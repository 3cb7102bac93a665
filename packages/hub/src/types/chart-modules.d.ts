// The sn-* packages ship UMD bundles without type declarations; each default export is a
// nebula.js visualization factory, typed where it is handed to stardust (engine/nebula.ts).
declare module '@nebula.js/sn-bar-chart' {
  const chart: unknown;
  export default chart;
}
declare module '@nebula.js/sn-line-chart' {
  const chart: unknown;
  export default chart;
}
declare module '@nebula.js/sn-combo-chart' {
  const chart: unknown;
  export default chart;
}
declare module '@nebula.js/sn-pie-chart' {
  const chart: unknown;
  export default chart;
}
declare module '@nebula.js/sn-table' {
  const chart: unknown;
  export default chart;
}
declare module '@nebula.js/sn-filter-pane' {
  const chart: unknown;
  export default chart;
}
declare module '@nebula.js/sn-kpi' {
  const chart: unknown;
  export default chart;
}
