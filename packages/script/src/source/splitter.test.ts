import { describe, expect, it } from 'vitest';
import { SourceText } from './source-text.js';
import { splitStatements } from './splitter.js';

function split(text: string) {
  return splitStatements(new SourceText('main', text)).map((s) => [s.control, s.text.trim()]);
}

describe('splitStatements', () => {
  it('splitStatements splits at ; outside quotes, brackets and comments', () => {
    expect(split("LOAD 'a;b' AS x FROM [f;g.csv]; // c;\nTRACE x;")).toEqual([
      [null, "LOAD 'a;b' AS x FROM [f;g.csv]"],
      [null, 'TRACE x'],
    ]);
  });

  it('splitStatements keeps lib:// in an unquoted path (// after : is no comment)', () => {
    expect(split('STORE T INTO lib://a/b.qvd (qvd);')).toEqual([
      [null, 'STORE T INTO lib://a/b.qvd (qvd)'],
    ]);
  });

  it('splitStatements drops REM … ; at a statement start, even over lines', () => {
    expect(split('REM one\ntwo;\nTRACE x;')).toEqual([[null, 'TRACE x']]);
  });

  it('splitStatements ends control statements at THEN and at the end of the line', () => {
    expect(split('IF a = 1 THEN\nLET b = 2;\nEND IF\nFOR i = 1 TO 3\nNEXT i')).toEqual([
      ['if', 'IF a = 1 THEN'],
      [null, 'LET b = 2'],
      ['endif', 'END IF'],
      ['for', 'FOR i = 1 TO 3'],
      ['next', 'NEXT i'],
    ]);
  });

  it('splitStatements reports an unclosed bracket with its line and column', () => {
    expect(() => split('LOAD 1 AS x;\n  LOAD [a FROM b;')).toThrow(
      /main:2:8: bracketed name is not closed/,
    );
  });
});
