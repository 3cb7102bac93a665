import { evaluateScalar } from '../expression/evaluate.js';
import { defaultLocale, type LocaleSettings } from '../format/locale.js';
import { infer } from '../inference/infer.js';
import type { Inference } from '../inference/inference.js';
import type { DataModel } from '../model/data-model.js';
import type { Value } from '../model/value.js';
import type { CalcContext, CalcState, ScalarEvaluator } from './calc-context.js';
import type { ResultCache } from './result-cache.js';

export interface CalcContextOptions {
  readonly variables?: ReadonlyMap<string, string>;
  readonly locale?: LocaleSettings;
  readonly cache?: ResultCache;
  readonly dataReductionKey?: string;
}

/**
 * A calculation context wired to the engine's own scalar evaluator and inference. The server
 * builds one per request from the session's state and the (cached) inference of that state.
 */
export function createCalcContext(
  model: DataModel,
  state: CalcState,
  inference: Inference,
  options: CalcContextOptions = {},
): CalcContext {
  const variables = options.variables ?? new Map<string, string>();
  const locale = options.locale ?? defaultLocale;
  return {
    model,
    state,
    inference,
    variables,
    locale,
    evaluate: scalarEvaluator(locale, variables),
    infer,
    ...(options.cache ? { cache: options.cache } : {}),
    dataReductionKey: options.dataReductionKey ?? '',
  };
}

/** Bridges the calc layer's binding to the expressions package's evaluation scope. */
export function scalarEvaluator(
  locale: LocaleSettings,
  variables: ReadonlyMap<string, string>,
): ScalarEvaluator {
  const variable = (name: string): Value | undefined => {
    const text = variables.get(name);
    if (text === undefined) return undefined;
    const num = Number(text);
    return text.trim() !== '' && !Number.isNaN(num) ? num : text;
  };
  return (expression, binding) =>
    evaluateScalar(expression, {
      locale,
      field: binding.field,
      variable,
      aggregates: { evaluateAggregate: (call) => binding.aggregate(call) },
    });
}
