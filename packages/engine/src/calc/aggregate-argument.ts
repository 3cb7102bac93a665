import {
  type ArgumentColumn,
  codesIn,
  fieldColumn,
  perRowColumn,
  perSymbolColumn,
} from '../aggregate/argument-column.js';
import type { AggregateCall, Expression } from '../expression/ast.js';
import { getFieldsFromExpression } from '../expression/walk.js';
import { textOf, type Value } from '../model/value.js';
import { tablesHoldingAll } from './association-tree.js';
import type { CalcContext, EvaluationBinding } from './calc-context.js';
import { EngineError, engineErrorCodes } from './engine-error.js';
import type { RowScope } from './row-scope.js';

/** Model fields an expression reads (names that are no field are variables to the evaluator). */
export function modelFieldsOf(ctx: CalcContext, expressions: readonly Expression[]): number[] {
  const fields = new Set<number>();
  for (const expression of expressions) {
    for (const name of getFieldsFromExpression(expression).read) {
      const field = ctx.model.fieldByName(name);
      if (field) fields.add(field.index);
    }
  }
  return [...fields];
}

/**
 * The table whose records an aggregation counts: the first table holding every field its
 * arguments read. A key field alone counts in the first table that holds it.
 */
export function argumentRoot(ctx: CalcContext, call: AggregateCall): number {
  const fields = modelFieldsOf(ctx, call.args);
  if (fields.length === 0) return 0;
  const holders = tablesHoldingAll(ctx.model, fields);
  if (holders.length === 0) {
    // Qlik evaluates such arguments over the join of the tables; Cairn needs one table so far.
    const names = fields.map((f) => ctx.model.fields[f]!.name).join(', ');
    throw new EngineError(
      engineErrorCodes.invalidParameters,
      names,
      `The argument of '${call.name}' reads fields (${names}) that no single table holds`,
    );
  }
  return holders[0]!;
}

const noAggregation = (call: AggregateCall): Value => {
  throw new EngineError(
    engineErrorCodes.invalidParameters,
    call.name,
    `Nested aggregation '${call.name}' inside an aggregation is not supported yet`,
  );
};

/** The argument as a coded column over the rows of `root`. */
export function argumentColumn(
  ctx: CalcContext,
  argument: Expression | undefined,
  root: number,
  scope: RowScope,
): ArgumentColumn {
  const table = ctx.model.tables[root]!;
  if (!argument || argument.kind === 'star') {
    // Count(*) counts records: one present value per row.
    return {
      codes: new Uint8Array(table.rowCount),
      nums: Float64Array.of(1),
      values: [1],
      canonical: null,
    };
  }
  if (argument.kind === 'field') {
    const field = ctx.model.fieldByName(argument.name);
    const codes = field && codesIn(ctx.model, root, field.index);
    if (field && codes) return fieldColumn(field, codes);
  }
  const fields = modelFieldsOf(ctx, [argument]);
  const evaluate = requireEvaluate(ctx);
  if (fields.length === 0) {
    const value = evaluate(argument, { field: () => undefined, aggregate: noAggregation });
    return {
      codes: new Uint8Array(table.rowCount),
      nums: Float64Array.of(typeof value === 'number' ? value : Number.NaN),
      values: [value],
      canonical: null,
    };
  }
  if (fields.length === 1) {
    const field = ctx.model.fields[fields[0]!]!;
    let current: Value = null;
    const binding: EvaluationBinding = {
      field: (name) => (name === field.name ? current : undefined),
      aggregate: noAggregation,
    };
    return perSymbolColumn(field, codesIn(ctx.model, root, field.index)!, (value) => {
      current = value;
      return evaluate(argument, binding);
    });
  }
  const columns = new Map(
    fields.map((f) => {
      const field = ctx.model.fields[f]!;
      return [field.name, { field, codes: codesIn(ctx.model, root, f)! }] as const;
    }),
  );
  let row = 0;
  const binding: EvaluationBinding = {
    field: (name) => {
      const column = columns.get(name);
      if (!column) return undefined;
      const code = column.codes[row]!;
      return code === 0 ? null : column.field.symbols.value(code - 1);
    },
    aggregate: noAggregation,
  };
  return perRowColumn(table.rowCount, scope.rows(root), (r) => {
    row = r;
    return evaluate(argument, binding);
  });
}

/** A constant argument such as Concat's delimiter. */
export function constantText(ctx: CalcContext, expression: Expression): string {
  if (expression.kind === 'string') return expression.value;
  const value = requireEvaluate(ctx)(expression, {
    field: () => undefined,
    aggregate: noAggregation,
  });
  return textOf(value) ?? '';
}

function requireEvaluate(ctx: CalcContext) {
  if (!ctx.evaluate) {
    throw new EngineError(
      engineErrorCodes.invalidParameters,
      'evaluate',
      'This aggregation argument needs the scalar evaluator, which the calculation context lacks',
    );
  }
  return ctx.evaluate;
}
