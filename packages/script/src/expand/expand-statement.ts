import { type DollarExpansionHooks, ExpressionError, expandDollar } from '@cairn/engine';

/** An expanded statement and the way back from its offsets to the written ones. */
export interface ExpandedStatement {
  readonly text: string;
  /** Offset in the written text for an offset in the expanded text. */
  originOf(offset: number): number;
}

interface Segment {
  readonly outStart: number;
  readonly srcStart: number;
  /** Copied text maps offset for offset; expanded text maps to the `$(` that produced it. */
  readonly copied: boolean;
}

/**
 * Dollar-sign expansion of one statement before it is parsed (research/script-qvd.md §4.1, §4.6),
 * done by the engine's `expandDollar` one top-level `$(…)` at a time so that an error found later
 * in the expanded text can still be located in the script as written.
 * Throws `ExpressionError` with `position.offset` relative to the written statement.
 */
export function expandStatement(text: string, hooks: DollarExpansionHooks): ExpandedStatement {
  const segments: Segment[] = [];
  let out = '';
  let index = 0;
  for (;;) {
    const open = text.indexOf('$(', index);
    if (open < 0) break;
    const close = closingParen(text, open + 1);
    segments.push({ outStart: out.length, srcStart: index, copied: true });
    out += text.slice(index, open);
    const piece = close < 0 ? text.slice(open) : text.slice(open, close + 1);
    segments.push({ outStart: out.length, srcStart: open, copied: false });
    try {
      out += expandDollar(piece, hooks);
    } catch (error) {
      if (error instanceof ExpressionError) throw relocate(error, text, open);
      throw error;
    }
    if (close < 0) break;
    index = close + 1;
  }
  if (index < text.length || segments.length === 0) {
    segments.push({ outStart: out.length, srcStart: index, copied: true });
    out += text.slice(index);
  }
  return {
    text: out,
    originOf(offset: number): number {
      let found = segments[0] as Segment;
      for (const segment of segments) {
        if (segment.outStart <= offset) found = segment;
        else break;
      }
      return found.copied ? found.srcStart + (offset - found.outStart) : found.srcStart;
    },
  };
}

function relocate(error: ExpressionError, text: string, open: number): ExpressionError {
  const start = open + error.position.offset;
  const detail = error.message.split(': ').slice(1).join(': ').split(' in expression ')[0];
  return new ExpressionError(
    error.code,
    text,
    start,
    start + error.found.length,
    detail || undefined,
  );
}

/** Index of the `)` closing the `(` at `open`, skipping single-quoted text; -1 when none. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === "'") quoted = false;
    } else if (ch === "'") quoted = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}
