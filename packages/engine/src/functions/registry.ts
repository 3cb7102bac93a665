import type { Value } from '../model/value.js';
import { colorFunctions } from './color.js';
import { conditionalFunctions } from './conditional.js';
import { dateFunctions } from './date.js';
import { dateNameFunctions } from './date-names.js';
import { formattingFunctions } from './formatting.js';
import type { FunctionContext, ScalarFunction } from './function-types.js';
import { interpretationFunctions } from './interpretation.js';
import { numericFunctions } from './numeric.js';
import { rangeFunctions } from './range.js';
import { stringFunctions } from './string.js';

/**
 * The scalar function library shared by charts and the load script, keyed by lower-case name
 * (function names are case-insensitive in Qlik). Aggregations and row functions (Peek,
 * Previous, RecNo ...) are not here: the aggregation layer and the script host supply them.
 */
export const scalarFunctions: ReadonlyMap<string, ScalarFunction> = new Map(
  [
    ...conditionalFunctions,
    ...stringFunctions,
    ...numericFunctions,
    ...rangeFunctions,
    ...dateFunctions,
    ...dateNameFunctions,
    ...formattingFunctions,
    ...interpretationFunctions,
    ...colorFunctions,
  ].map((entry) => [entry.name.toLowerCase(), entry]),
);

export function lookupFunction(name: string): ScalarFunction | undefined {
  return scalarFunctions.get(name.toLowerCase());
}

/**
 * Calls a library function with values already evaluated (for hosts that hold values, not
 * expressions). Returns undefined when there is no such function; argument counts are the
 * caller's to check.
 */
export function callFunction(
  name: string,
  args: readonly Value[],
  ctx: FunctionContext,
): Value | undefined {
  const entry = lookupFunction(name);
  if (!entry) return undefined;
  if (entry.lazy) return entry.fn({ count: args.length, get: (index) => args[index] ?? null }, ctx);
  return entry.fn(args, ctx);
}
