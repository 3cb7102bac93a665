import type { AggregateCall, Expression } from '../expression/ast.js';
import { childrenOf } from '../expression/walk.js';

/**
 * The outermost aggregation calls of a measure, in source order. Calls nested inside another
 * call's arguments belong to that call (and are refused there until nested TOTAL is supported).
 */
export function aggregateCallsOf(expression: Expression): AggregateCall[] {
  if (expression.kind === 'aggregate') return [expression];
  return childrenOf(expression).flatMap(aggregateCallsOf);
}
