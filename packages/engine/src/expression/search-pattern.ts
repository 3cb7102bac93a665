import { ExpressionError } from './errors.js';
import { parseExpression } from './parser.js';
import type { RangeBound, SearchPattern } from './set-ast.js';

/**
 * Classifies the text of a search string (help "Set modifiers with searches"):
 * `=expr` is an expression search, a leading `<`/`>` a numeric range with up to two bounds
 * (`>=10<20`), anything else a wildcard text search (`*`, `?`, `^`). `offset` is where `text`
 * starts in `source`, so errors point into the whole expression.
 */
export function parseSearchPattern(text: string, source: string, offset: number): SearchPattern {
  const trimmed = text.trim();
  if (trimmed.startsWith('=')) {
    const body = text.slice(text.indexOf('=') + 1);
    const bodyOffset = offset + text.indexOf('=') + 1;
    try {
      return { type: 'expression', source: body, expression: parseExpression(body) };
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      const start = bodyOffset + error.position.offset;
      throw new ExpressionError(error.code, source, start, start + error.found.length);
    }
  }
  if (trimmed.startsWith('<') || trimmed.startsWith('>'))
    return parseRange(trimmed, source, offset);
  return { type: 'text', pattern: text };
}

const boundPattern = /([<>]=?)\s*([^<>]*)/g;

function parseRange(text: string, source: string, offset: number): SearchPattern {
  let lower: RangeBound | null = null;
  let upper: RangeBound | null = null;
  let consumed = 0;
  for (const match of text.matchAll(boundPattern)) {
    const [whole, operator = '', bound = ''] = match;
    consumed += whole.length;
    const value: RangeBound = { inclusive: operator.endsWith('='), text: bound.trim() };
    const isLower = operator.startsWith('>');
    if (value.text === '' || (isLower ? lower : upper) !== null) {
      throw new ExpressionError(
        'EXPR_BAD_SEARCH',
        source,
        offset,
        offset + text.length,
        'a range takes at most one lower (>, >=) and one upper (<, <=) bound, each with a value',
      );
    }
    if (isLower) lower = value;
    else upper = value;
  }
  if (consumed !== text.length) {
    throw new ExpressionError('EXPR_BAD_SEARCH', source, offset, offset + text.length);
  }
  return { type: 'range', lower, upper };
}
