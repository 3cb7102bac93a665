import { defaultLocale, type LocaleSettings } from '../format/locale.js';
import type { Value } from '../model/value.js';
import { evaluateScalar } from './evaluate.js';
import { parseExpression } from './parser.js';
import type { EvaluationScope } from './scope.js';

/** 2024-03-15 06:00 as a serial: tests never read the real clock. */
export const fixedNow = 45366.25;

/** A scope over one row of named fields, with a fixed clock and random source. */
export function rowScope(
  fields: Record<string, Value> = {},
  overrides: Partial<EvaluationScope> & { locale?: LocaleSettings } = {},
): EvaluationScope {
  return {
    locale: defaultLocale,
    field: (name) => (Object.hasOwn(fields, name) ? fields[name] : undefined),
    now: () => fixedNow,
    random: () => 0.5,
    ...overrides,
  };
}

/** Parses and evaluates `text` against one row. */
export function run(text: string, fields: Record<string, Value> = {}, overrides = {}): Value {
  return evaluateScalar(parseExpression(text), rowScope(fields, overrides), text);
}
