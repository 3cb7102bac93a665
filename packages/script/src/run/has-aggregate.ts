import type { Expression } from '@cairn/engine';

/**
 * Whether an expression calls an aggregation anywhere. A LOAD whose fields aggregate without a
 * GROUP BY aggregates its whole input into one row, as `LOAD Max(Date) RESIDENT Facts` does in
 * Qlik.
 */
export function hasAggregate(expression: Expression): boolean {
  switch (expression.kind) {
    case 'aggregate':
      return true;
    case 'call':
      return expression.args.some(hasAggregate);
    case 'unary':
      return hasAggregate(expression.operand);
    case 'binary':
      return hasAggregate(expression.left) || hasAggregate(expression.right);
    case 'tuple':
      return expression.items.some(hasAggregate);
    default:
      return false;
  }
}
