import type { JsonObject, StoredObject } from '../engine-api/deps.js';
import type { DemoChart, DemoSheet } from './demo-app.js';

/**
 * Turns the demo's chart descriptions into the generic objects Qlik Sense keeps for a sheet: a
 * `sheet` whose `cells` place its children on a 24 × 12 grid, chart objects carrying the
 * `visualization` the nebula.js chart packages render by, and, for filter panes, one `listbox`
 * child per field. The property shapes are those the sn-* charts create themselves, reduced to
 * what they read; they fill the rest from their defaults when rendering.
 */
export function sheetObjects(sheet: DemoSheet, sheetId: string, rank: number): StoredObject[] {
  const objects: StoredObject[] = [];
  const cells = sheet.charts.map((chart, i) => {
    const id = `${sheetId}-${i + 1}`;
    objects.push(...chartObjects(chart, id, sheetId));
    return {
      name: id,
      type: chart.type,
      col: chart.col,
      row: chart.row,
      colspan: chart.colspan,
      rowspan: chart.rowspan,
    };
  });
  const properties: JsonObject = {
    qInfo: { qId: sheetId, qType: 'sheet' },
    qMetaDef: { title: sheet.title, description: '' },
    rank,
    columns: 24,
    rows: 12,
    cells,
    qChildListDef: { qData: { title: '/title', visualization: '/visualization' } },
  };
  return [{ id: sheetId, type: 'sheet', parentId: null, properties }, ...objects];
}

function chartObjects(chart: DemoChart, id: string, sheetId: string): StoredObject[] {
  if (chart.type === 'filterpane') return filterPane(chart, id, sheetId);
  const properties: JsonObject = {
    qInfo: { qId: id, qType: chart.type },
    visualization: chart.type,
    version: '1',
    showTitles: true,
    title: chart.title,
    subtitle: '',
    footnote: '',
    qHyperCubeDef: hyperCubeDef(chart),
  };
  return [{ id, type: chart.type, parentId: sheetId, properties }];
}

function hyperCubeDef(chart: DemoChart): JsonObject {
  const width = chart.dimensions.length + chart.measures.length;
  const qDimensions = chart.dimensions.map((field) => ({
    qDef: {
      qFieldDefs: [field],
      qFieldLabels: [''],
      qSortCriterias: [{ qSortByNumeric: 1, qSortByAscii: 1, qSortByLoadOrder: 1 }],
      autoSort: true,
    },
    qNullSuppression: false,
    qOtherTotalSpec: {},
  }));
  const qMeasures = chart.measures.map((m, i) => ({
    qDef: {
      qDef: m.expr,
      qLabel: m.label,
      autoSort: true,
      numFormatFromTemplate: true,
      // A combo chart draws its first measure as bars and the others as lines on a second axis.
      ...(chart.type === 'combochart'
        ? { series: { type: i === 0 ? 'bar' : 'line', axis: i === 0 ? 0 : 1 } }
        : {}),
    },
    qSortBy: { qSortByNumeric: -1 },
  }));
  // Bar and pie charts read best sorted by their measure; lines and tables keep dimension order.
  const byMeasure = chart.type === 'barchart' || chart.type === 'piechart';
  const order = [...Array(width).keys()];
  const qInterColumnSortOrder =
    byMeasure && qMeasures.length > 0 ? [qDimensions.length, ...order.slice(0, -1)] : order;
  return {
    qDimensions,
    qMeasures,
    qMode: 'S',
    qInterColumnSortOrder,
    qSuppressMissing: true,
    qSuppressZero: false,
    qInitialDataFetch: [{ qLeft: 0, qTop: 0, qWidth: width, qHeight: Math.floor(10000 / width) }],
  };
}

function filterPane(chart: DemoChart, id: string, sheetId: string): StoredObject[] {
  const pane: StoredObject = {
    id,
    type: 'filterpane',
    parentId: sheetId,
    properties: {
      qInfo: { qId: id, qType: 'filterpane' },
      visualization: 'filterpane',
      showTitles: false,
      title: chart.title,
      qChildListDef: { qData: { info: '/qInfo' } },
    },
  };
  const boxes = chart.dimensions.map((field, i): StoredObject => {
    const boxId = `${id}-${i + 1}`;
    return {
      id: boxId,
      type: 'listbox',
      parentId: id,
      properties: {
        qInfo: { qId: boxId, qType: 'listbox' },
        visualization: 'listbox',
        title: field,
        showTitles: true,
        qListObjectDef: {
          qDef: {
            qFieldDefs: [field],
            qFieldLabels: [field],
            qSortCriterias: [{ qSortByState: 1, qSortByNumeric: 1, qSortByAscii: 1 }],
          },
          qShowAlternatives: true,
          qInitialDataFetch: [{ qLeft: 0, qTop: 0, qWidth: 1, qHeight: 1000 }],
        },
      },
    };
  });
  return [pane, ...boxes];
}
