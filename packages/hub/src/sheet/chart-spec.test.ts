import { describe, expect, it } from 'vitest';
import { chartFields, chartSpecProblems, filterPaneChildren, measureField } from './chart-spec.js';

describe('chartSpecProblems', () => {
  it('chartSpecProblems accepts a bar chart with one dimension and one measure', () => {
    const spec = { type: 'barchart', title: '', dimensions: ['Country'], measures: ['Sum(Sales)'] };
    expect(chartSpecProblems(spec)).toEqual([]);
  });

  it('chartSpecProblems reports a pie chart without a dimension', () => {
    const spec = { type: 'piechart', title: '', dimensions: [' '], measures: ['Sum(Sales)'] };
    expect(chartSpecProblems(spec).map((p) => p.kind)).toEqual(['dimension-count']);
  });

  it('chartSpecProblems rejects an unknown chart type by name', () => {
    expect(chartSpecProblems({ type: 'radar', title: '', dimensions: [], measures: [] })).toEqual([
      { kind: 'unknown-type', type: 'radar' },
    ]);
  });
});

describe('chartFields', () => {
  it('chartFields lists dimensions then measures with a leading =', () => {
    const spec = {
      type: 'table',
      title: '',
      dimensions: ['A', ''],
      measures: ['Sum(B)', '=Count(C)'],
    };
    expect(chartFields(spec)).toEqual(['A', '=Sum(B)', '=Count(C)']);
  });

  it('measureField keeps an existing leading =', () => {
    expect(measureField('  =Avg(X) ')).toBe('=Avg(X)');
  });
});

describe('filterPaneChildren', () => {
  it('filterPaneChildren makes one list box per dimension of a filter pane', () => {
    const spec = { type: 'filterpane', title: '', dimensions: ['Region', 'Product'], measures: [] };
    const children = filterPaneChildren(spec);
    expect(children.map((c) => [c.title, (c.qInfo as { qType: string }).qType])).toEqual([
      ['Region', 'listbox'],
      ['Product', 'listbox'],
    ]);
  });

  it('filterPaneChildren is empty for other chart types', () => {
    expect(filterPaneChildren({ type: 'kpi', title: '', dimensions: ['A'], measures: [] })).toEqual(
      [],
    );
  });
});
