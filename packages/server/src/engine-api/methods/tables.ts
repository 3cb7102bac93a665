import type { DataModel, ModelTable } from '@cairn/engine';
import type { Json, JsonObject } from '../deps.js';

/**
 * `GetTablesAndKeys` and `GetTableData` for data-model viewers: per table its fields with
 * counts and key type, and the key fields that associate tables.
 */
function fieldStats(table: ModelTable, codes: ArrayLike<number>) {
  let nonNulls = 0;
  const distinct = new Set<number>();
  for (let r = 0; r < table.rowCount; r++) {
    const code = codes[r] ?? 0;
    if (code !== 0) {
      nonNulls++;
      distinct.add(code);
    }
  }
  return { nonNulls, distinct: distinct.size };
}

export function tablesAndKeys(model: DataModel, includeSystem: boolean): JsonObject {
  const qtr: Json[] = model.tables.map((table, t) => ({
    qName: table.name,
    qLoose: table.isLooselyCoupled,
    qNoOfRows: table.rowCount,
    qFields: table.columns
      .map((column) => model.fields[column.field])
      .filter((field) => field && (includeSystem || !field.isSystem))
      .map((field) => {
        const column = table.columns.find((c) => c.field === field?.index);
        const stats = column ? fieldStats(table, column.codes) : { nonNulls: 0, distinct: 0 };
        const isKey = (field?.tables.length ?? 0) > 1;
        const total = field?.symbols.size ?? 0;
        return {
          qName: field?.name ?? '',
          qOriginalFields: [],
          qPresent: true,
          qHasNull: stats.nonNulls < table.rowCount,
          qHasWild: false,
          qHasDuplicates: stats.distinct < stats.nonNulls,
          qIsSynthetic: table.isSynthetic,
          qInformationDensity: table.rowCount ? stats.nonNulls / table.rowCount : 0,
          qnNonNulls: stats.nonNulls,
          qnRows: table.rowCount,
          qSubsetRatio: total ? stats.distinct / total : 0,
          qnTotalDistinctValues: total,
          qnPresentDistinctValues: stats.distinct,
          qKeyType: isKey
            ? stats.distinct === stats.nonNulls
              ? 'PRIMARY_KEY'
              : 'ANY_KEY'
            : 'NOT_KEY',
          qComment: field?.comment ?? '',
          qTags: [...(field?.tags ?? [])],
          qDerivedFields: [],
        };
      }),
    qPos: { qx: 0, qy: t * 200 },
    qComment: table.comment,
    qIsDirectDiscovery: false,
    qIsSynthetic: table.isSynthetic,
  }));
  const qk: Json[] = model.fields
    .filter((f) => f.tables.length > 1)
    .map((f) => ({
      qKeyFields: [f.name],
      qTables: f.tables.map((t) => model.tables[t]?.name ?? ''),
    }));
  return { qtr, qk };
}

/** Rows of one table as `{qValue:[{qText,qIsNumeric,qNumber}]}`; null for an unknown table. */
export function tableData(
  model: DataModel,
  tableName: string,
  offset: number,
  rows: number,
): Json[] | null {
  const table = model.tableByName(tableName);
  if (!table) return null;
  const start = Math.max(0, Math.floor(offset));
  const end = Math.min(table.rowCount, start + Math.max(0, Math.floor(rows)));
  const out: Json[] = [];
  for (let r = start; r < end; r++) {
    out.push({
      qValue: table.columns.map((column) => {
        const field = model.fields[column.field];
        const code = column.codes[r] ?? 0;
        if (!field || code === 0) return { qText: '', qIsNumeric: false, qNumber: 'NaN' };
        const n = field.symbols.num(code - 1);
        return {
          qText: field.symbols.text(code - 1),
          qIsNumeric: field.symbols.isNumeric(code - 1),
          qNumber: Number.isNaN(n) ? 'NaN' : n,
        };
      }),
    });
  }
  return out;
}
