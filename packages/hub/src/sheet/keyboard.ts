/** What a key press does to the focused chart in edit mode (see `sheet.moveHint`). */
export type CellKeyAction =
  | { readonly kind: 'move'; readonly cols: number; readonly rows: number }
  | { readonly kind: 'resize'; readonly cols: number; readonly rows: number }
  | { readonly kind: 'remove' }
  | null;

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

export function cellKeyAction(key: string, shift: boolean): CellKeyAction {
  const arrow = ARROWS[key];
  if (arrow !== undefined) {
    return { kind: shift ? 'resize' : 'move', cols: arrow[0], rows: arrow[1] };
  }
  if (key === 'Delete' || key === 'Backspace') return { kind: 'remove' };
  return null;
}
