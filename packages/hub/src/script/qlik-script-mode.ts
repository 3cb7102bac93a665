import type { StreamParser, StringStream } from '@codemirror/language';

/**
 * A CodeMirror StreamLanguage parser for Qlik's load-script language: keywords, 'strings',
 * "quoted" and [bracketed] names (bracketed text may span lines: INLINE tables), comments (`//`,
 * `/* *\/`, `REM …;`) and `$(…)` dollar-sign expansions, which are highlighted inside strings
 * too because that is where people put paths built from variables.
 */
export interface ScriptState {
  /** The construct that continues onto the next line, if any. */
  open: 'none' | 'block-comment' | 'rem' | "'" | '"' | '[';
  /** One entry per open `$(`: how many plain parentheses are open inside it. */
  expansions: number[];
}

const KEYWORDS = new Set(
  (
    'add and as asc autogenerate binary buffer by call case concatenate connect crosstable ' +
    'default desc direct disconnect distinct do drop each else elseif end exit false field ' +
    'fields first for from generic group having hierarchy hierarchybelongsto if in inline ' +
    'inner intervalmatch into join keep left let lib like load loop mapping next noconcatenate ' +
    'not null or order outer qualify rename replace resident right script section select set ' +
    'sleep sql step store sub switch table tables then to trace true unless unqualify until ' +
    'using when where while with xor'
  ).split(' '),
);

function closeQuote(stream: StringStream, state: ScriptState, quote: "'" | '"' | '['): string {
  const end = quote === '[' ? ']' : quote;
  while (!stream.eol()) {
    if (stream.match('$(', false)) return 'string';
    const ch = stream.next();
    if (ch === end) {
      if (stream.peek() === end) {
        stream.next();
        continue;
      }
      state.open = 'none';
      return quote === "'" ? 'string' : 'string.special';
    }
  }
  return quote === "'" ? 'string' : 'string.special';
}

function atStatementStart(stream: StringStream): boolean {
  const before = stream.string.slice(0, stream.start).trimEnd();
  return before === '' || before.endsWith(';');
}

function tokenCode(stream: StringStream, state: ScriptState): string | null {
  if (stream.eatSpace()) return null;
  if (stream.match('//')) {
    stream.skipToEnd();
    return 'comment';
  }
  if (stream.match('/*')) {
    state.open = 'block-comment';
    return tokenBlockComment(stream, state);
  }
  const top = state.expansions.length - 1;
  if (stream.match('$(')) {
    state.expansions.push(0);
    return 'meta';
  }
  if (stream.eat('(')) {
    if (top >= 0) state.expansions[top] = (state.expansions[top] ?? 0) + 1;
    return 'paren';
  }
  if (stream.eat(')')) {
    if (top < 0) return 'paren';
    if ((state.expansions[top] ?? 0) > 0) {
      state.expansions[top] = (state.expansions[top] ?? 0) - 1;
      return 'paren';
    }
    state.expansions.pop();
    return 'meta';
  }
  const quote = stream.peek();
  if (quote === "'" || quote === '"' || quote === '[') {
    stream.next();
    state.open = quote;
    return closeQuote(stream, state, quote);
  }
  if (stream.match(/^\d+(\.\d+)?([eE][+-]?\d+)?/)) return 'number';
  const word = stream.match(/^[\p{L}_#@%][\p{L}\p{N}_#@%.$]*/u);
  if (Array.isArray(word)) {
    const lower = word[0].toLowerCase();
    if (lower === 'rem' && atStatementStart(stream)) {
      state.open = 'rem';
      return tokenRem(stream, state);
    }
    if (KEYWORDS.has(lower)) return 'keyword';
    if (stream.peek() === '(') return 'variableName.function';
    return 'variableName';
  }
  const ch = stream.next();
  if (ch === ';' || ch === ',') return 'punctuation';
  if (ch !== undefined && '=<>+-*/&!:'.includes(ch)) return 'operator';
  return null;
}

function tokenBlockComment(stream: StringStream, state: ScriptState): string {
  if (stream.skipTo('*/')) {
    stream.match('*/');
    state.open = 'none';
  } else {
    stream.skipToEnd();
  }
  return 'comment';
}

function tokenRem(stream: StringStream, state: ScriptState): string {
  if (stream.skipTo(';')) {
    stream.next();
    state.open = 'none';
  } else {
    stream.skipToEnd();
  }
  return 'comment';
}

export const qlikScript: StreamParser<ScriptState> = {
  name: 'qlik-script',
  startState: () => ({ open: 'none', expansions: [] }),
  copyState: (s) => ({ open: s.open, expansions: [...s.expansions] }),
  token(stream, state) {
    switch (state.open) {
      case 'block-comment':
        return tokenBlockComment(stream, state);
      case 'rem':
        return tokenRem(stream, state);
      case "'":
      case '"':
      case '[':
        if (stream.match('$(')) {
          // An expansion inside a string: highlight it, then resume the string after `)`.
          state.expansions.push(0);
          return 'meta';
        }
        if (state.expansions.length > 0) return tokenCode(stream, state);
        return closeQuote(stream, state, state.open);
      default:
        return tokenCode(stream, state);
    }
  },
  languageData: { commentTokens: { line: '//', block: { open: '/*', close: '*/' } } },
};
