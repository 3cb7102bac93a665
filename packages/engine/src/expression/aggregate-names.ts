/**
 * Functions whose calls parse as `AggregateCall` nodes: they take set expressions and
 * DISTINCT/TOTAL, and are evaluated by the aggregation layer over many rows. Lower case.
 * Any other function written with TOTAL (`RowNo(TOTAL)`, `NoOfRows(TOTAL)`) is also parsed as
 * an aggregate call, because it then depends on the chart, not on one row.
 */
export const aggregationFunctionNames: ReadonlySet<string> = new Set([
  'sum',
  'count',
  'avg',
  'min',
  'max',
  'only',
  'concat',
  'minstring',
  'maxstring',
  'mode',
  'median',
  'fractile',
  'fractileexc',
  'stdev',
  'sterr',
  'skew',
  'kurtosis',
  'correl',
  'steyx',
  'linest_m',
  'linest_b',
  'linest_r2',
  'firstsortedvalue',
  'firstvalue',
  'lastvalue',
  'numericcount',
  'textcount',
  'nullcount',
  'missingcount',
  'irr',
  'npv',
  'xirr',
  'xnpv',
  'aggr',
  'rank',
  'hrank',
  'above',
  'below',
  'before',
  'after',
  'top',
  'bottom',
]);

export function isAggregationName(name: string): boolean {
  return aggregationFunctionNames.has(name.toLowerCase());
}
