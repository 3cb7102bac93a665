import { describe, expect, it } from 'vitest';
import { sheetObjects } from './chart-properties.js';
import { flightsApp } from './flights-app.js';

describe('sheetObjects', () => {
  const sheet = flightsApp.sheets[0];
  const objects = sheet ? sheetObjects(sheet, 'sheet-1', 0) : [];

  it('sheetObjects places every chart of a sheet in its cells, by the child object id', () => {
    const cells = objects[0]?.properties.cells as { name: string }[];
    const children = objects.filter((o) => o.parentId === 'sheet-1').map((o) => o.id);
    expect(cells.map((c) => c.name)).toEqual(children);
  });

  it('sheetObjects gives a filter pane one list box child per field', () => {
    const pane = objects.find((o) => o.type === 'filterpane');
    const boxes = objects.filter((o) => o.parentId === pane?.id);
    expect(boxes.map((b) => b.properties.title)).toEqual(['Origin State', 'Year', 'Weekday']);
  });

  it('sheetObjects sorts a bar chart by its measure first', () => {
    const bar = objects.find((o) => o.type === 'barchart');
    const cube = bar?.properties.qHyperCubeDef as { qInterColumnSortOrder: number[] };
    expect(cube.qInterColumnSortOrder).toEqual([1, 0]);
  });
});
