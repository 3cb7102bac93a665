import type { Inference, StateCounts } from '../inference/inference.js';
import type { DataModel } from '../model/data-model.js';
import type { SelectionState } from './selection-state.js';

/** One field of `qSelectionObject.qSelections` (engine-protocol.md §3.6). */
export interface NxCurrentSelectionItem {
  readonly qField: string;
  readonly qSelected: string;
  readonly qSelectedCount: number;
  readonly qTotal: number;
  readonly qLocked?: boolean;
  readonly qIsNum?: boolean;
  readonly qSortIndex: number;
  readonly qStateCounts: StateCounts | undefined;
  readonly qSelectedFieldSelectionInfo: readonly { qName: string; qFieldSelectionMode: 'NORMAL' }[];
  readonly qNotSelectedFieldSelectionInfo: readonly never[];
  readonly qSelectionThreshold: number;
  readonly qRangeInfo: readonly never[];
  readonly qDimensionReferences: readonly never[];
}

export interface SelectionObjectLayout {
  readonly qStateName: string;
  readonly qBackCount: number;
  readonly qForwardCount: number;
  readonly qSelections: readonly NxCurrentSelectionItem[];
}

/**
 * Qlik's `qSelectionObject` for one selection state: the fields with selections in the order
 * they were selected, each naming up to `threshold` values (else "N of M"), with back/forward
 * counts for the toolbar.
 */
export function selectionObjectLayout(
  model: DataModel,
  state: SelectionState,
  inference: Inference,
  stateName = '$',
  threshold = 6,
): SelectionObjectLayout {
  const qSelections = state.currentSelections().map((selection, order): NxCurrentSelectionItem => {
    const field = model.fields[selection.field];
    const symbols = field?.symbols;
    const texts = [...selection.symbols]
      .sort((a, b) => (symbols?.num(a) ?? 0) - (symbols?.num(b) ?? 0) || a - b)
      .map((s) => symbols?.text(s) ?? '');
    const total = symbols?.size ?? 0;
    const item: NxCurrentSelectionItem = {
      qField: selection.name,
      qSelected: texts.length <= threshold ? texts.join(', ') : `${texts.length} of ${total}`,
      qSelectedCount: texts.length,
      qTotal: total,
      qSortIndex: order,
      qStateCounts: inference.fields[selection.field]?.counts,
      qSelectedFieldSelectionInfo: texts
        .slice(0, threshold)
        .map((qName) => ({ qName, qFieldSelectionMode: 'NORMAL' })),
      qNotSelectedFieldSelectionInfo: [],
      qSelectionThreshold: threshold,
      qRangeInfo: [],
      qDimensionReferences: [],
    };
    // Qlik leaves these keys out unless true (engine-protocol.md §3.1 rule 7).
    const isNum = selection.symbols.every((s) => symbols?.isNumeric(s) === true);
    return {
      ...item,
      ...(selection.locked ? { qLocked: true } : {}),
      ...(isNum ? { qIsNum: true } : {}),
    };
  });
  return {
    qStateName: stateName,
    qBackCount: state.backCount,
    qForwardCount: state.forwardCount,
    qSelections,
  };
}
