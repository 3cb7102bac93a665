import { EngineError, ErrorCode } from '../protocol/engine-error.js';
import type { DocSession } from './doc-session.js';

/**
 * Modal selections (engine-protocol.md §3.9): one object per session is in selection mode.
 * BeginSelections on another object fails with 6003 until that one ends or `AbortModal`.
 */
export function beginSelections(doc: DocSession, objectId: string, paths: readonly string[]): void {
  const modal = doc.modal;
  if (modal && modal.objectId !== objectId) {
    throw new EngineError(
      ErrorCode.hcModal,
      objectId,
      `Modal object error: object '${modal.objectId}' is in selection mode; ` +
        'end its selections or call AbortModal',
    );
  }
  if (!doc.selections) {
    throw new EngineError(ErrorCode.appInvalid, objectId, 'App has no data: reload it first');
  }
  if (!modal) {
    doc.modal = { objectId, paths: [...paths], before: doc.selections.snapshot(), made: false };
  }
  doc.invalidateObject(objectId);
}

/** Ends selection mode: accept keeps the selections, cancel restores the state at Begin. */
export function endSelections(doc: DocSession, accept: boolean): void {
  const modal = doc.modal;
  if (!modal) return;
  doc.modal = null;
  if (!accept) doc.changeSelections((s) => s.restore(modal.before));
  // The object re-sorts and drops its qInSelections once selection mode ends.
  doc.invalidateObject(modal.objectId);
}

/** ResetMadeSelections: back to the state at Begin, still modal. */
export function resetMadeSelections(doc: DocSession, objectId: string): void {
  const modal = doc.modal;
  if (!modal || modal.objectId !== objectId) return;
  doc.changeSelections((s) => s.restore(modal.before));
  modal.made = false;
  doc.invalidateObject(objectId);
}
