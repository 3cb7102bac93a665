import type { IToken } from 'chevrotain';
import { endOf, isQuotedName, NumberLiteral, nameOf, StringLiteral, Word } from './tokens.js';

/** A syntax problem at an offset of the statement text; the runner turns it into a ScriptError. */
export class StatementSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly found: string,
    readonly code: 'SYNTAX_ERROR' | 'EXPRESSION_ERROR' | 'UNTERMINATED_QUOTE' = 'SYNTAX_ERROR',
  ) {
    super(message);
  }
}

/** A read position over a statement's tokens. Words compare case-insensitively. */
export class Cursor {
  index = 0;

  constructor(
    readonly text: string,
    readonly tokens: readonly IToken[],
  ) {}

  peek(ahead = 0): IToken | undefined {
    return this.tokens[this.index + ahead];
  }

  atEnd(): boolean {
    return this.index >= this.tokens.length;
  }

  next(): IToken {
    const token = this.tokens[this.index];
    if (token === undefined) throw this.error('the statement ends too early');
    this.index++;
    return token;
  }

  isWord(word: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token?.tokenType === Word && token.image.toLowerCase() === word;
  }

  isAnyWord(words: ReadonlySet<string>, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token?.tokenType === Word && words.has(token.image.toLowerCase());
  }

  isPunct(image: string, ahead = 0): boolean {
    return this.peek(ahead)?.image === image && this.peek(ahead)?.tokenType !== Word;
  }

  acceptWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.index++;
    return true;
  }

  acceptPunct(image: string): boolean {
    if (!this.isPunct(image)) return false;
    this.index++;
    return true;
  }

  expectWord(word: string, why: string): IToken {
    if (this.isWord(word)) return this.next();
    throw this.error(`expected ${word.toUpperCase()} ${why}`);
  }

  expectPunct(image: string, why: string): IToken {
    if (this.isPunct(image)) return this.next();
    throw this.error(`expected '${image}' ${why}`);
  }

  /** A field, table or variable name: a word, `[…]`, `"…"`, `` `…` `` or (where Qlik allows) `'…'`. */
  name(what: string, allowString = false): string {
    const token = this.peek();
    if (
      token !== undefined &&
      (token.tokenType === Word ||
        isQuotedName(token) ||
        (allowString && token.tokenType === StringLiteral) ||
        token.tokenType === NumberLiteral)
    ) {
      this.index++;
      return nameOf(token);
    }
    throw this.error(`expected ${what}`);
  }

  /** Offset where the current token starts (the text's end when none is left). */
  offset(): number {
    return this.peek()?.startOffset ?? this.text.length;
  }

  /** The text from the current token to the end of the statement; consumes everything. */
  rest(): string {
    const start = this.offset();
    this.index = this.tokens.length;
    return this.text.slice(start);
  }

  /**
   * Consumes tokens up to (not including) the first one at parenthesis depth 0 where `stop` holds;
   * returns the covered text and where it starts.
   */
  until(stop: () => boolean): { text: string; at: number } {
    const first = this.peek();
    let depth = 0;
    let last: IToken | undefined;
    while (!this.atEnd()) {
      if (depth === 0 && stop()) break;
      const token = this.next();
      if (token.image === '(' && token.tokenType !== Word) depth++;
      else if (token.image === ')' && token.tokenType !== Word) depth--;
      last = token;
    }
    if (first === undefined || last === undefined) return { text: '', at: this.offset() };
    return { text: this.text.slice(first.startOffset, endOf(last)), at: first.startOffset };
  }

  error(detail: string, token = this.peek()): StatementSyntaxError {
    const offset = token?.startOffset ?? this.text.length;
    const found = token?.image ?? '';
    const quoted = found === '' ? 'at the end of the statement' : `at '${found}'`;
    return new StatementSyntaxError(`${detail}, found ${quoted}`, offset, found);
  }
}
