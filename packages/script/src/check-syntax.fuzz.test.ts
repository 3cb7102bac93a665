import { describe, expect, it } from 'vitest';
import { checkScriptSyntax } from './check-syntax.js';
import { ScriptError } from './errors.js';

const SEED_SCRIPT = `SET v = 'a;b';
T: LOAD A, If(B > 1, 'x', [C D]) AS "E", Sum(F) AS G FROM [lib://DataFiles/x.csv] (txt, delimiter is ';')
WHERE A <> 'q' GROUP BY A;
/* block */ IF $(v) = 1 THEN // line
  FOR EACH f IN FileList('lib://DataFiles/*.qvd')
    LEFT JOIN (T) LOAD * INLINE [a, b
1, 2];
  NEXT f
ELSE
  CALL Sub1('p', 2);
END IF
REM gone;
STORE A, B AS C FROM T INTO lib://DataFiles/out.qvd (qvd);`;

const PIECES = [
  "'",
  '"',
  '[',
  ']',
  '(',
  ')',
  ';',
  '$(',
  '/*',
  '//',
  'REM ',
  'IF ',
  'END ',
  ',',
  '`',
  '\n',
  'LOAD',
];

/** A small seeded generator (mulberry32), so a failure repeats. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('checkScriptSyntax on mutated scripts (bounded, seeded fuzz)', () => {
  it('checkScriptSyntax never throws and only returns located ScriptErrors', () => {
    const next = random(20261203);
    for (let round = 0; round < 300; round++) {
      let text = SEED_SCRIPT;
      for (let edit = 0; edit < 1 + Math.floor(next() * 4); edit++) {
        const at = Math.floor(next() * text.length);
        const cut = Math.floor(next() * 6);
        const piece = PIECES[Math.floor(next() * PIECES.length)] ?? '';
        text = text.slice(0, at) + (next() < 0.5 ? piece : '') + text.slice(at + cut);
      }
      const errors = checkScriptSyntax(text);
      for (const error of errors) {
        expect(error).toBeInstanceOf(ScriptError);
        expect(error.line).toBeGreaterThan(0);
      }
    }
  });
});
