import type { JsonObject } from '../engine/qix.js';

/** The session object listing the app's fields (the same definition stardust itself creates). */
export const FIELD_LIST_PROPERTIES: JsonObject = {
  qInfo: { qType: 'FieldList' },
  qFieldListDef: { qShowSystem: false, qShowHidden: false, qShowSrcTables: true },
};

/** Field names from a FieldList layout (`qFieldList.qItems[].qName`), sorted, without `$` fields. */
export function readFieldList(layout: JsonObject): string[] {
  const list = layout.qFieldList as { qItems?: unknown } | undefined;
  const items = Array.isArray(list?.qItems) ? (list.qItems as { qName?: unknown }[]) : [];
  return items
    .map((i) => i.qName)
    .filter((n): n is string => typeof n === 'string' && !n.startsWith('$'))
    .sort((a, b) => a.localeCompare(b));
}
