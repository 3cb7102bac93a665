import type { SelectionView } from '../selection/selection-view.js';
import { hashText } from '../selection/state-hash.js';

/** Selections of a set identifier after its modifiers: field index → ascending symbols. */
export type SetSelections = Map<number, readonly number[]>;

/**
 * The temporary selection state of a natural set (`{$<Year={2020}>}`) as inference reads it.
 * Nothing is locked: locks only guard a session's own selections against changes.
 */
export function temporaryView(modelId: string, selections: SetSelections): SelectionView {
  const fields = [...selections.keys()].sort((a, b) => a - b);
  const hash = hashText(
    `set|${modelId}|${fields.map((f) => `${f}:${selections.get(f)!.join(',')}`).join('|')}`,
  );
  return {
    selectedFields: () => fields,
    selectedSymbols: (field) => selections.get(field) ?? [],
    isLocked: () => false,
    hash: () => hash,
  };
}

/** Set algebra on ascending symbol lists (help "Set operators"). */
export function combineSymbols(
  op: '+' | '-' | '*' | '/',
  left: readonly number[],
  right: readonly number[],
): number[] {
  const inRight = new Set(right);
  const inLeft = new Set(left);
  let result: number[];
  if (op === '+') result = [...new Set([...left, ...right])];
  else if (op === '-') result = left.filter((s) => !inRight.has(s));
  else if (op === '*') result = left.filter((s) => inRight.has(s));
  else result = [...left.filter((s) => !inRight.has(s)), ...right.filter((s) => !inLeft.has(s))];
  return result.sort((a, b) => a - b);
}
