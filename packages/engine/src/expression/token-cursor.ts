import type { IToken } from 'chevrotain';
import { ExpressionError, type ExpressionErrorCode } from './errors.js';
import { Backticked, Bracketed, DoubleQuoted, Identifier, punctuationOf } from './lexer.js';

/**
 * A read position over the token list, shared by the expression and the set-expression
 * parsers. Word checks are case-insensitive (keywords and function names are), names are not.
 */
export class TokenCursor {
  private index = 0;

  constructor(
    readonly source: string,
    private readonly tokens: readonly IToken[],
  ) {}

  peek(ahead = 0): IToken | undefined {
    return this.tokens[this.index + ahead];
  }

  next(): IToken {
    const token = this.tokens[this.index];
    if (!token) throw this.error('EXPR_UNEXPECTED_END', this.source.length, this.source.length);
    this.index++;
    return token;
  }

  atEnd(): boolean {
    return this.index >= this.tokens.length;
  }

  /** Offset just past the last consumed token. */
  lastEnd(): number {
    const token = this.tokens[this.index - 1];
    return token ? endOf(token) : 0;
  }

  isPunct(image: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token !== undefined && punctuationOf(token) === image;
  }

  /** True when the token is the bare word `word` (any case). */
  isWord(word: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return (
      token !== undefined &&
      token.tokenType === Identifier &&
      token.image.toLowerCase() === word.toLowerCase()
    );
  }

  expectPunct(image: string, what?: string): IToken {
    const token = this.peek();
    if (token && punctuationOf(token) === image) return this.next();
    throw this.unexpected(`expected '${image}'${what ? ` ${what}` : ''}`);
  }

  /** Error at the current token (or end of input) with `detail` after the quoted text. */
  unexpected(detail: string): ExpressionError {
    const token = this.peek();
    if (!token)
      return this.error('EXPR_UNEXPECTED_END', this.source.length, this.source.length, detail);
    return this.error('EXPR_UNEXPECTED_TOKEN', token.startOffset, endOf(token), detail);
  }

  error(code: ExpressionErrorCode, start: number, end: number, detail?: string): ExpressionError {
    return new ExpressionError(code, this.source, start, end, detail);
  }
}

export function endOf(token: IToken): number {
  return (token.endOffset ?? token.startOffset + token.image.length - 1) + 1;
}

/** True for tokens that name a field: bare identifiers and the three quoted forms. */
export function isNameToken(token: IToken | undefined): boolean {
  if (!token) return false;
  const type = token.tokenType;
  return type === Identifier || type === Bracketed || type === DoubleQuoted || type === Backticked;
}

/** The name a name token spells, with its quotes removed and doubled closers collapsed. */
export function nameOf(token: IToken): { name: string; quote: NameQuote } {
  const type = token.tokenType;
  const inner = token.image.slice(1, -1);
  if (type === Bracketed) return { name: inner.replaceAll(']]', ']'), quote: 'bracket' };
  if (type === DoubleQuoted) return { name: inner.replaceAll('""', '"'), quote: 'double' };
  if (type === Backticked) return { name: inner.replaceAll('``', '`'), quote: 'backtick' };
  return { name: token.image, quote: 'none' };
}

export type NameQuote = 'none' | 'bracket' | 'double' | 'backtick';
