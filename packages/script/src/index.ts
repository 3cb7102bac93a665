/**
 * `@cairn/script`: the Qlik load-script language. `runScript(script, host)` runs a reload and
 * returns the data model; `checkScriptSyntax(script)` returns located errors without running.
 */

export { checkScriptSyntax } from './check-syntax.js';
export { defaultScriptHeader } from './default-header.js';
export {
  SCRIPT_ERROR_CODES,
  ScriptError,
  type ScriptErrorCode,
  type ScriptErrorInfo,
  type ScriptLocation,
} from './errors.js';
export type {
  ReloadLimits,
  ReloadLogEvent,
  ReloadResult,
  ScriptHost,
  ScriptWarning,
} from './host.js';
export { runScript } from './run-script.js';
