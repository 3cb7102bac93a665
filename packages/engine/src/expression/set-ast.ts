import type { Expression, NodeSpan } from './ast.js';

/**
 * Set analysis (help "Set analysis"): `{$<Year={2020}>}`, `{1-$}`, `{BM01 * <Region=P(Region)>}`.
 * The parser keeps the structure as written; the aggregation layer turns it into a temporary
 * selection state.
 */
export type SetExpression = SetTerm | SetOperation | SetComplement;

export type SetOperator = '+' | '-' | '*' | '/';

/**
 * One identifier with an optional modifier. `identifier` is `$` (current selection), `1`
 * (all records), `$1`.. (back history), `$_1`.. (forward), a bookmark or alternate state name,
 * or `State::Bookmark`; `null` when only a modifier is written (`{<Year={2020}>}` = `$`).
 */
export interface SetTerm extends NodeSpan {
  readonly kind: 'setTerm';
  readonly identifier: string | null;
  readonly modifier: readonly FieldSelection[] | null;
}

export interface SetOperation extends NodeSpan {
  readonly kind: 'setOperation';
  readonly op: SetOperator;
  readonly left: SetExpression;
  readonly right: SetExpression;
}

/** Unary `-`: everything not in the operand (`{-$}`). */
export interface SetComplement extends NodeSpan {
  readonly kind: 'setComplement';
  readonly operand: SetExpression;
}

/** `=` replaces the selection; the others combine with it (implicit set operators). */
export type FieldSelectionOperator = '=' | '+=' | '-=' | '*=' | '/=';

/** `<Field op elements>` entry; `elements` null is `<Field=>`, clearing the field. */
export interface FieldSelection extends NodeSpan {
  readonly kind: 'fieldSelection';
  readonly field: string;
  readonly op: FieldSelectionOperator;
  readonly elements: ElementSet | null;
}

export type ElementSet = ElementList | ElementFunction | ElementOperation | ElementField;

/** `{2015, 'A', "*x*", ">=10<20"}` */
export interface ElementList extends NodeSpan {
  readonly kind: 'elementList';
  readonly items: readonly Element[];
}

/** `P({set} Field)` possible values, `E(...)` excluded values; field null = the modified one. */
export interface ElementFunction extends NodeSpan {
  readonly kind: 'elementFunction';
  readonly fn: 'P' | 'E';
  readonly set: SetExpression | null;
  readonly field: string | null;
}

export interface ElementOperation extends NodeSpan {
  readonly kind: 'elementOperation';
  readonly op: SetOperator;
  readonly left: ElementSet;
  readonly right: ElementSet;
}

/** `<F = G>`: the selected values of field G. */
export interface ElementField extends NodeSpan {
  readonly kind: 'elementField';
  readonly field: string;
}

export type Element = ElementLiteral | ElementSearch;

/**
 * An exact value: a single-quoted text (case-sensitive) or a number as written. `text` is the
 * source spelling; numbers must match the field's display text or number.
 */
export interface ElementLiteral extends NodeSpan {
  readonly kind: 'elementLiteral';
  readonly value: string | number;
}

/** A search written in `"..."`, `[...]` or backticks: case-insensitive and may match many. */
export interface ElementSearch extends NodeSpan {
  readonly kind: 'elementSearch';
  readonly search: SearchPattern;
}

/**
 * What a search string means (help "Set modifiers with searches"): a wildcard text search,
 * a numeric/date range (`>=10<20`, bounds kept as text so the caller interprets them in the
 * field's format), or an expression search (`=Sum(Sales)>1000`).
 */
export type SearchPattern =
  | { readonly type: 'text'; readonly pattern: string }
  | {
      readonly type: 'range';
      readonly lower: RangeBound | null;
      readonly upper: RangeBound | null;
    }
  | { readonly type: 'expression'; readonly source: string; readonly expression: Expression };

export interface RangeBound {
  readonly inclusive: boolean;
  readonly text: string;
}
