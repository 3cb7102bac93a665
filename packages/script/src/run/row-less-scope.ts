import type { EvaluationScope } from '@cairn/engine';
import type { ReloadContext } from './reload-context.js';
import type { ScriptRowFunctions } from './row-functions.js';

/** A scope with no current row: LET, IF conditions, FOR bounds, AUTOGENERATE counts, `$(=…)`. */
export function rowLessScope(
  context: ReloadContext,
  functions: ScriptRowFunctions,
): EvaluationScope {
  return {
    locale: context.locale,
    field: () => undefined,
    variable: (name) => context.variables.value(name),
    rowFunctions: functions,
  };
}
