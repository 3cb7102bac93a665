import type { ModelField } from '../model/data-model.js';
import { type HighlightRange, wordStartMatches } from './highlight.js';
import { SearchError } from './search-error.js';

/**
 * Evaluates an `=expression` search for one field: given the expression text (without `=`), it
 * returns a predicate over the field's symbol indexes. The expression library provides it, so
 * this package does not depend on the evaluator.
 */
export type ExpressionSearchHook = (
  field: ModelField,
  expression: string,
) => (symbol: number) => boolean;

export interface FieldSearchOptions {
  /**
   * How plain text (no wildcards) matches: `words` (the list box search, a value matches when a
   * word in it starts with the text) or `exact` (Field.Select: the whole value, ignoring case).
   */
  readonly textMode?: 'words' | 'exact';
  readonly expressionSearch?: ExpressionSearchHook;
}

/** A compiled search over one field's symbols. */
export interface FieldSearch {
  readonly kind: 'text' | 'wildcard' | 'range' | 'expression';
  matches(symbol: number): boolean;
  /** Where the search matched in the symbol's text, for `qHighlightRanges` (may be empty). */
  highlights(symbol: number): HighlightRange[];
}

/**
 * Compiles a Qlik search string (help "Searching in selections or visualizations"): `=expr` is
 * an expression search, text starting with `<` or `>` a numeric range (`>=10<20`), text with `*`
 * or `?` a wildcard match of the whole value, anything else a text search; all ignore case.
 */
export function compileFieldSearch(
  field: ModelField,
  search: string,
  options: FieldSearchOptions = {},
): FieldSearch {
  const trimmed = search.trim();
  const symbols = field.symbols;
  if (trimmed.startsWith('=')) {
    const hook = options.expressionSearch;
    if (hook === undefined) {
      throw new SearchError(
        'SEARCH_NO_EXPRESSION_HOOK',
        `expression search "${trimmed}" on field "${field.name}" needs an expression evaluator`,
      );
    }
    const predicate = hook(field, trimmed.slice(1));
    return { kind: 'expression', matches: predicate, highlights: () => [] };
  }
  if (trimmed.startsWith('<') || trimmed.startsWith('>')) {
    const inRange = parseRange(trimmed, field.name);
    return {
      kind: 'range',
      matches: (s) => symbols.isNumeric(s) && inRange(symbols.num(s)),
      highlights: () => [],
    };
  }
  if (/[*?]/.test(trimmed)) {
    const pattern = wildcardPattern(trimmed);
    return {
      kind: 'wildcard',
      matches: (s) => pattern.test(symbols.text(s)),
      highlights: (s) => wildcardHighlights(pattern, symbols.text(s)),
    };
  }
  const needle = unquote(trimmed).toLowerCase();
  if (options.textMode === 'exact' || trimmed.startsWith('"')) {
    return {
      kind: 'text',
      matches: (s) => symbols.text(s).toLowerCase() === needle,
      highlights: (s) => [{ qCharPos: 0, qCharCount: symbols.text(s).length }],
    };
  }
  return {
    kind: 'text',
    matches: (s) => wordStartMatches(symbols.text(s), needle).length > 0,
    highlights: (s) => wordStartMatches(symbols.text(s), needle),
  };
}

/** The symbol indexes of a field that a search string matches, ascending. */
export function searchField(
  field: ModelField,
  search: string,
  options: FieldSearchOptions = {},
): number[] {
  const compiled = compileFieldSearch(field, search, options);
  const matches: number[] = [];
  for (let s = 0; s < field.symbols.size; s++) if (compiled.matches(s)) matches.push(s);
  return matches;
}

function unquote(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

const boundPattern = /([<>]=?)\s*([^<>]*)/g;

function parseRange(text: string, fieldName: string): (num: number) => boolean {
  const tests: ((num: number) => boolean)[] = [];
  let consumed = 0;
  for (const [whole, operator, boundText] of text.matchAll(boundPattern)) {
    consumed += whole.length;
    const bound = Number((boundText ?? '').trim());
    if ((boundText ?? '').trim() === '' || Number.isNaN(bound)) {
      throw new SearchError(
        'SEARCH_BAD_RANGE',
        `numeric search "${text}" on field "${fieldName}": "${whole}" does not end in a number`,
      );
    }
    if (operator === '>') tests.push((n) => n > bound);
    else if (operator === '>=') tests.push((n) => n >= bound);
    else if (operator === '<') tests.push((n) => n < bound);
    else tests.push((n) => n <= bound);
  }
  if (consumed !== text.length) {
    throw new SearchError(
      'SEARCH_BAD_RANGE',
      `numeric search "${text}" on field "${fieldName}" is malformed`,
    );
  }
  return (num) => tests.every((test) => test(num));
}

/** `*` is any run of characters, `?` one character; literal runs become capture groups. */
function wildcardPattern(text: string): RegExp {
  const parts = text.split(/([*?])/).filter((part) => part !== '');
  const source = parts
    .map((part) => (part === '*' ? '.*?' : part === '?' ? '.' : `(${escapeRegExp(part)})`))
    .join('');
  return new RegExp(`^${source}$`, 'isd');
}

function wildcardHighlights(pattern: RegExp, text: string): HighlightRange[] {
  const match = pattern.exec(text);
  const indices = match?.indices;
  if (!indices) return [];
  return indices
    .slice(1)
    .filter((span): span is [number, number] => span !== undefined)
    .map(([start, end]) => ({ qCharPos: start, qCharCount: end - start }));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
