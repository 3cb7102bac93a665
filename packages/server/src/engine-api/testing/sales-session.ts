import type { Json } from '../deps.js';
import { rpc } from './harness.js';

/** Properties of the objects the data tests create, as nebula would send them. */
export function countryCube(extra: Record<string, Json> = {}): Record<string, Json> {
  return {
    qInfo: { qType: 'table' },
    qHyperCubeDef: {
      qDimensions: [{ qDef: { qFieldDefs: ['Country'], qSortCriterias: [{ qSortByAscii: 1 }] } }],
      qMeasures: [{ qDef: { qDef: '=Sum(Sales)' }, qSortBy: { qSortByNumeric: -1 } }],
      qInterColumnSortOrder: [0, 1],
      qInitialDataFetch: [{ qWidth: 2, qHeight: 50 }],
      ...extra,
    },
  };
}

export function listbox(field: string): Record<string, Json> {
  return {
    qInfo: { qType: 'listbox' },
    qListObjectDef: {
      qDef: { qFieldDefs: [field], qSortCriterias: [{ qSortByAscii: 1 }] },
      qShowAlternatives: true,
      qInitialDataFetch: [{ qWidth: 1, qHeight: 50 }],
    },
  };
}

interface Cell {
  qText: string;
  qNum: number | 'NaN';
  qElemNumber: number;
  qState: string;
}

export interface CubeLayout {
  qHyperCube: {
    qSize: { qcx: number; qcy: number };
    qDataPages: { qMatrix: Cell[][] }[];
    qGrandTotalRow: Cell[];
    qMeasureInfo: { qFallbackTitle: string }[];
    qDimensionInfo: { qFallbackTitle: string }[];
  };
  qSelectionInfo: { qInSelections?: boolean; qMadeSelections?: boolean };
  qHasSoftPatches?: boolean;
}

export interface ListLayout {
  qListObject: { qSize: { qcy: number }; qDataPages: { qMatrix: Cell[][] }[] };
}

/** Rows of the first page as `text=value` / `text:state` strings, compact to assert on. */
export async function cubeRows(object: object): Promise<string[]> {
  const layout = await rpc<CubeLayout>(object, 'getLayout');
  const matrix = layout.qHyperCube.qDataPages[0]?.qMatrix ?? [];
  return matrix.map((row) => row.map((c) => c.qText).join('='));
}

export async function listStates(object: object): Promise<string[]> {
  const layout = await rpc<ListLayout>(object, 'getLayout');
  const matrix = layout.qListObject.qDataPages[0]?.qMatrix ?? [];
  return matrix.map(([c]) => `${c?.qText}:${c?.qState}`);
}

/** Element number of a value in a list object's first page. */
export async function elemOf(object: object, text: string): Promise<number> {
  const layout = await rpc<ListLayout>(object, 'getLayout');
  const row = layout.qListObject.qDataPages[0]?.qMatrix.find(([c]) => c?.qText === text);
  if (!row?.[0]) throw new Error(`no value ${text} in the list`);
  return row[0].qElemNumber;
}
