import { describe, expect, it } from 'vitest';
import { dragToCells, moveCell, placeCell, readCells, resizeCell, type SheetCell } from './grid.js';

const cell = (name: string, col: number, row: number, colspan = 12, rowspan = 6): SheetCell => ({
  name,
  type: 'barchart',
  col,
  row,
  colspan,
  rowspan,
});

describe('placeCell', () => {
  it('placeCell puts a new chart in the first free spot reading row by row', () => {
    const cells = placeCell([cell('a', 0, 0)], { name: 'b', type: 'kpi', colspan: 12, rowspan: 6 });
    expect(cells[1]).toMatchObject({ col: 12, row: 0 });
  });

  it('placeCell puts a chart below everything when the grid is full', () => {
    const full = [cell('a', 0, 0, 24, 12)];
    const cells = placeCell(full, { name: 'b', type: 'kpi', colspan: 6, rowspan: 3 });
    expect(cells[1]).toMatchObject({ col: 0, row: 12 });
  });
});

describe('moveCell', () => {
  it('moveCell shifts a chart by whole cells', () => {
    expect(moveCell([cell('a', 0, 0)], 'a', { cols: 2, rows: 1 })[0]).toMatchObject({
      col: 2,
      row: 1,
    });
  });

  it('moveCell leaves the cells unchanged when the move would overlap another chart', () => {
    const cells = [cell('a', 0, 0), cell('b', 12, 0)];
    expect(moveCell(cells, 'a', { cols: 1, rows: 0 })).toEqual(cells);
  });

  it('moveCell refuses to leave the grid', () => {
    const cells = [cell('a', 0, 0)];
    expect(moveCell(cells, 'a', { cols: -1, rows: 0 })).toEqual(cells);
  });
});

describe('resizeCell', () => {
  it('resizeCell grows a chart into free space and never below one cell', () => {
    const grown = resizeCell([cell('a', 0, 0)], 'a', { cols: 4, rows: 0 });
    const shrunk = resizeCell([cell('a', 0, 0, 1, 1)], 'a', { cols: -1, rows: 0 });
    expect([grown[0]?.colspan, shrunk[0]?.colspan]).toEqual([16, 1]);
  });
});

describe('dragToCells', () => {
  it('dragToCells rounds a pixel drag to the nearest grid step', () => {
    expect(dragToCells(130, -49, 50, 40)).toEqual({ cols: 3, rows: -1 });
  });
});

describe('readCells', () => {
  it('readCells drops malformed entries of a stored sheet', () => {
    const cells = readCells([{ name: 'a', col: 0, row: 0, colspan: 2, rowspan: 2 }, { name: 'b' }]);
    expect(cells.map((c) => c.name)).toEqual(['a']);
  });
});
