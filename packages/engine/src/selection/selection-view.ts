/**
 * What inference reads from a selection state. `SelectionState` implements it; inference also
 * wraps it to drop one field's selection when it computes that field's alternatives.
 */
export interface SelectionView {
  /** Fields that have a selection, in field-index order. */
  selectedFields(): readonly number[];
  /** Selected symbol indexes of a field, ascending; empty when the field has no selection. */
  selectedSymbols(field: number): readonly number[];
  isLocked(field: number): boolean;
  hash(): string;
}
