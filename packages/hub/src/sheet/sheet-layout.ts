import type { JsonObject } from '../engine/qix.js';
import { DEFAULT_GRID, type GridSize, readCells, type SheetCell } from './grid.js';

export interface SheetModel {
  readonly title: string;
  readonly grid: GridSize;
  readonly cells: readonly SheetCell[];
  /** Chart titles by child id, from the sheet's child list. */
  readonly chartTitles: ReadonlyMap<string, string>;
}

const positive = (v: unknown, fallback: number) =>
  typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : fallback;

/** Reads a sheet's layout: meta title, grid size, cells and the titles of its charts. */
export function readSheetLayout(layout: JsonObject): SheetModel {
  const meta = layout.qMeta as { title?: unknown } | undefined;
  const children = layout.qChildList as { qItems?: unknown } | undefined;
  const items = Array.isArray(children?.qItems) ? (children.qItems as unknown[]) : [];
  const chartTitles = new Map<string, string>();
  for (const raw of items) {
    const item = raw as { qInfo?: { qId?: unknown }; qData?: { title?: unknown } };
    const id = item.qInfo?.qId;
    const title = item.qData?.title;
    if (typeof id === 'string' && typeof title === 'string') chartTitles.set(id, title);
  }
  return {
    title: typeof meta?.title === 'string' ? meta.title : '',
    grid: {
      columns: positive(layout.columns, DEFAULT_GRID.columns),
      rows: positive(layout.rows, DEFAULT_GRID.rows),
    },
    cells: readCells(layout.cells),
    chartTitles,
  };
}

/** The sheet's properties after an edit: new title and cells, everything else as stored. */
export function editedSheetProperties(
  stored: JsonObject,
  edit: { readonly title: string; readonly cells: readonly SheetCell[]; readonly rows: number },
): JsonObject {
  const metaDef = (stored.qMetaDef ?? {}) as JsonObject;
  return {
    ...stored,
    qMetaDef: { ...metaDef, title: edit.title },
    cells: edit.cells.map((c) => ({ ...c })),
    rows: edit.rows,
  };
}
