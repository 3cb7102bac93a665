/**
 * The sheet grid as Qlik Sense stores it: a sheet's `cells` place each chart at a column and row
 * with a span, on a grid of `columns` × `rows` (Sense's default for new sheets is 24 × 12). Every
 * function here returns new arrays; a move or resize that would leave the grid or overlap another
 * chart returns the cells unchanged.
 */
export interface SheetCell {
  /** The chart's object id (a child of the sheet). */
  readonly name: string;
  /** Its visualization type, kept so the sheet can be listed without opening each chart. */
  readonly type: string;
  readonly col: number;
  readonly row: number;
  readonly colspan: number;
  readonly rowspan: number;
}

export interface GridSize {
  readonly columns: number;
  readonly rows: number;
}

export const DEFAULT_GRID: GridSize = { columns: 24, rows: 12 };

export function overlaps(a: SheetCell, b: SheetCell): boolean {
  return (
    a.col < b.col + b.colspan &&
    b.col < a.col + a.colspan &&
    a.row < b.row + b.rowspan &&
    b.row < a.row + a.rowspan
  );
}

function fits(cell: SheetCell, others: readonly SheetCell[], grid: GridSize): boolean {
  const inside =
    cell.col >= 0 &&
    cell.row >= 0 &&
    cell.colspan >= 1 &&
    cell.rowspan >= 1 &&
    cell.col + cell.colspan <= grid.columns &&
    cell.row + cell.rowspan <= grid.rows;
  return inside && others.every((o) => o.name === cell.name || !overlaps(cell, o));
}

/** The rows the sheet needs: its own size, or more when cells were placed below it. */
export function gridFor(cells: readonly SheetCell[], base: GridSize = DEFAULT_GRID): GridSize {
  const bottom = cells.reduce((max, c) => Math.max(max, c.row + c.rowspan), 0);
  return { columns: base.columns, rows: Math.max(base.rows, bottom) };
}

/**
 * Places a new chart of `colspan` × `rowspan` at the first free spot, reading the grid row by row;
 * when the grid is full the chart goes below everything, which grows the sheet.
 */
export function placeCell(
  cells: readonly SheetCell[],
  cell: Omit<SheetCell, 'col' | 'row'>,
  grid: GridSize = DEFAULT_GRID,
): SheetCell[] {
  const size = gridFor(cells, grid);
  const colspan = Math.min(cell.colspan, size.columns);
  for (let row = 0; row + cell.rowspan <= size.rows; row++) {
    for (let col = 0; col + colspan <= size.columns; col++) {
      const candidate = { ...cell, colspan, col, row };
      if (fits(candidate, cells, size)) return [...cells, candidate];
    }
  }
  return [...cells, { ...cell, colspan, col: 0, row: size.rows }];
}

function update(
  cells: readonly SheetCell[],
  name: string,
  change: (c: SheetCell) => SheetCell,
  grid: GridSize,
): SheetCell[] {
  const current = cells.find((c) => c.name === name);
  if (current === undefined) return [...cells];
  const next = change(current);
  if (!fits(next, cells, gridFor(cells, grid))) return [...cells];
  return cells.map((c) => (c.name === name ? next : c));
}

export function moveCell(
  cells: readonly SheetCell[],
  name: string,
  by: { readonly cols: number; readonly rows: number },
  grid: GridSize = DEFAULT_GRID,
): SheetCell[] {
  return update(cells, name, (c) => ({ ...c, col: c.col + by.cols, row: c.row + by.rows }), grid);
}

export function resizeCell(
  cells: readonly SheetCell[],
  name: string,
  by: { readonly cols: number; readonly rows: number },
  grid: GridSize = DEFAULT_GRID,
): SheetCell[] {
  return update(
    cells,
    name,
    (c) => ({ ...c, colspan: c.colspan + by.cols, rowspan: c.rowspan + by.rows }),
    grid,
  );
}

export function removeCell(cells: readonly SheetCell[], name: string): SheetCell[] {
  return cells.filter((c) => c.name !== name);
}

/** A pointer drag of `dx` × `dy` pixels in whole grid steps (rounded to the nearest cell). */
export function dragToCells(
  dx: number,
  dy: number,
  cellWidth: number,
  cellHeight: number,
): { cols: number; rows: number } {
  const step = (d: number, size: number) => (size > 0 ? Math.round(d / size) : 0);
  return { cols: step(dx, cellWidth), rows: step(dy, cellHeight) };
}

/** Reads `cells` from a sheet layout, dropping entries that are not well-formed. */
export function readCells(value: unknown): SheetCell[] {
  if (!Array.isArray(value)) return [];
  const cells: SheetCell[] = [];
  for (const raw of value as unknown[]) {
    if (typeof raw !== 'object' || raw === null) continue;
    const c = raw as Record<string, unknown>;
    const nums = [c.col, c.row, c.colspan, c.rowspan];
    if (typeof c.name !== 'string' || !nums.every((n) => typeof n === 'number')) continue;
    cells.push({
      name: c.name,
      type: typeof c.type === 'string' ? c.type : '',
      col: c.col as number,
      row: c.row as number,
      colspan: c.colspan as number,
      rowspan: c.rowspan as number,
    });
  }
  return cells;
}
