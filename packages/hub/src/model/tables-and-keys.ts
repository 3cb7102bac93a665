/** `Doc.GetTablesAndKeys` out-parameters (engine-rpc TableRecord / SourceKeyRecord), as read. */
export interface FieldInTableData {
  readonly qName: string;
  readonly qIsSynthetic?: boolean;
  readonly qnTotalDistinctValues?: number;
  readonly qnPresentDistinctValues?: number;
  readonly qnRows?: number;
  readonly qKeyType?: 'NOT_KEY' | 'ANY_KEY' | 'PRIMARY_KEY' | 'PERFECT_KEY';
}

export interface TableRecord {
  readonly qName: string;
  readonly qNoOfRows?: number;
  readonly qIsSynthetic?: boolean;
  readonly qFields?: readonly FieldInTableData[];
}

export interface SourceKeyRecord {
  readonly qKeyFields?: readonly string[];
  readonly qTables?: readonly string[];
}

export interface TablesAndKeys {
  readonly qtr?: readonly TableRecord[];
  readonly qk?: readonly SourceKeyRecord[];
}

export interface ModelField {
  readonly name: string;
  readonly distinct: number;
  readonly keyType: NonNullable<FieldInTableData['qKeyType']>;
  /** The field links this table to others (it occurs in more than one table). */
  readonly isKey: boolean;
  readonly isSynthetic: boolean;
}

export interface ModelTable {
  readonly name: string;
  readonly rows: number;
  readonly isSynthetic: boolean;
  readonly fields: readonly ModelField[];
}

export interface ModelKey {
  readonly field: string;
  readonly tables: readonly string[];
  readonly isSynthetic: boolean;
}

export interface SyntheticKeyWarning {
  readonly table: string;
  /** The fields the synthetic table combines (the fields the linked tables share). */
  readonly fields: readonly string[];
}

export interface DataModelView {
  readonly tables: readonly ModelTable[];
  readonly keys: readonly ModelKey[];
  readonly syntheticKeys: readonly SyntheticKeyWarning[];
}

// Qlik names synthetic tables and keys `$Syn 1`, `$Syn 1 Table`; the flags are not always set by
// every engine, so the name counts too.
const synName = (name: string) => name.startsWith('$Syn');

/** What the data model viewer shows: tables with their fields, the keys, synthetic keys flagged. */
export function dataModelView(input: TablesAndKeys): DataModelView {
  const records = input.qtr ?? [];
  const occurrences = new Map<string, string[]>();
  for (const table of records) {
    for (const field of table.qFields ?? []) {
      occurrences.set(field.qName, [...(occurrences.get(field.qName) ?? []), table.qName]);
    }
  }
  const tables = records
    .map(
      (t): ModelTable => ({
        name: t.qName,
        rows: t.qNoOfRows ?? 0,
        isSynthetic: t.qIsSynthetic === true || synName(t.qName),
        fields: (t.qFields ?? []).map((f) => ({
          name: f.qName,
          distinct: f.qnTotalDistinctValues ?? f.qnPresentDistinctValues ?? 0,
          keyType: f.qKeyType ?? 'NOT_KEY',
          isKey: (occurrences.get(f.qName)?.length ?? 0) > 1,
          isSynthetic: f.qIsSynthetic === true || synName(f.qName),
        })),
      }),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
  const keys = [...occurrences]
    .filter(([, inTables]) => inTables.length > 1)
    .map(([field, inTables]) => ({ field, tables: inTables, isSynthetic: synName(field) }))
    .sort((a, b) => a.field.localeCompare(b.field));
  const syntheticKeys = tables
    .filter((t) => t.isSynthetic)
    .map((t) => ({
      table: t.name,
      fields: t.fields.filter((f) => !f.isSynthetic).map((f) => f.name),
    }));
  return { tables, keys, syntheticKeys };
}
