import { StringStream } from '@codemirror/language';
import { describe, expect, it } from 'vitest';
import { qlikScript } from './qlik-script-mode.js';

/** Runs the stream parser over `lines` and returns the non-blank tokens as `text:style`. */
function tokens(...lines: string[]): string[] {
  const state = qlikScript.startState?.(2) ?? { open: 'none' as const, expansions: [] };
  const out: string[] = [];
  for (const line of lines) {
    const stream = new StringStream(line, 4, 2);
    while (!stream.eol()) {
      const style = qlikScript.token(stream, state);
      const text = stream.current();
      if (text.trim() !== '') out.push(`${text}:${style ?? ''}`);
      stream.start = stream.pos;
    }
  }
  return out;
}

describe('qlikScript', () => {
  it('qlikScript marks keywords case-insensitively and functions by the following paren', () => {
    expect(tokens('Load Sum(x) as y')).toEqual([
      'Load:keyword',
      'Sum:variableName.function',
      '(:paren',
      'x:variableName',
      '):paren',
      'as:keyword',
      'y:variableName',
    ]);
  });

  it('qlikScript highlights a $(…) expansion inside a quoted path', () => {
    expect(tokens("LET p = 'lib://$(vDir)/a.csv';")).toEqual([
      'LET:keyword',
      'p:variableName',
      '=:operator',
      "'lib://:string",
      '$(:meta',
      'vDir:variableName',
      '):meta',
      "/a.csv':string",
      ';:punctuation',
    ]);
  });

  it('qlikScript continues a block comment and an INLINE bracket across lines', () => {
    expect(tokens('/* a', 'b */ LOAD * INLINE [x', '1];')).toEqual([
      '/* a:comment',
      'b */:comment',
      'LOAD:keyword',
      '*:operator',
      'INLINE:keyword',
      '[x:string.special',
      '1]:string.special',
      ';:punctuation',
    ]);
  });

  it('qlikScript treats REM at a statement start as a comment up to the semicolon', () => {
    expect(tokens('REM skip this; SET a=1;')[0]).toBe('REM skip this;:comment');
  });
});
