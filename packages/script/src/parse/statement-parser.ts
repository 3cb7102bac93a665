import type { FormatItem, LoadPrefix, NamePair, Statement } from './ast.js';
import { Cursor, StatementSyntaxError } from './cursor.js';
import { parseFormatSpec, parseLoad } from './load-parser.js';
import { parseLoadPrefixes } from './prefix-parser.js';
import { scriptExpression } from './script-expression.js';
import { isQuotedName, lexStatement, StringLiteral, Word } from './tokens.js';

/** Statements the grammar knows that Cairn does not run yet (research §4.3; a later issue). */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  binary: 'BINARY',
  section: 'SECTION ACCESS / APPLICATION',
  declare: 'DECLARE',
  derive: 'DERIVE',
  connect: 'CONNECT',
  connect32: 'CONNECT32',
  connect64: 'CONNECT64',
  odbc: 'ODBC CONNECT',
  oledb: 'OLEDB CONNECT',
  custom: 'CUSTOM CONNECT',
  customconnect: 'CUSTOM CONNECT',
  lib: 'LIB CONNECT',
  bdi: 'BDI CONNECT',
  disconnect: 'DISCONNECT',
  direct: 'DIRECT QUERY',
  execute: 'EXECUTE',
  nullasvalue: 'NULLASVALUE',
  nullasnull: 'NULLASNULL',
  map: 'MAP … USING',
  unmap: 'UNMAP',
  force: 'FORCE',
  loosen: 'LOOSEN TABLE',
  search: 'SEARCH INCLUDE / EXCLUDE',
  star: 'STAR IS',
  autonumber: 'AUTONUMBER (statement)',
  directory: 'DIRECTORY',
  flushlog: 'FLUSHLOG',
  sqlcolumns: 'SQLCOLUMNS',
  sqltables: 'SQLTABLES',
  sqltypes: 'SQLTYPES',
  import: 'IMPORT LIVE',
  create: 'CREATE RELATIONSHIP',
  dimension: 'DIMENSION',
  measure: 'MEASURE',
};

/**
 * Parses one regular (non-control) statement after dollar-sign expansion.
 *
 * Tokens come from a chevrotain lexer; the grammar itself is recursive descent over them, like
 * the engine's expression parser: most keywords are also names (research §8 #22) and every
 * expression span is handed to the engine's parser, which a chevrotain grammar would have to
 * re-describe. Known gap: this is not a chevrotain `EmbeddedActionsParser` as issue 3 suggests.
 */
export function parseStatement(text: string): Statement {
  const lexed = lexStatement(text);
  if (lexed.errorOffset >= 0) {
    throw new StatementSyntaxError(
      `quoted text or name is not closed`,
      lexed.errorOffset,
      text.slice(lexed.errorOffset, lexed.errorOffset + 20),
      'UNTERMINATED_QUOTE',
    );
  }
  const cursor = new Cursor(text, lexed.tokens);
  return Object.freeze(parseWith(cursor));
}

function parseWith(cursor: Cursor): Statement {
  let label: string | null = null;
  const first = cursor.peek();
  if (first === undefined) throw cursor.error('expected a statement');
  if ((first.tokenType === Word || isQuotedName(first)) && cursor.isPunct(':', 1)) {
    label = cursor.name('a table label');
    cursor.next();
  }
  const word = cursor.peek()?.tokenType === Word ? (cursor.peek()?.image.toLowerCase() ?? '') : '';
  if (label === null) {
    if (cursor.isPunct('=', 1) && cursor.peek()?.tokenType === Word) return parseLet(cursor, false);
    const other = parseOther(cursor, word);
    if (other !== null) return other;
  }
  const prefixes: LoadPrefix[] = parseLoadPrefixes(cursor);
  const at = cursor.offset();
  if (cursor.acceptWord('load')) {
    return { kind: 'load', label, prefixes, part: parseLoad(cursor, at) };
  }
  if (cursor.isWord('select') || cursor.isWord('sql')) {
    cursor.rest();
    const source = { kind: 'unsupported', what: 'SQL SELECT', at } as const;
    const part = {
      at,
      distinct: false,
      fields: [],
      source,
      format: [],
      where: null,
      while: null,
      groupBy: [],
      orderBy: [],
    };
    return { kind: 'load', label, prefixes, part };
  }
  if (label !== null || prefixes.length > 0) {
    throw cursor.error('expected LOAD or SELECT after the table label or prefix');
  }
  throw cursor.error('unknown statement');
}

function parseOther(cursor: Cursor, word: string): Statement | null {
  switch (word) {
    case 'set':
      return parseSet(cursor);
    case 'let':
      cursor.next();
      return parseLet(cursor, true);
    case 'drop':
      return parseDrop(cursor);
    case 'rename':
      return parseRename(cursor);
    case 'store':
      return parseStore(cursor);
    case 'trace':
      cursor.next();
      return { kind: 'trace', text: cursor.rest().trim().replace(/''/g, "'") };
    case 'sleep':
      cursor.next();
      return {
        kind: 'sleep',
        ms: scriptExpression(
          cursor.until(() => false),
          'SLEEP milliseconds',
        ),
      };
    case 'tag':
    case 'untag':
      return parseTag(cursor, word === 'untag');
    case 'comment':
      return parseComment(cursor);
    case 'alias':
      cursor.next();
      return { kind: 'alias', pairs: parsePairs(cursor, 'as') };
    case 'qualify':
    case 'unqualify': {
      cursor.next();
      return { kind: 'qualify', unqualify: word === 'unqualify', names: parseNames(cursor, true) };
    }
    default: {
      const what = UNSUPPORTED[word];
      if (what === undefined) return null;
      cursor.rest();
      return { kind: 'unsupported', what };
    }
  }
}

/** `SET v = text`: raw text; one enclosing pair of quotes is removed (research §4.6). */
function parseSet(cursor: Cursor): Statement {
  cursor.next();
  const name = cursor.name('a variable name after SET', true);
  const equals = cursor.expectPunct('=', 'after the variable name');
  const raw = cursor.text.slice(equals.startOffset + 1).trim();
  cursor.rest();
  if (raw === '') return { kind: 'set', name, value: null };
  const quoted = /^'((?:[^']|'')*)'$/.exec(raw) ?? /^"((?:[^"]|"")*)"$/.exec(raw);
  const value = quoted
    ? (quoted[1] as string).replace(raw[0] === "'" ? /''/g : /""/g, raw[0] as string)
    : raw;
  return { kind: 'set', name, value };
}

function parseLet(cursor: Cursor, keyword: boolean): Statement {
  const name = cursor.name(keyword ? 'a variable name after LET' : 'a variable name', true);
  cursor.expectPunct('=', 'after the variable name');
  if (cursor.atEnd()) return { kind: 'let', name, value: null };
  return {
    kind: 'let',
    name,
    value: scriptExpression(
      cursor.until(() => false),
      'LET expression',
    ),
  };
}

function parseDrop(cursor: Cursor): Statement {
  cursor.next();
  if (cursor.acceptWord('table') || cursor.acceptWord('tables')) {
    return { kind: 'drop-tables', tables: parseNames(cursor, false) };
  }
  if (cursor.acceptWord('field') || cursor.acceptWord('fields')) {
    const fields = parseNames(cursor, false, 'from');
    const from = cursor.acceptWord('from') ? parseNames(cursor, false) : null;
    return { kind: 'drop-fields', fields, from };
  }
  if (cursor.isWord('relationship')) return { kind: 'unsupported', what: 'DROP RELATIONSHIP' };
  throw cursor.error('expected TABLE, TABLES, FIELD or FIELDS after DROP');
}

function parseRename(cursor: Cursor): Statement {
  cursor.next();
  let target: 'table' | 'field';
  if (cursor.acceptWord('table') || cursor.acceptWord('tables')) target = 'table';
  else if (cursor.acceptWord('field') || cursor.acceptWord('fields')) target = 'field';
  else throw cursor.error('expected TABLE or FIELD after RENAME');
  if (cursor.acceptWord('using')) {
    const mapping = cursor.name('a mapping table name after USING');
    expectEnd(cursor);
    return { kind: 'rename-using', target, mapping };
  }
  return { kind: 'rename', target, pairs: parsePairs(cursor, 'to') };
}

/** `STORE [fields FROM] table INTO file [(format)]`. */
function parseStore(cursor: Cursor): Statement {
  cursor.next();
  let fields: NamePair[] | null = null;
  const fromIndex = cursor.tokens.findIndex(
    (token, i) =>
      i > cursor.index && token.tokenType === Word && token.image.toLowerCase() === 'from',
  );
  const intoIndex = cursor.tokens.findIndex(
    (token) => token.tokenType === Word && token.image.toLowerCase() === 'into',
  );
  if (fromIndex > 0 && (intoIndex < 0 || fromIndex < intoIndex)) {
    const list: NamePair[] = [];
    let star = false;
    do {
      if (cursor.acceptPunct('*')) {
        star = true;
        continue;
      }
      const from = cursor.name('a field name', true);
      const to = cursor.acceptWord('as') ? cursor.name('a field name after AS', true) : from;
      list.push({ from, to });
    } while (cursor.acceptPunct(','));
    fields = star ? null : list;
    cursor.expectWord('from', 'after the STORE field list');
  }
  const table = cursor.name('a table name after STORE');
  cursor.expectWord('into', 'after the table name');
  const pathToken = cursor.peek();
  let path: string;
  const pathAt = cursor.offset();
  if (
    pathToken !== undefined &&
    (pathToken.tokenType === StringLiteral || isQuotedName(pathToken))
  ) {
    path = cursor.name('a file name', true);
  } else {
    path = cursor.until(() => cursor.isPunct('(')).text.trim();
  }
  if (path === '') throw cursor.error('expected a file name after INTO');
  const format: FormatItem[] = cursor.isPunct('(') ? parseFormatSpec(cursor) : [];
  expectEnd(cursor);
  return { kind: 'store', fields, table, path, pathAt, format };
}

function parseTag(cursor: Cursor, untag: boolean): Statement {
  cursor.next();
  let target: 'table' | 'field' = 'field';
  if (cursor.acceptWord('table') || cursor.acceptWord('tables')) target = 'table';
  else if (!cursor.acceptWord('field')) cursor.acceptWord('fields');
  const names = parseNames(cursor, false, 'with', 'using');
  if (cursor.acceptWord('using')) {
    cursor.rest();
    return { kind: 'unsupported', what: `${untag ? 'UNTAG' : 'TAG'} … USING` };
  }
  cursor.expectWord('with', 'after the names to tag');
  const tags = parseNames(cursor, true);
  return { kind: 'tag', untag, target, names, tags };
}

function parseComment(cursor: Cursor): Statement {
  cursor.next();
  let target: 'table' | 'field' = 'field';
  if (cursor.acceptWord('table') || cursor.acceptWord('tables')) target = 'table';
  else if (!cursor.acceptWord('field')) cursor.acceptWord('fields');
  if (cursor.isWord('using')) {
    cursor.rest();
    return { kind: 'unsupported', what: 'COMMENT … USING' };
  }
  const names = parseNames(cursor, false, 'with');
  cursor.expectWord('with', 'after the names to comment');
  const text = cursor.name('the comment text', true);
  expectEnd(cursor);
  return { kind: 'comment', target, names, text };
}

/** `a TO b, c TO d` or `a AS b, …`. */
function parsePairs(cursor: Cursor, joiner: string): NamePair[] {
  const pairs: NamePair[] = [];
  do {
    const from = cursor.name('a name');
    cursor.expectWord(joiner, `between the old and the new name`);
    pairs.push({ from, to: cursor.name(`a name after ${joiner.toUpperCase()}`) });
  } while (cursor.acceptPunct(','));
  expectEnd(cursor);
  return pairs;
}

/** `a, [b c], "d"` (and `*` or `'pattern*'` where `patterns`), up to a stop word or the end. */
function parseNames(cursor: Cursor, patterns: boolean, ...stopWords: string[]): string[] {
  const names: string[] = [];
  do {
    if (patterns && cursor.acceptPunct('*')) names.push('*');
    else names.push(cursor.name('a name', patterns));
  } while (cursor.acceptPunct(','));
  if (!cursor.atEnd() && !stopWords.some((word) => cursor.isWord(word))) {
    throw cursor.error('expected a comma or the end of the statement');
  }
  return names;
}

function expectEnd(cursor: Cursor): void {
  if (!cursor.atEnd()) throw cursor.error('expected the end of the statement');
}
