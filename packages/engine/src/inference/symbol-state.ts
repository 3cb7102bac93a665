/**
 * The state of one field value after inference, as a byte in a per-field state array. Excluded
 * is 0 so a freshly zeroed array means "nothing possible". Letters are the `qState` strings of
 * the Engine API (research/engine-protocol.md §3.3).
 */
export const SymbolState = {
  excluded: 0,
  optional: 1,
  selected: 2,
  alternative: 3,
  excludedSelected: 4,
  locked: 5,
  excludedLocked: 6,
} as const;

export type SymbolState = (typeof SymbolState)[keyof typeof SymbolState];

export type StateLetter = 'X' | 'O' | 'S' | 'A' | 'XS' | 'L' | 'XL';

const letters: readonly StateLetter[] = ['X', 'O', 'S', 'A', 'XS', 'L', 'XL'];

export function stateLetter(state: number): StateLetter {
  return letters[state] ?? 'X';
}

/** Whether a value in this state is selected (nebula's listbox counts XS as selected too). */
export function isSelectedState(state: number): boolean {
  return (
    state === SymbolState.selected ||
    state === SymbolState.locked ||
    state === SymbolState.excludedSelected ||
    state === SymbolState.excludedLocked
  );
}

/** Whether a value in this state is compatible with the selections (white, green or locked). */
export function isPossibleState(state: number): boolean {
  return (
    state === SymbolState.optional || state === SymbolState.selected || state === SymbolState.locked
  );
}
