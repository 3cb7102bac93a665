import { checkScriptSyntax } from '@cairn/script';
import type { Json } from '../deps.js';
import { docOf, type Method } from './context.js';

/**
 * CheckScriptSyntax (engine-protocol.md §2.4): located errors of the session's script without
 * running it. Qlik's `ScriptSyntaxError` fields are 0-based (`qLineInTab`, `qColInLine`) with an
 * absolute `qTextPos`; Cairn scripts have one tab. The 1-based `line`, `column` and the
 * `message` are added as custom keys so editors can show what is wrong.
 */
function offsetOf(script: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = script.indexOf('\n', offset);
    if (next < 0) break;
    offset = next + 1;
  }
  return offset + Math.max(0, column - 1);
}

const CheckScriptSyntax: Method = (ctx) => {
  const script = docOf(ctx).script;
  const errors: Json[] = checkScriptSyntax(script).map((error) => ({
    qErrLen: Math.max(1, error.text.length),
    qTabIx: 0,
    qLineInTab: Math.max(0, error.line - 1),
    qColInLine: Math.max(0, error.column - 1),
    qTextPos: offsetOf(script, error.line, error.column),
    qSecondaryFailure: false,
    line: error.line,
    column: error.column,
    code: error.code,
    message: error.message,
  }));
  return { qErrors: errors };
};

export const scriptSyntaxMethods: Record<string, Method> = { CheckScriptSyntax };
