import { node } from './ast.js';
import { Identifier, NumberLiteral, StringLiteral } from './lexer.js';
import { parseSearchPattern } from './search-pattern.js';
import type {
  Element,
  ElementSet,
  FieldSelection,
  FieldSelectionOperator,
  SetExpression,
  SetOperator,
} from './set-ast.js';
import { endOf, isNameToken, nameOf, type TokenCursor } from './token-cursor.js';

/*
 * Set analysis grammar (research/script-qvd.md §5.1, help "Set analysis"). Set operators
 * `+ - * /` are applied left to right with equal precedence, as the brief notes Qlik does
 * (parentheses group); the same holds inside element-set expressions.
 */
const setOperators: readonly SetOperator[] = ['+', '-', '*', '/'];
const selectionOperators: readonly FieldSelectionOperator[] = ['=', '+=', '-=', '*=', '/='];

/** Parses `{ ... }` at the cursor (which must be on `{`). */
export function parseSetExpression(cursor: TokenCursor): SetExpression {
  cursor.expectPunct('{');
  const body = setBody(cursor);
  cursor.expectPunct('}', 'to close the set expression');
  return body;
}

function setBody(cursor: TokenCursor): SetExpression {
  let left = setUnary(cursor);
  for (;;) {
    const op = setOperators.find((candidate) => cursor.isPunct(candidate));
    if (!op) return left;
    cursor.next();
    const right = setUnary(cursor);
    left = node({ kind: 'setOperation', op, left, right, start: left.start, end: right.end });
  }
}

function setUnary(cursor: TokenCursor): SetExpression {
  if (cursor.isPunct('-')) {
    const start = cursor.next().startOffset;
    const operand = setUnary(cursor);
    return node({ kind: 'setComplement', operand, start, end: operand.end });
  }
  if (cursor.isPunct('(')) {
    cursor.next();
    const inner = setBody(cursor);
    cursor.expectPunct(')', 'to close the parenthesis in the set expression');
    return inner;
  }
  const start = cursor.peek()?.startOffset ?? cursor.source.length;
  const identifier = setIdentifier(cursor);
  const modifier = cursor.isPunct('<') || cursor.isPunct('<>') ? setModifier(cursor) : null;
  if (identifier === null && modifier === null) {
    throw cursor.unexpected('expected a set identifier ($, 1, a bookmark) or a modifier <...>');
  }
  return node({ kind: 'setTerm', identifier, modifier, start, end: cursor.lastEnd() });
}

/** `$`, `1`, `$1`, `$_1`, a bookmark or state name, or `State::Bookmark`. */
function setIdentifier(cursor: TokenCursor): string | null {
  const token = cursor.peek();
  if (token?.tokenType === NumberLiteral) {
    cursor.next();
    return token.image;
  }
  if (!isNameToken(token)) return null;
  let identifier = nameOf(cursor.next()).name;
  if (cursor.isPunct('::')) {
    cursor.next();
    if (!isNameToken(cursor.peek())) throw cursor.unexpected('expected a bookmark after ::');
    identifier += `::${nameOf(cursor.next()).name}`;
  }
  return identifier;
}

function setModifier(cursor: TokenCursor): readonly FieldSelection[] {
  if (cursor.isPunct('<>')) {
    cursor.next();
    return Object.freeze([]);
  }
  cursor.next(); // '<'
  const selections: FieldSelection[] = [];
  while (!cursor.isPunct('>')) {
    if (selections.length > 0) cursor.expectPunct(',', 'between field selections');
    selections.push(fieldSelection(cursor));
  }
  cursor.next();
  return Object.freeze(selections);
}

function fieldSelection(cursor: TokenCursor): FieldSelection {
  const fieldToken = cursor.peek();
  if (!fieldToken || !isNameToken(fieldToken)) {
    throw cursor.unexpected('expected a field name in the set modifier');
  }
  cursor.next();
  const op = selectionOperators.find((candidate) => cursor.isPunct(candidate));
  if (!op) throw cursor.unexpected("expected '=', '+=', '-=', '*=' or '/=' after the field name");
  cursor.next();
  const cleared = cursor.isPunct(',') || cursor.isPunct('>');
  const elements = cleared ? null : elementExpression(cursor);
  const { name: field } = nameOf(fieldToken);
  const start = fieldToken.startOffset;
  return node({ kind: 'fieldSelection', field, op, elements, start, end: cursor.lastEnd() });
}

function elementExpression(cursor: TokenCursor): ElementSet {
  let left = elementPrimary(cursor);
  for (;;) {
    const op = setOperators.find((candidate) => cursor.isPunct(candidate));
    if (!op) return left;
    cursor.next();
    const right = elementPrimary(cursor);
    left = node({ kind: 'elementOperation', op, left, right, start: left.start, end: right.end });
  }
}

function elementPrimary(cursor: TokenCursor): ElementSet {
  const token = cursor.peek();
  if (!token) throw cursor.unexpected('expected an element set');
  if (cursor.isPunct('{')) return elementList(cursor);
  if (cursor.isPunct('(')) {
    cursor.next();
    const inner = elementExpression(cursor);
    cursor.expectPunct(')', 'to close the parenthesis in the element set');
    return inner;
  }
  if ((cursor.isWord('P') || cursor.isWord('E')) && cursor.isPunct('(', 1)) {
    return elementFunction(cursor);
  }
  if (isNameToken(token)) {
    cursor.next();
    return node({
      kind: 'elementField',
      field: nameOf(token).name,
      start: token.startOffset,
      end: endOf(token),
    });
  }
  throw cursor.unexpected('expected {values}, P(), E() or a field name');
}

function elementFunction(cursor: TokenCursor): ElementSet {
  const nameToken = cursor.next();
  cursor.next(); // '('
  const set = cursor.isPunct('{') ? parseSetExpression(cursor) : null;
  let field: string | null = null;
  if (isNameToken(cursor.peek())) field = nameOf(cursor.next()).name;
  const end = endOf(cursor.expectPunct(')', `to close ${nameToken.image.toUpperCase()}(`));
  const fn = nameToken.image.toUpperCase() as 'P' | 'E';
  return node({ kind: 'elementFunction', fn, set, field, start: nameToken.startOffset, end });
}

function elementList(cursor: TokenCursor): ElementSet {
  const open = cursor.next();
  const items: Element[] = [];
  while (!cursor.isPunct('}')) {
    if (items.length > 0) cursor.expectPunct(',', 'between values');
    items.push(element(cursor));
  }
  const end = endOf(cursor.next());
  return node({ kind: 'elementList', items, start: open.startOffset, end });
}

function element(cursor: TokenCursor): Element {
  if (cursor.isPunct('*')) {
    // `{*}` selects every value, like the search "*".
    const star = cursor.next();
    const search = { type: 'text', pattern: '*' } as const;
    return node({ kind: 'elementSearch', search, start: star.startOffset, end: endOf(star) });
  }
  const negative = cursor.isPunct('-') && cursor.peek(1)?.tokenType === NumberLiteral;
  const first = cursor.next();
  const token = negative ? cursor.next() : first;
  const start = first.startOffset;
  const end = endOf(token);
  if (token.tokenType === NumberLiteral) {
    const value = Number(token.image) * (negative ? -1 : 1);
    return node({ kind: 'elementLiteral', value, start, end });
  }
  if (token.tokenType === StringLiteral) {
    const value = token.image.slice(1, -1).replaceAll("''", "'");
    return node({ kind: 'elementLiteral', value, start, end });
  }
  // Bare words are taken as exact values, as Qlik accepts `{Sweden}` for unambiguous texts.
  if (token.tokenType === Identifier)
    return node({ kind: 'elementLiteral', value: token.image, start, end });
  if (isNameToken(token)) {
    const search = parseSearchPattern(nameOf(token).name, cursor.source, start + 1);
    return node({ kind: 'elementSearch', search, start, end });
  }
  throw cursor.error('EXPR_UNEXPECTED_TOKEN', start, end, 'expected a value or a search string');
}
