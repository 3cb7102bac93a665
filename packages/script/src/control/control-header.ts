import { Cursor, StatementSyntaxError } from '../parse/cursor.js';
import { lexStatement } from '../parse/tokens.js';
import type { ControlKeyword } from '../source/splitter.js';

/** An expression of a control statement, as written: it is expanded and parsed when run. */
export interface RawExpression {
  readonly text: string;
  readonly at: number;
}

export interface LoopTest {
  readonly until: boolean;
  readonly condition: RawExpression;
}

export type ControlHeader =
  | { readonly kind: 'if' | 'elseif'; readonly condition: RawExpression }
  | { readonly kind: 'else' | 'endif' | 'endsub' | 'default' | 'endswitch' }
  | {
      readonly kind: 'for';
      readonly variable: string;
      readonly from: RawExpression;
      readonly to: RawExpression;
      readonly step: RawExpression | null;
    }
  | { readonly kind: 'foreach'; readonly variable: string; readonly list: RawExpression }
  | { readonly kind: 'next' }
  | { readonly kind: 'do' | 'loop'; readonly test: LoopTest | null }
  | { readonly kind: 'sub'; readonly name: string; readonly params: readonly string[] }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly RawExpression[] }
  | { readonly kind: 'switch'; readonly value: RawExpression }
  | { readonly kind: 'case'; readonly values: readonly RawExpression[] }
  | {
      readonly kind: 'exit';
      readonly what: 'for' | 'do' | 'sub' | 'script';
      readonly when: { readonly unless: boolean; readonly condition: RawExpression } | null;
    };

/** Parses the head of a control statement from its unexpanded text. */
export function parseControlHeader(text: string, keyword: ControlKeyword): ControlHeader {
  const lexed = lexStatement(text);
  if (lexed.errorOffset >= 0) {
    throw new StatementSyntaxError(
      'quoted text or name is not closed',
      lexed.errorOffset,
      text.slice(lexed.errorOffset, lexed.errorOffset + 20),
      'UNTERMINATED_QUOTE',
    );
  }
  const cursor = new Cursor(text, lexed.tokens);
  cursor.next();
  if (keyword === 'endif' || keyword === 'endsub' || keyword === 'endswitch') {
    if (cursor.peek()?.image.toLowerCase() === keyword.slice(3)) cursor.next();
  }
  const header = parseBody(cursor, keyword);
  if (!cursor.atEnd())
    throw cursor.error(`expected the end of the ${keyword.toUpperCase()} statement`);
  return header;
}

function parseBody(cursor: Cursor, keyword: ControlKeyword): ControlHeader {
  switch (keyword) {
    case 'if':
    case 'elseif': {
      const condition = expression(cursor, () => cursor.isWord('then'), 'condition');
      cursor.expectWord('then', 'after the condition');
      return { kind: keyword, condition };
    }
    case 'else':
    case 'endif':
    case 'endsub':
    case 'default':
    case 'endswitch':
      return { kind: keyword };
    case 'for':
      return parseFor(cursor);
    case 'next':
      if (!cursor.atEnd()) cursor.next();
      return { kind: 'next' };
    case 'do':
    case 'loop':
      return { kind: keyword, test: loopTest(cursor) };
    case 'sub':
      return parseSub(cursor);
    case 'call': {
      const name = compositeName(cursor, 'a subroutine name');
      return { kind: 'call', name, args: argumentList(cursor) };
    }
    case 'switch':
      return { kind: 'switch', value: expression(cursor, () => false, 'SWITCH value') };
    case 'case': {
      const values: RawExpression[] = [];
      do values.push(expression(cursor, () => cursor.isPunct(','), 'CASE value'));
      while (cursor.acceptPunct(','));
      return { kind: 'case', values };
    }
    case 'exit': {
      const what = cursor.next().image.toLowerCase() as 'for' | 'do' | 'sub' | 'script';
      let when = null;
      if (cursor.isWord('when') || cursor.isWord('unless')) {
        const unless = cursor.next().image.toLowerCase() === 'unless';
        when = { unless, condition: expression(cursor, () => false, 'condition') };
      }
      return { kind: 'exit', what, when };
    }
  }
}

function parseFor(cursor: Cursor): ControlHeader {
  if (cursor.acceptWord('each')) {
    const variable = cursor.name('a loop variable name after FOR EACH');
    cursor.expectWord('in', 'after the loop variable');
    return { kind: 'foreach', variable, list: expression(cursor, () => false, 'value list') };
  }
  const variable = cursor.name('a loop variable name after FOR');
  cursor.expectPunct('=', 'after the loop variable');
  const from = expression(cursor, () => cursor.isWord('to'), 'start value');
  cursor.expectWord('to', 'after the start value');
  const to = expression(cursor, () => cursor.isWord('step'), 'end value');
  const step = cursor.acceptWord('step') ? expression(cursor, () => false, 'step') : null;
  return { kind: 'for', variable, from, to, step };
}

function parseSub(cursor: Cursor): ControlHeader {
  const name = compositeName(cursor, 'a subroutine name after SUB');
  const params: string[] = [];
  if (cursor.acceptPunct('(')) {
    if (!cursor.isPunct(')')) {
      do params.push(cursor.name('a parameter name'));
      while (cursor.acceptPunct(','));
    }
    cursor.expectPunct(')', 'to close the parameter list');
  }
  return { kind: 'sub', name, params };
}

function loopTest(cursor: Cursor): LoopTest | null {
  if (!cursor.isWord('while') && !cursor.isWord('until')) return null;
  const until = cursor.next().image.toLowerCase() === 'until';
  return { until, condition: expression(cursor, () => false, 'loop condition') };
}

/** A name written without blanks, possibly glued to expansions: `My$(v)Sub`, `Qvc.Log`. */
function compositeName(cursor: Cursor, what: string): string {
  const first = cursor.peek();
  if (first === undefined || cursor.isPunct('(')) throw cursor.error(`expected ${what}`);
  let name = cursor.name(what);
  for (;;) {
    const token = cursor.peek();
    const previous = cursor.tokens[cursor.index - 1];
    if (token === undefined || previous === undefined || token.image === '(') return name;
    if (token.startOffset !== previous.startOffset + previous.image.length) return name;
    name += cursor.next().image;
  }
}

/** `( a, b, … )` after CALL: each argument an expression. */
function argumentList(cursor: Cursor): RawExpression[] {
  if (!cursor.acceptPunct('(')) return [];
  const args: RawExpression[] = [];
  if (!cursor.isPunct(')')) {
    do args.push(expression(cursor, () => cursor.isPunct(',') || cursor.isPunct(')'), 'argument'));
    while (cursor.acceptPunct(','));
  }
  cursor.expectPunct(')', 'to close the argument list');
  return args;
}

function expression(cursor: Cursor, stop: () => boolean, what: string): RawExpression {
  const piece = cursor.until(stop);
  if (piece.text.trim() === '') throw cursor.error(`expected the ${what}`);
  return piece;
}
