import { createHash } from 'node:crypto';
import type { Value } from '../model/value.js';
import { toNumber, toText, toTextOrEmpty } from './coerce.js';
import { type FunctionContext, fn, type ScalarFunction } from './function-types.js';

/*
 * String functions (help "String functions"). Positions are 1-based and count characters
 * (code points), so 'Größe' and emoji have the length a user sees. NULL input gives NULL,
 * except Len (0), so the usual `Len(Trim(x)) = 0` test catches NULL and blanks alike.
 */
const maxRepeatLength = 10_000_000;

function chars(text: string): string[] {
  return Array.from(text);
}

/** A text argument; null when the argument is NULL. */
function text(value: Value | undefined, ctx: FunctionContext): string | null {
  return value === undefined ? null : toText(value, ctx.locale);
}

function int(value: Value | undefined, ctx: FunctionContext, fallback: number): number {
  if (value === undefined) return fallback;
  return Math.trunc(toNumber(value, ctx.locale));
}

/** Wraps a one-text function so NULL in gives NULL out. */
function onText(name: string, body: (s: string) => Value): ScalarFunction {
  return fn(name, 'string', 1, 1, ([value], ctx) => {
    const s = text(value, ctx);
    return s === null ? null : body(s);
  });
}

export const stringFunctions: readonly ScalarFunction[] = [
  fn('Len', 'string', 1, 1, ([value], ctx) => chars(toTextOrEmpty(value!, ctx.locale)).length),
  onText('Upper', (s) => s.toUpperCase()),
  onText('Lower', (s) => s.toLowerCase()),
  onText('Trim', (s) => s.trim()),
  onText('LTrim', (s) => s.trimStart()),
  onText('RTrim', (s) => s.trimEnd()),
  onText('Capitalize', (s) =>
    s.toLowerCase().replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_, pre, ch) => pre + ch.toUpperCase()),
  ),
  onText('Ord', (s) => (s === '' ? null : s.codePointAt(0)!)),
  fn('Chr', 'string', 1, 1, ([code], ctx) => {
    const n = toNumber(code!, ctx.locale);
    return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : null;
  }),
  fn('Left', 'string', 2, 2, ([value, count], ctx) => {
    const s = text(value, ctx);
    return s === null
      ? null
      : chars(s)
          .slice(0, Math.max(0, int(count, ctx, 0)))
          .join('');
  }),
  fn('Right', 'string', 2, 2, ([value, count], ctx) => {
    const s = text(value, ctx);
    const n = int(count, ctx, 0);
    return s === null ? null : n <= 0 ? '' : chars(s).slice(-n).join('');
  }),
  fn('Mid', 'string', 2, 3, ([value, start, count], ctx) => {
    const s = text(value, ctx);
    if (s === null) return null;
    const from = Math.max(1, int(start, ctx, 1)) - 1;
    const all = chars(s);
    const n = count === undefined ? all.length : Math.max(0, int(count, ctx, 0));
    return all.slice(from, from + n).join('');
  }),
  fn('Index', 'string', 2, 3, ([value, sub, nth], ctx) => {
    const s = text(value, ctx);
    const needle = text(sub, ctx);
    if (s === null || needle === null || needle === '') return s === null ? null : 0;
    const positions = occurrences(s, needle, true);
    const n = int(nth, ctx, 1);
    const index = n > 0 ? positions[n - 1] : positions[positions.length + n];
    return index === undefined ? 0 : chars(s.slice(0, index)).length + 1;
  }),
  fn('Replace', 'string', 3, 3, ([value, from, to], ctx) => {
    const s = text(value, ctx);
    const a = text(from, ctx);
    if (s === null) return null;
    return a === null || a === '' ? s : s.split(a).join(toTextOrEmpty(to!, ctx.locale));
  }),
  // Without a field number only the first part is returned; the load script turns the
  // two-argument form into one row per part itself.
  fn('SubField', 'string', 2, 3, ([value, delimiter, nth], ctx) => {
    const s = text(value, ctx);
    const d = text(delimiter, ctx);
    if (s === null || d === null || s === '') return null;
    const parts = d === '' ? [s] : s.split(d);
    const n = int(nth, ctx, 1);
    return (n > 0 ? parts[n - 1] : parts[parts.length + n]) ?? null;
  }),
  fn('TextBetween', 'string', 3, 4, ([value, before, after, nth], ctx) => {
    const s = text(value, ctx);
    const open = text(before, ctx);
    const close = text(after, ctx);
    if (s === null || open === null || close === null) return null;
    const start = open === '' ? 0 : (occurrences(s, open, false)[int(nth, ctx, 1) - 1] ?? -1);
    if (start < 0) return null;
    const from = start + open.length;
    const end = close === '' ? s.length : s.indexOf(close, from);
    return end < 0 ? null : s.slice(from, end);
  }),
  fn('KeepChar', 'string', 2, 2, ([value, keep], ctx) => filterChars(value!, keep!, ctx, true)),
  fn('PurgeChar', 'string', 2, 2, ([value, purge], ctx) => filterChars(value!, purge!, ctx, false)),
  // Results over maxRepeatLength characters are NULL rather than exhausting the heap.
  fn('Repeat', 'string', 1, 2, ([value, times], ctx) => {
    const s = text(value, ctx);
    const n = Math.max(0, int(times, ctx, 1) || 0);
    if (s === null || s.length * n > maxRepeatLength) return null;
    return s.repeat(n);
  }),
  fn('SubStringCount', 'string', 2, 2, ([value, sub], ctx) => {
    const s = text(value, ctx);
    const needle = text(sub, ctx);
    if (s === null || needle === null) return null;
    return needle === '' ? 0 : occurrences(s, needle, false).length;
  }),
  fn('FindOneOf', 'string', 2, 3, ([value, set, nth], ctx) => {
    const s = text(value, ctx);
    const wanted = text(set, ctx);
    if (s === null || wanted === null) return null;
    const n = int(nth, ctx, 1);
    let seen = 0;
    const all = chars(s);
    for (let i = 0; i < all.length; i++) {
      if (wanted.includes(all[i]!) && ++seen === n) return i + 1;
    }
    return 0;
  }),
  hash('Hash128', 'md5'),
  hash('Hash160', 'sha1'),
  hash('Hash256', 'sha256'),
];

/** Start offsets of `needle` in `s`; `overlapping` steps by one character instead of a match. */
function occurrences(s: string, needle: string, overlapping: boolean): number[] {
  const found: number[] = [];
  for (
    let at = s.indexOf(needle);
    at >= 0;
    at = s.indexOf(needle, at + (overlapping ? 1 : needle.length))
  ) {
    found.push(at);
  }
  return found;
}

function filterChars(value: Value, set: Value, ctx: FunctionContext, keep: boolean): Value {
  const s = text(value, ctx);
  if (s === null) return null;
  const wanted = new Set(chars(toTextOrEmpty(set, ctx.locale)));
  return chars(s)
    .filter((ch) => wanted.has(ch) === keep)
    .join('');
}

/*
 * Qlik documents the lengths (22, 27, 43 characters) but not the algorithm; these are MD5,
 * SHA-1 and SHA-256 over the texts joined by NUL, in URL-safe base64 without padding. Values
 * are stable in Cairn but differ from Qlik's.
 */
function hash(name: string, algorithm: string): ScalarFunction {
  return fn(name, 'string', 1, Number.POSITIVE_INFINITY, (args, ctx) => {
    const input = args.map((arg) => toTextOrEmpty(arg, ctx.locale)).join('\u0000');
    return createHash(algorithm).update(input, 'utf8').digest('base64url');
  });
}
