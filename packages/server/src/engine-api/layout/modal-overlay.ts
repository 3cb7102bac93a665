import type { Selections } from '../calc/calculator.js';
import type { Json, JsonObject } from '../deps.js';

/**
 * During selection mode the modal object keeps the rows it had when selection began (computed
 * from the frozen state), but its dimension cells must show what is selected now (§3.9): cells
 * whose element is currently selected become `S`, cells whose element was selected before but
 * no longer is become `O` (nebula's "deselect" feedback).
 */
function fieldOf(def: Json | undefined): string | null {
  if (!def || typeof def !== 'object' || Array.isArray(def)) return null;
  const qDef = def.qDef;
  if (!qDef || typeof qDef !== 'object' || Array.isArray(qDef)) return null;
  const first = Array.isArray(qDef.qFieldDefs) ? qDef.qFieldDefs[0] : undefined;
  if (typeof first !== 'string' || first.startsWith('=')) return null;
  return first.replace(/^\[(.*)\]$/, '$1');
}

function overlayPages(pages: Json | undefined, columns: readonly (Set<number> | null)[]): void {
  if (!Array.isArray(pages)) return;
  for (const page of pages) {
    if (!page || typeof page !== 'object' || Array.isArray(page)) continue;
    const matrix = page.qMatrix;
    const left =
      typeof page.qArea === 'object' && page.qArea && !Array.isArray(page.qArea)
        ? Number(page.qArea.qLeft ?? 0)
        : 0;
    if (!Array.isArray(matrix)) continue;
    for (const row of matrix) {
      if (!Array.isArray(row)) continue;
      row.forEach((cell, i) => {
        const selected = columns[left + i];
        if (!selected || !cell || typeof cell !== 'object' || Array.isArray(cell)) return;
        const elem = cell.qElemNumber;
        if (typeof elem !== 'number' || elem < 0) return;
        if (selected.has(elem)) cell.qState = 'S';
        else if (cell.qState === 'S') cell.qState = 'O';
      });
    }
  }
}

export function overlayModalStates(
  shared: JsonObject,
  def: JsonObject,
  now: Selections,
): JsonObject {
  // Engine results are cached and shared across sessions: never change them in place.
  const node = structuredClone(shared);
  const dims = Array.isArray(def.qDimensions) ? def.qDimensions : [def];
  const columns = dims.map((d) => {
    const field = fieldOf(d);
    return field ? new Set(now.selected(field)) : null;
  });
  overlayPages(node.qDataPages, columns);
  return node;
}

/** The same overlay for pages fetched with GetHyperCubeData / GetListObjectData. */
export function overlayModalPages(pages: Json[], def: JsonObject, now: Selections): Json[] {
  const overlaid = overlayModalStates({ qDataPages: pages }, def, now).qDataPages;
  return Array.isArray(overlaid) ? overlaid : pages;
}
