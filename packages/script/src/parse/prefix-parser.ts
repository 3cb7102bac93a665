import type { JoinKind, LoadPrefix } from './ast.js';
import type { Cursor } from './cursor.js';
import { scriptExpression } from './script-expression.js';

/** Prefixes the grammar knows that Cairn does not run yet (a later issue adds several). */
const UNSUPPORTED_PREFIXES: ReadonlySet<string> = new Set([
  'add',
  'buffer',
  'bundle',
  'generic',
  'hierarchy',
  'hierarchybelongsto',
  'info',
  'intervalmatch',
  'merge',
  'replace',
  'sample',
  'semantic',
  'when',
  'unless',
]);

const JOIN_KINDS: ReadonlySet<string> = new Set(['inner', 'left', 'right', 'outer']);

/** Reads `NOCONCATENATE`, `LEFT JOIN (T)`, `CROSSTABLE (a, d, 1)`, `FIRST 10` … before LOAD. */
export function parseLoadPrefixes(cursor: Cursor): LoadPrefix[] {
  const prefixes: LoadPrefix[] = [];
  for (;;) {
    const token = cursor.peek();
    const word = token?.image.toLowerCase() ?? '';
    if (token === undefined || cursor.isWord('load') || cursor.isWord('select')) return prefixes;
    if (cursor.acceptWord('noconcatenate')) prefixes.push({ kind: 'noconcatenate' });
    else if (cursor.acceptWord('concatenate')) {
      prefixes.push({ kind: 'concatenate', table: tableArgument(cursor) });
    } else if (cursor.acceptWord('mapping')) prefixes.push({ kind: 'mapping' });
    else if (
      cursor.isWord('join') ||
      cursor.isWord('keep') ||
      (JOIN_KINDS.has(word) && isJoinNext(cursor))
    ) {
      let how: JoinKind = 'outer';
      if (JOIN_KINDS.has(word)) {
        how = word as JoinKind;
        cursor.next();
      }
      const keep = cursor.next().image.toLowerCase() === 'keep';
      if (keep && how === 'outer' && word !== 'outer') how = 'inner';
      if (keep && how === 'outer')
        throw cursor.error('OUTER KEEP does not exist; use INNER, LEFT or RIGHT KEEP');
      prefixes.push({ kind: keep ? 'keep' : 'join', how, table: tableArgument(cursor) });
    } else if (cursor.acceptWord('crosstable')) {
      prefixes.push(crosstable(cursor));
    } else if (cursor.acceptWord('first')) {
      const piece = cursor.until(() => cursor.isWord('load') || cursor.isWord('select'));
      prefixes.push({ kind: 'first', count: scriptExpression(piece, 'the FIRST row count') });
    } else if (UNSUPPORTED_PREFIXES.has(word) && token.image !== '(') {
      cursor.next();
      // The prefix's own arguments are skipped: the statement stops when run anyway.
      cursor.until(() => cursor.isWord('load') || cursor.isWord('select') || cursor.isWord('sql'));
      prefixes.push({ kind: 'unsupported', name: word.toUpperCase(), at: token.startOffset });
    } else return prefixes;
  }
}

function isJoinNext(cursor: Cursor): boolean {
  return cursor.isWord('join', 1) || cursor.isWord('keep', 1);
}

function tableArgument(cursor: Cursor): string | null {
  if (!cursor.acceptPunct('(')) return null;
  const table = cursor.name('a table name in ( )');
  cursor.expectPunct(')', 'after the table name');
  return table;
}

/** `CROSSTABLE (attribute field, data field [, qualifier count])`. */
function crosstable(cursor: Cursor): LoadPrefix {
  cursor.expectPunct('(', 'after CROSSTABLE');
  const attribute = cursor.name('the attribute field name');
  cursor.expectPunct(',', 'after the attribute field name');
  const data = cursor.name('the data field name');
  let qualifiers = 1;
  if (cursor.acceptPunct(',')) {
    const count = cursor.next();
    qualifiers = Number(count.image);
    if (!Number.isInteger(qualifiers) || qualifiers < 0) {
      throw cursor.error('expected a whole number of qualifier fields', count);
    }
  }
  cursor.expectPunct(')', 'to close CROSSTABLE');
  return { kind: 'crosstable', attribute, data, qualifiers };
}
