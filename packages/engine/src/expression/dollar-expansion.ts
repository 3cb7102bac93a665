import { ExpressionError } from './errors.js';

/**
 * What dollar-sign expansion needs from its host (research/script-qvd.md §4.6). The script
 * interpreter and the chart layer each supply their own: variables live in different places
 * and `$(=expr)` is evaluated in a row-less context (once per chart, not per row).
 */
export interface DollarExpansionHooks {
  /** The stored text of a variable; `undefined` when there is none (it expands to ''). */
  variable(name: string): string | undefined;
  /** The number of a variable for `$(#v)`; defaults to reading the text as a number. */
  variableNumber?(name: string): number | null;
  /** Evaluates the text after `=` in `$(=expr)` and returns the result's text. */
  evaluate?(expression: string): string;
  /** `$(include=path)` and `$(must_include=path)`: the file's text. */
  include?(path: string, mustExist: boolean): string;
}

/** Qlik stops a statement after this many expansions; a self-referencing variable hits it. */
export const maxDollarExpansions = 1000;

/**
 * Replaces every `$(...)` in `text`, innermost first (`$(v$(i))`), and expands the text a
 * variable yields again (late binding). Quotes do not stop expansion: `'$(vFmt)'` expands.
 */
export function expandDollar(text: string, hooks: DollarExpansionHooks): string {
  return expandText(text, hooks, { count: 0 });
}

interface Budget {
  count: number;
}

function expandText(text: string, hooks: DollarExpansionHooks, budget: Budget): string {
  let out = '';
  let index = 0;
  for (;;) {
    const open = text.indexOf('$(', index);
    if (open < 0) return out + text.slice(index);
    const close = matchingParen(text, open + 1);
    if (close < 0) {
      throw new ExpressionError('EXPR_DOLLAR_UNTERMINATED', text, open, text.length, "missing ')'");
    }
    if (++budget.count > maxDollarExpansions) {
      throw new ExpressionError(
        'EXPR_DOLLAR_LIMIT',
        text,
        open,
        close + 1,
        `more than ${maxDollarExpansions} expansions; does a variable refer to itself?`,
      );
    }
    const inner = expandText(text.slice(open + 2, close), hooks, budget);
    out += text.slice(index, open) + expandOne(inner, hooks, budget, text, open, close + 1);
    index = close + 1;
  }
}

function expandOne(
  content: string,
  hooks: DollarExpansionHooks,
  budget: Budget,
  source: string,
  start: number,
  end: number,
): string {
  const body = content.trim();
  if (body.startsWith('=')) {
    if (!hooks.evaluate) throw new ExpressionError('EXPR_DOLLAR_EVALUATE', source, start, end);
    return hooks.evaluate(body.slice(1));
  }
  if (body.startsWith('#')) return numericText(body.slice(1).trim(), hooks);
  const include = /^(must_)?include\s*=\s*([\s\S]*)$/i.exec(body);
  if (include) {
    if (!hooks.include) {
      throw new ExpressionError(
        'EXPR_DOLLAR_EVALUATE',
        source,
        start,
        end,
        'includes are not available here',
      );
    }
    return hooks.include(include[2]!.trim(), include[1] !== undefined);
  }
  const call = /^([^()]+?)\s*\(([\s\S]*)\)$/.exec(body);
  const name = call ? call[1]! : body;
  const stored = hooks.variable(name);
  if (stored === undefined) return '';
  const text = call ? substituteParameters(stored, splitArguments(call[2]!)) : stored;
  return expandText(text, hooks, budget);
}

/** `$(#v)`: the number with a decimal point whatever DecimalSep says; non-numeric → 0. */
function numericText(name: string, hooks: DollarExpansionHooks): string {
  const number = hooks.variableNumber
    ? hooks.variableNumber(name)
    : Number((hooks.variable(name) ?? '').trim() || Number.NaN);
  return number === null || !Number.isFinite(number) ? '0' : String(number);
}

/** `$1`..`$n` take the arguments; `$0` is their count; missing ones stay as written. */
function substituteParameters(text: string, args: readonly string[]): string {
  return text.replace(/\$(\d+)/g, (whole, digits: string) => {
    const n = Number(digits);
    if (n === 0) return String(args.length);
    return n <= args.length ? args[n - 1]! : whole;
  });
}

function splitArguments(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  args.push(text.slice(start).trim());
  return args;
}

/** Index of the `)` matching the `(` at `open`, skipping quoted text; -1 when unbalanced. */
function matchingParen(text: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}
