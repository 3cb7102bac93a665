import { createRequire } from 'node:module';
import type { Command } from 'commander';
import enigma from 'enigma.js';
import WebSocket from 'ws';
import { resolveContext } from '../context/resolve-context.js';
import { CliError, ExitCode } from '../errors.js';
import { wantsJson } from '../output/print.js';
import { outputOptions } from './shared.js';

const require = createRequire(import.meta.url);
const schema = require('enigma.js/schemas/12.2027.0.json') as object;

/** Doc.EvaluateEx answers a FieldValue: `{qText, qIsNumeric, qNumber}`. */
interface EvaluateResult {
  qText: string;
  qNumber: number | 'NaN';
  qIsNumeric: boolean;
}

interface Doc extends EnigmaJS.QixObject {
  evaluateEx(expression: string): Promise<EvaluateResult>;
}

interface Global extends EnigmaJS.QixObject {
  openDoc(appId: string): Promise<Doc>;
}

/**
 * `cairn eval` opens the app over the Engine API, exactly as enigma.js clients do, so what it
 * prints is what a chart would show.
 */
export function registerEvalCommand(program: Command): void {
  program
    .command('eval <appId> <expression>')
    .description('evaluate a chart expression in an app, e.g. "Sum(Sales)"')
    .action(async (appId: string, expression: string, _opts: unknown, cmd: Command) => {
      const context = resolveContext();
      const url = `${context.server.replace(/^http/, 'ws')}/app/${encodeURIComponent(appId)}`;
      const session = enigma.create({
        schema,
        url,
        // enigma's types expect a DOM WebSocket; the `ws` socket speaks the same events.
        createSocket: (socketUrl: string) =>
          new WebSocket(socketUrl, {
            headers: { authorization: `Bearer ${context.apiKey}` },
          }) as unknown as globalThis.WebSocket,
      });
      let result: EvaluateResult;
      try {
        const global = await session.open<Global>();
        const doc = await global.openDoc(appId);
        result = await doc.evaluateEx(expression);
      } catch (error) {
        throw engineFailure(error, context.server);
      } finally {
        await session.close().catch(() => undefined);
      }
      if (wantsJson(outputOptions(cmd))) {
        const num = result.qIsNumeric && typeof result.qNumber === 'number' ? result.qNumber : null;
        process.stdout.write(`${JSON.stringify({ text: result.qText, num })}\n`);
      } else {
        process.stdout.write(`${result.qText}\n`);
      }
    });
}

function engineFailure(error: unknown, server: string): CliError {
  const e = error as { code?: number | string; message?: string; parameter?: string };
  if (typeof e.code === 'number') {
    const param = e.parameter ? ` (${e.parameter})` : '';
    return new CliError(`engine error ${e.code}: ${e.message}${param}`, ExitCode.refused, error);
  }
  const reason = e.message ?? String(error);
  if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH/.test(reason)) {
    return new CliError(
      `cannot reach ${server} (${reason}): is the server running?`,
      ExitCode.unreachable,
    );
  }
  return new CliError(`the engine refused the connection: ${reason}`, ExitCode.refused);
}
