import { describe, expect, it } from 'vitest';
import { checkScriptSyntax } from './check-syntax.js';

describe('checkScriptSyntax', () => {
  it('checkScriptSyntax of a valid script returns no errors', () => {
    expect(
      checkScriptSyntax(
        'SET v = 1;\nT: LOAD a, b AS c INLINE [a,b\n1,2];\nIF $(v) = 1 THEN\nTRACE x;\nEND IF',
      ),
    ).toEqual([]);
  });

  it('checkScriptSyntax reports every bad statement with line, column and text', () => {
    const errors = checkScriptSyntax('LOAD a b FROM x;\nTRACE fine;\nDROP TABLE;');
    expect(errors.map((e) => [e.code, e.line, e.column])).toEqual([
      ['EXPRESSION_ERROR', 1, 8],
      ['SYNTAX_ERROR', 3, 11],
    ]);
  });

  it('checkScriptSyntax reports an unclosed quote at the quote', () => {
    expect(checkScriptSyntax("TRACE a;\nLET x = 'abc;")).toMatchObject([
      { code: 'UNTERMINATED_QUOTE', line: 2, column: 9 },
    ]);
  });

  it('checkScriptSyntax skips statements built from variables only known when running', () => {
    expect(checkScriptSyntax('LET v = 1;\n$(v) garbage here;')).toEqual([]);
  });

  it('checkScriptSyntax reports a FOR without NEXT as BLOCK_UNBALANCED', () => {
    expect(checkScriptSyntax('FOR i = 1 TO 2\nTRACE x;')).toMatchObject([
      { code: 'BLOCK_UNBALANCED', line: 1 },
    ]);
  });
});
