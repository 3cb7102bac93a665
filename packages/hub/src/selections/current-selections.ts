import type { JsonObject } from '../engine/qix.js';

/** The session object whose layout is the app's current selections (`qSelectionObject`). */
export const CURRENT_SELECTIONS_PROPERTIES: JsonObject = {
  qInfo: { qType: 'CurrentSelections' },
  qSelectionObjectDef: {},
};

export interface FieldSelection {
  readonly field: string;
  /** Selected values' text when few are selected (Qlik lists up to a handful). */
  readonly values: readonly string[];
  readonly selectedCount: number;
  readonly total: number;
  readonly locked: boolean;
}

export interface CurrentSelections {
  readonly backCount: number;
  readonly forwardCount: number;
  readonly fields: readonly FieldSelection[];
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** Reads `qSelectionObject` (engine-protocol.md §3.6) into what the selections bar shows. */
export function readCurrentSelections(layout: JsonObject): CurrentSelections {
  const object = (layout.qSelectionObject ?? {}) as Record<string, unknown>;
  const raw = Array.isArray(object.qSelections) ? (object.qSelections as unknown[]) : [];
  const fields: FieldSelection[] = [];
  for (const entry of raw) {
    const s = entry as Record<string, unknown>;
    if (typeof s.qField !== 'string') continue;
    const info = Array.isArray(s.qSelectedFieldSelectionInfo)
      ? (s.qSelectedFieldSelectionInfo as { qName?: unknown }[])
      : [];
    fields.push({
      field: s.qField,
      values: info.map((i) => (typeof i.qName === 'string' ? i.qName : '')).filter((v) => v !== ''),
      selectedCount: num(s.qSelectedCount),
      total: num(s.qTotal),
      locked: s.qLocked === true,
    });
  }
  return { backCount: num(object.qBackCount), forwardCount: num(object.qForwardCount), fields };
}

/**
 * The values shown for one field: the names when they are few enough to read at a glance,
 * otherwise a count such as "12 of 40".
 */
export function selectionText(
  selection: FieldSelection,
  countText: (count: number, total: number) => string,
  maxNames = 3,
): string {
  const { values, selectedCount, total } = selection;
  if (values.length > 0 && values.length === selectedCount && values.length <= maxNames) {
    return values.join(', ');
  }
  return countText(selectedCount, total);
}
