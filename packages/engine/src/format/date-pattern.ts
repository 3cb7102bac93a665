/**
 * Qlik date/time format codes split into tokens (research/script-qvd.md §7.6): `YYYY`, `M`..
 * `MMMM`, `D`, `WWW`, `h`, `mm`, `ss`, `fff`, `TT`, and `[...]` optional parts. Upper-case `M`
 * is the month and lower-case `m` the minute, as in Qlik, so `dd/mm/yyyy` shows minutes.
 * Shared by the formatter and the interpreter so both read a pattern the same way.
 * Known gap: there is no escape for literal letters that are also codes (`Week` in a pattern
 * reads as a weekday code), which is assumed to match Qlik.
 */
export type DatePatternToken =
  | { readonly type: 'year'; readonly width: number }
  | { readonly type: 'month'; readonly width: number }
  | { readonly type: 'monthName'; readonly long: boolean }
  | { readonly type: 'day'; readonly width: number }
  | { readonly type: 'weekday'; readonly width: number }
  | { readonly type: 'weekdayName'; readonly long: boolean }
  | { readonly type: 'hour'; readonly width: number }
  | { readonly type: 'minute'; readonly width: number }
  | { readonly type: 'second'; readonly width: number }
  | { readonly type: 'fraction'; readonly width: number }
  | { readonly type: 'ampm'; readonly lower: boolean }
  | { readonly type: 'literal'; readonly text: string }
  | { readonly type: 'optional'; readonly tokens: readonly DatePatternToken[] };

const cache = new Map<string, readonly DatePatternToken[]>();

/** Tokens of a pattern; patterns repeat across rows, so results are memoised (bounded). */
export function parseDatePattern(pattern: string): readonly DatePatternToken[] {
  let tokens = cache.get(pattern);
  if (!tokens) {
    tokens = Object.freeze(tokenizePattern(pattern, 0, pattern.length));
    if (cache.size > 500) cache.clear();
    cache.set(pattern, tokens);
  }
  return tokens;
}

function tokenizePattern(pattern: string, from: number, to: number): DatePatternToken[] {
  const tokens: DatePatternToken[] = [];
  let i = from;
  const literal = (text: string) => {
    const last = tokens[tokens.length - 1];
    if (last?.type === 'literal')
      tokens[tokens.length - 1] = { type: 'literal', text: last.text + text };
    else tokens.push({ type: 'literal', text });
  };
  while (i < to) {
    const ch = pattern[i]!;
    if (ch === '[') {
      const close = pattern.indexOf(']', i + 1);
      const end = close < 0 || close > to ? to : close;
      tokens.push({ type: 'optional', tokens: tokenizePattern(pattern, i + 1, end) });
      i = end + 1;
      continue;
    }
    let run = 1;
    while (i + run < to && pattern[i + run] === ch) run++;
    const token = codeToken(ch, run);
    if (token) tokens.push(token);
    else literal(pattern.slice(i, i + run));
    i += run;
  }
  return tokens;
}

function codeToken(ch: string, run: number): DatePatternToken | null {
  switch (ch) {
    case 'Y':
    case 'y':
      return { type: 'year', width: run };
    case 'M':
      if (run >= 4) return { type: 'monthName', long: true };
      return run === 3 ? { type: 'monthName', long: false } : { type: 'month', width: run };
    case 'D':
    case 'd':
      return { type: 'day', width: run };
    case 'W':
    case 'w':
      if (run >= 4) return { type: 'weekdayName', long: true };
      return run === 3 ? { type: 'weekdayName', long: false } : { type: 'weekday', width: run };
    case 'h':
    case 'H':
      return { type: 'hour', width: run };
    case 'm':
      return { type: 'minute', width: run };
    case 's':
    case 'S':
      return { type: 'second', width: run };
    case 'f':
    case 'F':
      return { type: 'fraction', width: run };
    case 'T':
    case 't':
      return run === 2 ? { type: 'ampm', lower: ch === 't' } : null;
    default:
      return null;
  }
}

/** True when the pattern shows AM/PM, which switches hours to the 12-hour clock. */
export function hasAmPm(tokens: readonly DatePatternToken[]): boolean {
  return tokens.some((t) => t.type === 'ampm' || (t.type === 'optional' && hasAmPm(t.tokens)));
}
