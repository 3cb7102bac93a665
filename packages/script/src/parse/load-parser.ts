import type {
  FormatItem,
  LoadField,
  LoadPart,
  LoadSource,
  OrderItem,
  ScriptExpression,
} from './ast.js';
import type { Cursor } from './cursor.js';
import { scriptExpression } from './script-expression.js';
import { Bracketed, DoubleQuoted, isQuotedName, nameOf, StringLiteral } from './tokens.js';

const SOURCE_WORDS: ReadonlySet<string> = new Set([
  'from',
  'resident',
  'inline',
  'autogenerate',
  'where',
  'while',
  'extension',
  'from_field',
]);

/** Parses `LOAD [DISTINCT] fields [source] [format] [clauses]`; the cursor is past LOAD. */
export function parseLoad(cursor: Cursor, at: number): LoadPart {
  const distinct = cursor.acceptWord('distinct');
  const fields = parseFieldList(cursor);
  let source: LoadSource = { kind: 'preceding' };
  let format: FormatItem[] = [];
  if (cursor.acceptWord('from')) {
    source = parseFileName(cursor);
  } else if (cursor.acceptWord('inline')) {
    const token = cursor.peek();
    if (
      token === undefined ||
      (token.tokenType !== Bracketed &&
        token.tokenType !== StringLiteral &&
        token.tokenType !== DoubleQuoted)
    ) {
      throw cursor.error('expected the inline data in [ ], quotes or double quotes after INLINE');
    }
    cursor.next();
    source = { kind: 'inline', data: token.image.slice(1, -1) };
  } else if (cursor.acceptWord('resident')) {
    const table = cursor.offset();
    source = { kind: 'resident', table: cursor.name('a table name after RESIDENT'), at: table };
  } else if (cursor.acceptWord('autogenerate')) {
    const piece = cursor.until(() => isClauseStart(cursor));
    source = { kind: 'autogenerate', count: scriptExpression(piece, 'the AUTOGENERATE row count') };
  } else if (cursor.isWord('from_field') || cursor.isWord('extension')) {
    const word = cursor.next();
    source = {
      kind: 'unsupported',
      what: `LOAD … ${word.image.toUpperCase()}`,
      at: word.startOffset,
    };
    cursor.rest();
  }
  if (source.kind !== 'resident' && source.kind !== 'preceding' && cursor.isPunct('(')) {
    format = parseFormatSpec(cursor);
  }
  let where: ScriptExpression | null = null;
  let whilst: ScriptExpression | null = null;
  if (cursor.acceptWord('where')) {
    where = scriptExpression(
      cursor.until(() => isGroupOrOrder(cursor)),
      'WHERE condition',
    );
  } else if (cursor.acceptWord('while')) {
    whilst = scriptExpression(
      cursor.until(() => isGroupOrOrder(cursor)),
      'WHILE condition',
    );
  }
  const groupBy: ScriptExpression[] = [];
  if (cursor.isWord('group') && cursor.isWord('by', 1)) {
    cursor.index += 2;
    do {
      groupBy.push(
        scriptExpression(
          cursor.until(() => cursor.isPunct(',') || isGroupOrOrder(cursor)),
          'GROUP BY field',
        ),
      );
    } while (cursor.acceptPunct(','));
  }
  const orderBy: OrderItem[] = [];
  if (cursor.isWord('order') && cursor.isWord('by', 1)) {
    if (source.kind !== 'resident')
      throw cursor.error('ORDER BY is only allowed on a RESIDENT load');
    cursor.index += 2;
    do {
      const piece = cursor.until(
        () => cursor.isPunct(',') || cursor.isWord('asc') || cursor.isWord('desc'),
      );
      const descending = cursor.acceptWord('desc');
      if (!descending) cursor.acceptWord('asc');
      orderBy.push({ expression: scriptExpression(piece, 'ORDER BY field'), descending });
    } while (cursor.acceptPunct(','));
  }
  if (!cursor.atEnd()) throw cursor.error('expected the end of the LOAD statement');
  return Object.freeze({
    at,
    distinct,
    fields,
    source,
    format,
    where,
    while: whilst,
    groupBy,
    orderBy,
  });
}

function parseFieldList(cursor: Cursor): LoadField[] {
  const fields: LoadField[] = [];
  do {
    if (cursor.isPunct('*')) {
      cursor.next();
      fields.push({ kind: 'star' });
      continue;
    }
    const piece = cursor.until(
      () => cursor.isPunct(',') || cursor.isWord('as') || isSourceStart(cursor),
    );
    const expression = scriptExpression(piece, 'a field or expression');
    let name: string;
    if (cursor.acceptWord('as')) name = cursor.name('a field name after AS', true);
    else name = expression.ast.kind === 'field' ? expression.ast.name : piece.text.trim();
    fields.push({ kind: 'field', expression, name });
  } while (cursor.acceptPunct(','));
  return fields;
}

/** `FROM` file name: quoted, or everything up to `(`, WHERE, WHILE or GROUP BY (Qlik's BNF). */
function parseFileName(cursor: Cursor): LoadSource {
  const token = cursor.peek();
  if (token !== undefined && (token.tokenType === StringLiteral || isQuotedName(token))) {
    cursor.next();
    return { kind: 'file', path: nameOf(token), at: token.startOffset };
  }
  const piece = cursor.until(() => cursor.isPunct('(') || isClauseStart(cursor));
  if (piece.text === '') throw cursor.error('expected a file name after FROM');
  return { kind: 'file', path: piece.text.trim(), at: piece.at };
}

/** `( item, item … )` where an item is a run of words; quotes are removed from quoted words. */
export function parseFormatSpec(cursor: Cursor): FormatItem[] {
  cursor.expectPunct('(', 'to open the format spec');
  const items: FormatItem[] = [];
  let item: string[] = [];
  let depth = 0;
  for (;;) {
    if (cursor.atEnd()) throw cursor.error("expected ')' to close the format spec");
    const token = cursor.next();
    if (token.image === ')' && depth === 0) break;
    if (token.image === ',' && depth === 0) {
      items.push(item);
      item = [];
      continue;
    }
    if (token.image === '(') depth++;
    if (token.image === ')') depth--;
    item.push(nameOf(token));
  }
  items.push(item);
  return items.filter((words) => words.length > 0);
}

function isClauseStart(cursor: Cursor): boolean {
  return cursor.isWord('where') || cursor.isWord('while') || isGroupOrOrder(cursor);
}

function isGroupOrOrder(cursor: Cursor): boolean {
  return (cursor.isWord('group') || cursor.isWord('order')) && cursor.isWord('by', 1);
}

function isSourceStart(cursor: Cursor): boolean {
  return cursor.isAnyWord(SOURCE_WORDS) || isGroupOrOrder(cursor);
}
