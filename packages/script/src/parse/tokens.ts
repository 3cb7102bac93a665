import { createToken, type IToken, Lexer, type TokenType } from 'chevrotain';

/*
 * Tokens of a load-script statement. Keywords are lexed as plain words and recognised by the
 * parser in context, because most of them (`Left`, `Year`, `Table`, `Rem`, `Info` …) are also
 * valid field, table and function names (research/script-qvd.md §8 #22).
 */
const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });

/** `$( … )` left in a control statement before expansion, kept as one token. */
export const Expansion = createToken({
  name: 'Expansion',
  pattern: (text, offset) => {
    if (text[offset] !== '$' || text[offset + 1] !== '(') return null;
    let depth = 0;
    for (let j = offset + 1; j < text.length; j++) {
      if (text[j] === '(') depth++;
      else if (text[j] === ')' && --depth === 0)
        return [text.slice(offset, j + 1)] as RegExpExecArray;
    }
    return null;
  },
  line_breaks: true,
  start_chars_hint: ['$'],
});
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?(?![\w.])/,
});
// A doubled quote inside a quoted token stands for one quote character; backslash is ordinary.
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /'(?:[^']|'')*'/,
  line_breaks: true,
});
export const DoubleQuoted = createToken({
  name: 'DoubleQuoted',
  pattern: /"(?:[^"]|"")*"/,
  line_breaks: true,
});
export const Bracketed = createToken({
  name: 'Bracketed',
  pattern: /\[(?:[^\]]|\]\])*\]/,
  line_breaks: true,
});
export const Backticked = createToken({
  name: 'Backticked',
  pattern: /`(?:[^`]|``)*`/,
  line_breaks: true,
});
export const Word = createToken({
  name: 'Word',
  // `$` belongs to a name (`$Syn`, `a$b`) unless it opens an expansion: `My$(v)Sub`.
  pattern: /(?:[A-Za-z_%@#\u00C0-\uFFFF\d]|\$(?!\())(?:[\w.%#@\u00C0-\uFFFF]|\$(?!\())*/,
});
const punctuationImages = ['<>', '<=', '>=', '<<', '>>', '(', ')', ',', ';', ':', '=', '*'];
const punctuationTokens = punctuationImages.map((image) =>
  createToken({ name: `Punct${image}`, pattern: image }),
);
/** Any other single character (`\`, `/`, `.`, `-` …): file names and expressions use them. */
export const Other = createToken({ name: 'Other', pattern: /[^\s]/ });

const allTokens: TokenType[] = [
  WhiteSpace,
  Expansion,
  NumberLiteral,
  StringLiteral,
  DoubleQuoted,
  Bracketed,
  Backticked,
  Word,
  ...punctuationTokens,
  Other,
];

const statementLexer = new Lexer(allTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: false,
});

export interface LexResult {
  readonly tokens: IToken[];
  /** Offset of the first character no token matched (an unclosed quote), or -1. */
  readonly errorOffset: number;
}

export function lexStatement(text: string): LexResult {
  const result = statementLexer.tokenize(text);
  const error = result.errors[0];
  return { tokens: result.tokens, errorOffset: error ? error.offset : -1 };
}

export function endOf(token: IToken): number {
  return token.startOffset + token.image.length;
}

export function isQuotedName(token: IToken): boolean {
  const type = token.tokenType;
  return type === DoubleQuoted || type === Bracketed || type === Backticked;
}

/** The name a word or quoted-name token stands for (quotes removed, doubled quotes collapsed). */
export function nameOf(token: IToken): string {
  const image = token.image;
  switch (token.tokenType) {
    case DoubleQuoted:
      return image.slice(1, -1).replace(/""/g, '"');
    case Bracketed:
      return image.slice(1, -1).replace(/\]\]/g, ']');
    case Backticked:
      return image.slice(1, -1).replace(/``/g, '`');
    case StringLiteral:
      return image.slice(1, -1).replace(/''/g, "'");
    default:
      return image;
  }
}
