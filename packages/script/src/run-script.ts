import { buildModel } from '@cairn/engine';
import { buildBlockTree } from './control/block-tree.js';
import { ScriptError } from './errors.js';
import type { ReloadResult, ScriptHost } from './host.js';
import { Interpreter } from './run/interpreter.js';
import { ReloadContext } from './run/reload-context.js';
import { SourceText } from './source/source-text.js';
import { splitStatements } from './source/splitter.js';

/**
 * Runs a load script and builds the data model from the tables it leaves (mapping tables are
 * dropped). On any error the promise rejects with a `ScriptError` naming file, line, column and
 * the offending text, after a `failed` log event; no partial model is returned.
 */
export async function runScript(script: string, host: ScriptHost): Promise<ReloadResult> {
  const context = new ReloadContext(host);
  context.emit({ kind: 'started', elapsedMs: 0 });
  try {
    const source = new SourceText('main', script);
    const interpreter = new Interpreter(context);
    await interpreter.runScript(buildBlockTree(splitStatements(source)));
    context.checkBudgets();
    const tables = [...context.tables.values()];
    const model = buildModel(tables.map((table) => table.toTableInput()));
    for (const warning of model.warnings) {
      context.warn({ code: warning.code, message: warning.message, tables: warning.tables });
    }
    context.emit({
      kind: 'finished',
      elapsedMs: context.elapsedMs,
      tables: tables.length,
      fields: model.fields.filter((field) => !field.isSystem).length,
      rows: tables.reduce((sum, table) => sum + table.rowCount, 0),
    });
    return {
      model,
      variables: context.variables.toRecord(),
      log: context.log,
      warnings: context.warnings,
    };
  } catch (error) {
    const located = asScriptError(error, context);
    context.emit({ kind: 'failed', elapsedMs: context.elapsedMs, error: located.toJSON() });
    throw located;
  }
}

/** Errors from below (the engine, a reader, a bug) are located at the statement being run. */
function asScriptError(error: unknown, context: ReloadContext): ScriptError {
  if (error instanceof ScriptError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = context.host.signal.aborted ? 'CANCELLED' : 'EVALUATION_ERROR';
  return context.error(code, message);
}
