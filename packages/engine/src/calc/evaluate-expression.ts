import { valueAt } from '../aggregate/group-results.js';
import { parseExpression } from '../expression/parser.js';
import { displayText } from '../format/number-text.js';
import type { CalcContext } from './calc-context.js';
import { computeCubeTable } from './cube-table.js';
import { contextFingerprint, resultKey } from './result-cache.js';

/** What `Doc.Evaluate` / `Doc.EvaluateEx` answer. */
export interface EvaluatedValue {
  readonly qText: string;
  /** The number, or "NaN" when the value has none. */
  readonly qNum: number | 'NaN';
  readonly qIsNumeric: boolean;
}

/**
 * Evaluates an expression once over the whole selection state (a cube with no dimensions), as
 * Doc.Evaluate does: `=Sum(Sales)/Count(Orders)`, `Max({1} Year)`. The leading `=` is optional.
 */
export function evaluateExpression(ctx: CalcContext, text: string): EvaluatedValue {
  const source = text.trim().replace(/^=/, '');
  const key =
    ctx.cache &&
    resultKey(
      'evaluate',
      ctx.model.id,
      ctx.inference.stateHash,
      source + contextFingerprint(ctx),
      ctx.dataReductionKey,
    );
  if (key) {
    const cached = ctx.cache!.get<EvaluatedValue>(key);
    if (cached) return cached;
  }
  const table = computeCubeTable(ctx, [], [parseExpression(source)]);
  const value = valueAt(table.measures[0]!, 0);
  const num = table.measures[0]!.nums[0]!;
  const result: EvaluatedValue = {
    qText: displayText(value, ctx.locale) ?? '-',
    qNum: Number.isFinite(num) ? num : 'NaN',
    qIsNumeric: Number.isFinite(num),
  };
  if (key) ctx.cache!.set(key, result);
  return result;
}
