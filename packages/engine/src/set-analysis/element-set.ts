import type { CalcContext } from '../calc/calc-context.js';
import type { Element, ElementSet, SearchPattern, SetExpression } from '../expression/set-ast.js';
import { isPossibleState } from '../inference/symbol-state.js';
import type { ModelField } from '../model/data-model.js';
import { searchField } from '../search/field-search.js';
import { combineSymbols } from './temporary-state.js';

/** What an element set needs from the set being built. */
export interface ElementScope {
  readonly ctx: CalcContext;
  /** Selected symbols of a field in the identifier's state (for `<F = G>`). */
  selected(field: ModelField): readonly number[];
  /** Per-code symbol states of a field under a set (null = the identifier's own state). */
  statesUnder(set: SetExpression | null, field: ModelField): Uint8Array;
  /** Symbols of `field` for which an expression search is true (`{"=Sum(x)>10"}`). */
  expressionMatches(field: ModelField, source: string): number[];
}

/** The symbols of `field` an element set names, ascending (help "Set modifiers"). */
export function evaluateElementSet(
  scope: ElementScope,
  field: ModelField,
  elements: ElementSet,
): number[] {
  switch (elements.kind) {
    case 'elementList': {
      const found = new Set<number>();
      for (const item of elements.items)
        for (const s of elementSymbols(scope, field, item)) found.add(s);
      return [...found].sort((a, b) => a - b);
    }
    case 'elementOperation':
      return combineSymbols(
        elements.op,
        evaluateElementSet(scope, field, elements.left),
        evaluateElementSet(scope, field, elements.right),
      );
    case 'elementField':
      return translate(scope, elements.field, field, (source) => scope.selected(source));
    case 'elementFunction':
      return translate(scope, elements.field ?? field.name, field, (source) => {
        const states = scope.statesUnder(elements.set, source);
        const wanted = elements.fn === 'P';
        const symbols: number[] = [];
        for (let s = 0; s < source.symbols.size; s++) {
          if (isPossibleState(states[s + 1]!) === wanted) symbols.push(s);
        }
        return symbols;
      });
    default:
      return assertNever(elements);
  }
}

function elementSymbols(scope: ElementScope, field: ModelField, element: Element): number[] {
  if (element.kind === 'elementLiteral') {
    // A quoted literal matches the value's text exactly (case-sensitive); a number its number.
    const { value } = element;
    const symbols = field.symbols;
    const matches: number[] = [];
    for (let s = 0; s < symbols.size; s++) {
      if (typeof value === 'number' ? symbols.num(s) === value : symbols.text(s) === value) {
        matches.push(s);
      }
    }
    return matches;
  }
  return searchSymbols(scope, field, element.search);
}

function searchSymbols(scope: ElementScope, field: ModelField, search: SearchPattern): number[] {
  if (search.type === 'expression') return scope.expressionMatches(field, search.source);
  if (search.type === 'text') return searchField(field, search.pattern, { textMode: 'exact' });
  const bound = (b: typeof search.lower, lower: boolean) =>
    b ? `${lower ? '>' : '<'}${b.inclusive ? '=' : ''}${b.text}` : '';
  return searchField(field, `${bound(search.lower, true)}${bound(search.upper, false)}`);
}

/**
 * Values named through another field (`<F = G>`, `P(G)`): the symbols of `target` whose values
 * equal the chosen values of the source field.
 */
function translate(
  scope: ElementScope,
  sourceName: string,
  target: ModelField,
  choose: (source: ModelField) => readonly number[],
): number[] {
  const source = scope.ctx.model.fieldByName(sourceName);
  if (!source) return [];
  const chosen = choose(source);
  if (source === target) return [...chosen];
  const matches = new Set<number>();
  for (const s of chosen) {
    const found = target.symbols.find(source.symbols.value(s));
    if (found >= 0) matches.add(found);
  }
  return [...matches].sort((a, b) => a - b);
}

function assertNever(value: never): never {
  throw new Error(`unexpected element set ${JSON.stringify(value)}`);
}
