import {
  type AggregateCall,
  type AggregateEvaluator,
  type CompiledExpression,
  compileScalar,
  type EvaluationScope,
  type Expression,
  evaluateScalar,
  isTrue,
  type Value,
} from '@cairn/engine';
import type { LoadPart, ScriptExpression } from '../parse/ast.js';
import { locatedIn } from './expression-at.js';
import { hasAggregate } from './has-aggregate.js';
import type { ReloadContext } from './reload-context.js';
import type { ScriptRowFunctions } from './row-functions.js';
import { rowKey } from './row-key.js';
import { reduceGroup } from './script-aggregates.js';
import { ScriptTable } from './script-table.js';

/** How often (in rows) a long LOAD checks for cancellation and budgets. */
const CHECK_EVERY = 8192;

interface OutputField {
  readonly name: string;
  readonly evaluate: CompiledExpression;
  readonly expression: ScriptExpression | null;
}

/**
 * Runs one LOAD of a statement over its input table: WHILE repeats a record with IterNo(), WHERE
 * filters, GROUP BY groups with the script aggregations, DISTINCT drops repeated rows, FIRST n
 * stops after n records. Returns the rows the LOAD produces.
 */
export function runLoadPart(
  context: ReloadContext,
  part: LoadPart,
  input: ScriptTable,
  functions: ScriptRowFunctions,
  limit: number,
): ScriptTable {
  if (limit === Number.POSITIVE_INFINITY && isProjection(part, input))
    return project(context, part, input);
  const state = functions.state;
  const columns = input.columns;
  const fieldIndex = new Map(columns.map((column, i) => [column.name, i]));
  let row = 0;
  const scope: EvaluationScope = {
    locale: context.locale,
    field: (name) => {
      const index = fieldIndex.get(name);
      return index === undefined ? undefined : (columns[index]?.valueAt(row) ?? null);
    },
    variable: (name) => context.variables.value(name),
    rowFunctions: functions,
  };
  const fields = outputFields(part, input, fieldIndex, context);
  const output = new ScriptTable(
    '',
    fields.map((field) => field.name),
  );
  const condition = part.where ?? part.while;
  const test = condition === null ? null : compiled(condition);
  const order = sourceOrder(part, input, scope, (r) => (row = r));
  const passing: number[] = [];
  let previousRow = -1;
  state.output = output;
  state.previous = (expression: Expression) => {
    if (previousRow < 0) return null;
    const current = row;
    row = previousRow;
    try {
      return evaluateScalar(expression, scope);
    } finally {
      row = current;
    }
  };
  const grouped =
    part.groupBy.length > 0 ||
    part.fields.some((field) => field.kind !== 'star' && hasAggregate(field.expression.ast));
  const values: Value[] = new Array(fields.length);
  for (let i = 0; i < order.length && passing.length < limit; i++) {
    row = order[i] as number;
    state.recNo = row + 1;
    if (i % CHECK_EVERY === 0 && i > 0) context.checkBudgets(output.rowCount);
    const before = passing.length;
    for (state.iterNo = 1; ; state.iterNo++) {
      const ok =
        test === null ||
        locatedIn(condition as ScriptExpression, () => isTrue(test(scope), scope.locale));
      if (!ok) break;
      passing.push(row);
      if (!grouped) {
        state.rowNo = output.rowCount + 1;
        for (let f = 0; f < fields.length; f++)
          values[f] = evaluateField(fields[f] as OutputField, scope);
        output.pushRow(values);
      }
      if (part.while === null || passing.length >= limit) break;
    }
    // Previous() reads the last source record that passed WHERE (research §4.4).
    if (passing.length > before) previousRow = row;
  }
  const result = grouped
    ? groupRows(context, part, fields, passing, scope, (r) => (row = r))
    : output;
  state.output = null;
  state.previous = null;
  return part.distinct ? distinctRows(result) : result;

  function compiled(expression: ScriptExpression): CompiledExpression {
    return locatedIn(expression, () => compileScalar(expression.ast, expression.text));
  }
}

/** A LOAD that only picks and renames fields needs no per-row work (an optimised load). */
function isProjection(part: LoadPart, input: ScriptTable): boolean {
  if (
    part.where ||
    part.while ||
    part.distinct ||
    part.groupBy.length > 0 ||
    part.orderBy.length > 0
  ) {
    return false;
  }
  return part.fields.every(
    (field) =>
      field.kind === 'star' ||
      (field.expression.ast.kind === 'field' && input.hasField(field.expression.ast.name)),
  );
}

function project(context: ReloadContext, part: LoadPart, input: ScriptTable): ScriptTable {
  const output = new ScriptTable('');
  const take = (source: string, name: string) => {
    if (output.hasField(name)) {
      throw context.error(
        'SYNTAX_ERROR',
        `field name "${name}" appears twice in the LOAD; field names must be unique within a table`,
      );
    }
    const column = input.column(source);
    if (column !== undefined) output.addField(name).adopt(column.symbols, column.indexes());
  };
  for (const field of part.fields) {
    if (field.kind === 'star') for (const name of input.fieldNames) take(name, name);
    else take((field.expression.ast as { name: string }).name, field.name);
  }
  output.rowCount = input.rowCount;
  return output;
}

function evaluateField(field: OutputField, scope: EvaluationScope): Value {
  if (field.expression === null) return field.evaluate(scope);
  const expression = field.expression;
  return locatedIn(expression, () => field.evaluate(scope));
}

/** `*` expands to every input field; named fields evaluate their expression. */
function outputFields(
  part: LoadPart,
  input: ScriptTable,
  fieldIndex: ReadonlyMap<string, number>,
  context: ReloadContext,
): OutputField[] {
  const fields: OutputField[] = [];
  for (const field of part.fields) {
    if (field.kind === 'star') {
      for (const name of input.fieldNames) {
        fields.push({ name, evaluate: (scope) => scope.field(name) ?? null, expression: null });
      }
    } else {
      const expression = field.expression;
      const plain = expression.ast.kind === 'field' && fieldIndex.has(expression.ast.name);
      const evaluate = plain
        ? (scope: EvaluationScope) => scope.field((expression.ast as { name: string }).name) ?? null
        : locatedIn(expression, () => compileScalar(expression.ast, expression.text));
      fields.push({ name: field.name, evaluate, expression });
    }
  }
  const seen = new Set<string>();
  for (const field of fields) {
    if (seen.has(field.name)) {
      throw context.error(
        'SYNTAX_ERROR',
        `field name "${field.name}" appears twice in the LOAD; field names must be unique within a table`,
      );
    }
    seen.add(field.name);
  }
  return fields;
}

/** Source rows in load order, or as ORDER BY sorts them (RESIDENT only). */
function sourceOrder(
  part: LoadPart,
  input: ScriptTable,
  scope: EvaluationScope,
  at: (row: number) => void,
): Int32Array {
  const order = new Int32Array(input.rowCount);
  for (let i = 0; i < order.length; i++) order[i] = i;
  if (part.orderBy.length === 0) return order;
  const keys = part.orderBy.map((item) => {
    const evaluate = locatedIn(item.expression, () =>
      compileScalar(item.expression.ast, item.expression.text),
    );
    return Array.from(order, (row) => {
      at(row);
      return evaluate(scope);
    });
  });
  return order.sort((a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const column = keys[k] as Value[];
      const sign = part.orderBy[k]?.descending ? -1 : 1;
      const diff = compareValues(column[a] ?? null, column[b] ?? null);
      if (diff !== 0) return sign * diff;
    }
    return a - b;
  });
}

/** Numbers before texts, numbers by value, texts by code point order; nulls last. */
export function compareValues(a: Value, b: Value): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const na = typeof a === 'number' ? a : typeof a === 'string' ? Number.NaN : a.num;
  const nb = typeof b === 'number' ? b : typeof b === 'string' ? Number.NaN : b.num;
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  if (!Number.isNaN(na)) return -1;
  if (!Number.isNaN(nb)) return 1;
  const ta = typeof a === 'string' ? a : String(a);
  const tb = typeof b === 'string' ? b : String(b);
  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

/** GROUP BY: one output row per distinct group key, aggregations over the group's rows. */
function groupRows(
  context: ReloadContext,
  part: LoadPart,
  fields: readonly OutputField[],
  rows: readonly number[],
  scope: EvaluationScope,
  at: (row: number) => void,
): ScriptTable {
  const keyFns = part.groupBy.map((expression) => ({
    expression,
    evaluate: locatedIn(expression, () => compileScalar(expression.ast, expression.text)),
  }));
  const groups = new Map<string, number[]>();
  for (const row of rows) {
    at(row);
    const key = rowKey(keyFns.map((k) => locatedIn(k.expression, () => k.evaluate(scope))));
    const members = groups.get(key);
    if (members) members.push(row);
    else groups.set(key, [row]);
  }
  const output = new ScriptTable(
    '',
    fields.map((field) => field.name),
  );
  let members: readonly number[] = [];
  const aggregates: AggregateEvaluator = {
    evaluateAggregate(call: AggregateCall, outer: EvaluationScope): Value {
      // Every argument per member row: FirstSortedValue and Concat weigh rows by a second or
      // third argument.
      const columns: Value[][] = call.args.map(() => []);
      if (columns.length === 0) columns.push([]);
      for (const row of members) {
        at(row);
        call.args.forEach((argument, i) => {
          (columns[i] as Value[]).push(
            argument.kind === 'star' ? 1 : evaluateScalar(argument, outer),
          );
        });
        if (call.args.length === 0) (columns[0] as Value[]).push(1);
      }
      at(members[0] as number);
      return reduceGroup(call, columns);
    },
  };
  const groupScope: EvaluationScope = { ...scope, aggregates };
  const values: Value[] = new Array(fields.length);
  for (const group of groups.values()) {
    members = group;
    at(group[0] as number);
    for (let f = 0; f < fields.length; f++)
      values[f] = evaluateField(fields[f] as OutputField, groupScope);
    output.pushRow(values);
  }
  context.checkBudgets(output.rowCount);
  return output;
}

function distinctRows(table: ScriptTable): ScriptTable {
  const seen = new Set<string>();
  const keep: number[] = [];
  for (let row = 0; row < table.rowCount; row++) {
    const key = rowKey(table.columns.map((column) => column.valueAt(row)));
    if (!seen.has(key)) {
      seen.add(key);
      keep.push(row);
    }
  }
  return keep.length === table.rowCount ? table : table.selectRows(keep);
}
