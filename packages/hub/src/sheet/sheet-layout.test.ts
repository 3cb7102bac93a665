import { describe, expect, it } from 'vitest';
import { editedSheetProperties, readSheetLayout } from './sheet-layout.js';

describe('readSheetLayout', () => {
  it('readSheetLayout reads title, cells and chart titles', () => {
    const model = readSheetLayout({
      qMeta: { title: 'Overview' },
      cells: [{ name: 'c1', type: 'kpi', col: 0, row: 0, colspan: 6, rowspan: 3 }],
      qChildList: { qItems: [{ qInfo: { qId: 'c1' }, qData: { title: 'Revenue' } }] },
    });
    expect([model.title, model.cells.length, model.chartTitles.get('c1')]).toEqual([
      'Overview',
      1,
      'Revenue',
    ]);
  });

  it('readSheetLayout uses the default 24 × 12 grid when the sheet has none', () => {
    expect(readSheetLayout({}).grid).toEqual({ columns: 24, rows: 12 });
  });
});

describe('editedSheetProperties', () => {
  it('editedSheetProperties replaces title and cells and keeps other properties', () => {
    const stored = {
      qInfo: { qId: 's', qType: 'sheet' },
      qMetaDef: { title: 'Old', description: 'd' },
      rank: 3,
    };
    const cells = [{ name: 'c', type: 'kpi', col: 0, row: 0, colspan: 1, rowspan: 1 }];
    expect(editedSheetProperties(stored, { title: 'New', cells, rows: 12 })).toEqual({
      qInfo: { qId: 's', qType: 'sheet' },
      qMetaDef: { title: 'New', description: 'd' },
      rank: 3,
      cells,
      rows: 12,
    });
  });
});
