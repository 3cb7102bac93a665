import type { JsonObject } from '../engine/qix.js';
import { DEFAULT_GRID } from './grid.js';

export interface SheetEntry {
  readonly id: string;
  readonly title: string;
  readonly rank: number;
}

/** The session object that lists an app's sheets, as Sense's own client asks for them. */
export const SHEET_LIST_PROPERTIES: JsonObject = {
  qInfo: { qType: 'SheetList' },
  qAppObjectListDef: {
    qType: 'sheet',
    qData: { title: '/qMetaDef/title', description: '/qMetaDef/description', rank: '/rank' },
  },
};

/** Sheets from the list's layout (`qAppObjectList.qItems`), ordered by rank then title. */
export function readSheetList(layout: JsonObject): SheetEntry[] {
  const list = layout.qAppObjectList as { qItems?: unknown } | undefined;
  const items = Array.isArray(list?.qItems) ? (list.qItems as unknown[]) : [];
  const sheets: SheetEntry[] = [];
  for (const raw of items) {
    const item = raw as {
      qInfo?: { qId?: unknown };
      qMeta?: { title?: unknown };
      qData?: { title?: unknown; rank?: unknown };
    };
    const id = item.qInfo?.qId;
    if (typeof id !== 'string') continue;
    const title = item.qData?.title ?? item.qMeta?.title;
    const rank = item.qData?.rank;
    sheets.push({
      id,
      title: typeof title === 'string' ? title : '',
      rank: typeof rank === 'number' ? rank : Number.MAX_SAFE_INTEGER,
    });
  }
  return sheets.sort((a, b) => a.rank - b.rank || a.title.localeCompare(b.title));
}

/** Properties of a new, empty sheet in Qlik's shape: meta title, rank, grid size and cells. */
export function newSheetProperties(title: string, rank: number): JsonObject {
  return {
    qInfo: { qType: 'sheet' },
    qMetaDef: { title, description: '' },
    rank,
    columns: DEFAULT_GRID.columns,
    rows: DEFAULT_GRID.rows,
    cells: [],
    qChildListDef: { qData: { title: '/title', visualization: '/visualization' } },
  };
}

/** The rank after the last sheet, so a new sheet is listed at the end. */
export function nextRank(sheets: readonly SheetEntry[]): number {
  const ranks = sheets.map((s) => s.rank).filter((r) => r !== Number.MAX_SAFE_INTEGER);
  return ranks.length === 0 ? 0 : Math.max(...ranks) + 1;
}
