import { createToken, type IToken, Lexer, type TokenType } from 'chevrotain';
import { ExpressionError } from './errors.js';

/*
 * Tokens of Qlik's expression language (research/script-qvd.md §4.2). Keywords such as AND,
 * DISTINCT or TOTAL are lexed as identifiers and recognised by the parser in context, because
 * words like `Total`, `All` or `Year` are also legal field and function names.
 */
const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });
const LineComment = createToken({
  name: 'LineComment',
  pattern: /\/\/[^\n]*/,
  group: Lexer.SKIPPED,
});
const BlockComment = createToken({
  name: 'BlockComment',
  pattern: /\/\*[\s\S]*?\*\//,
  group: Lexer.SKIPPED,
});

export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/,
});
// A doubled quote inside a quoted token stands for one quote character.
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /'(?:[^']|'')*'/ });
export const DoubleQuoted = createToken({ name: 'DoubleQuoted', pattern: /"(?:[^"]|"")*"/ });
export const Bracketed = createToken({ name: 'Bracketed', pattern: /\[(?:[^\]]|\]\])*\]/ });
export const Backticked = createToken({ name: 'Backticked', pattern: /`(?:[^`]|``)*`/ });
/** Matches only when the closing quote is missing, so the error can say so. */
export const Unterminated = createToken({ name: 'Unterminated', pattern: /['"[`][\s\S]*/ });

export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z_%@$\u00C0-\uFFFF][\w.$%#@\u00C0-\uFFFF]*/,
});

const punctuation = [
  '<>',
  '<=',
  '>=',
  '<<',
  '>>',
  '+=',
  '-=',
  '*=',
  '/=',
  '::',
  '(',
  ')',
  ',',
  '{',
  '}',
  '*',
  '/',
  '+',
  '-',
  '&',
  '=',
  '<',
  '>',
].map((image) =>
  createToken({ name: `Punct${image}`, pattern: new RegExp(image.replace(/[^\w]/g, '\\$&')) }),
);

export const Punctuation = createToken({ name: 'Punctuation', pattern: Lexer.NA });
for (const token of punctuation) token.CATEGORIES = [Punctuation];

const allTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  NumberLiteral,
  StringLiteral,
  DoubleQuoted,
  Bracketed,
  Backticked,
  Unterminated,
  Identifier,
  Punctuation,
  ...punctuation,
];

const expressionLexer = new Lexer(allTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: false,
});

/** Splits expression text into tokens; throws `ExpressionError` at the first bad character. */
export function tokenize(text: string): IToken[] {
  const result = expressionLexer.tokenize(text);
  const error = result.errors[0];
  if (error) {
    throw new ExpressionError(
      'EXPR_INVALID_CHARACTER',
      text,
      error.offset,
      error.offset + error.length,
    );
  }
  for (const token of result.tokens) {
    if (token.tokenType === Unterminated) {
      throw new ExpressionError('EXPR_UNTERMINATED_STRING', text, token.startOffset, text.length);
    }
  }
  return result.tokens;
}

/** The punctuation image of a token, or null when it is not punctuation. */
export function punctuationOf(token: IToken): string | null {
  return token.tokenType.CATEGORIES?.includes(Punctuation) ? token.image : null;
}
