import { describe, expect, it } from 'vitest';
import { StatementSyntaxError } from './cursor.js';
import { parseStatement } from './statement-parser.js';

describe('parseStatement', () => {
  it('parseStatement(label + LOAD … FROM [file] (spec)) keeps label, path and format words', () => {
    const statement = parseStatement(
      "T:\nLOAD A, B AS Bee FROM [lib://data/x.csv] (txt, delimiter is ';', embedded labels)",
    );
    expect(statement).toMatchObject({
      kind: 'load',
      label: 'T',
      part: { source: { kind: 'file', path: 'lib://data/x.csv' } },
    });
    expect(statement.kind === 'load' && statement.part.format).toEqual([
      ['txt'],
      ['delimiter', 'is', ';'],
      ['embedded', 'labels'],
    ]);
  });

  it('parseStatement(LOAD a, REM, b …) reads REM as a field name in a field list', () => {
    const statement = parseStatement('LOAD a, REM, b RESIDENT MyTable');
    expect(
      statement.kind === 'load' && statement.part.fields.map((f) => f.kind === 'field' && f.name),
    ).toEqual(['a', 'REM', 'b']);
  });

  it('parseStatement(LEFT JOIN (T) LOAD …) gives a left join prefix naming T', () => {
    const statement = parseStatement('LEFT JOIN (T) LOAD * RESIDENT U');
    expect(statement.kind === 'load' && statement.prefixes).toEqual([
      { kind: 'join', how: 'left', table: 'T' },
    ]);
  });

  it("parseStatement(SET x = 'a''b') stores the text without its quotes", () => {
    expect(parseStatement("SET x = 'a''b'")).toEqual({ kind: 'set', name: 'x', value: "a'b" });
  });

  it('parseStatement(SETvX = 100) is an implicit LET of a variable named SETvX', () => {
    expect(parseStatement('SETvX = 100')).toMatchObject({ kind: 'let', name: 'SETvX' });
  });

  it('parseStatement(LOAD a b FROM x) fails at the offending expression with its offset', () => {
    const error = catchError(() => parseStatement('LOAD a b FROM x'));
    expect(error).toBeInstanceOf(StatementSyntaxError);
    expect(error).toMatchObject({ code: 'EXPRESSION_ERROR', offset: 7 });
  });

  it('parseStatement(STORE t INTO f.qvd (qvd)) reads table, path and format', () => {
    expect(parseStatement('STORE t INTO out/f.qvd (qvd)')).toMatchObject({
      kind: 'store',
      table: 't',
      path: 'out/f.qvd',
      format: [['qvd']],
    });
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
