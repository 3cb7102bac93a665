import type { CodeArray, DataModel, ModelField } from '../model/data-model.js';
import { numOf, textOf, type Value } from '../model/value.js';

/**
 * The argument of an aggregation as the kernels read it: per row of the root table a code, and
 * per code its value. Code 0 is null. A plain field is its own column; an expression over one
 * field is evaluated once per symbol; an expression over several fields is evaluated per row and
 * its results interned, so every kernel works on the same coded shape.
 */
export interface ArgumentColumn {
  readonly codes: ArrayLike<number>;
  /** Number of each code, NaN when the value has none (text, null). */
  readonly nums: Float64Array;
  /** Value of each code; index 0 is null. */
  readonly values: readonly Value[];
  /**
   * The first code with the same value identity (dual → its number), so DISTINCT can work on
   * codes; null when codes are already distinct values (a field's own symbols).
   */
  readonly canonical: Int32Array | null;
}

const numsCache = new WeakMap<ModelField, Float64Array>();
const valuesCache = new WeakMap<ModelField, readonly Value[]>();

/** Per-code numbers of a field's symbols (code 0 = null → NaN); shared by every session. */
export function fieldNums(field: ModelField): Float64Array {
  let nums = numsCache.get(field);
  if (!nums) {
    const symbols = field.symbols;
    nums = new Float64Array(symbols.size + 1);
    nums[0] = Number.NaN;
    for (let i = 0; i < symbols.size; i++) nums[i + 1] = symbols.num(i);
    numsCache.set(field, nums);
  }
  return nums;
}

export function fieldValues(field: ModelField): readonly Value[] {
  let values = valuesCache.get(field);
  if (!values) {
    const list: Value[] = [null];
    for (let i = 0; i < field.symbols.size; i++) list.push(field.symbols.value(i));
    values = list;
    valuesCache.set(field, values);
  }
  return values;
}

export function fieldColumn(field: ModelField, codes: CodeArray): ArgumentColumn {
  return { codes, nums: fieldNums(field), values: fieldValues(field), canonical: null };
}

/** An expression of one field's value, computed per symbol rather than per row. */
export function perSymbolColumn(
  field: ModelField,
  codes: CodeArray,
  evaluate: (value: Value) => Value,
): ArgumentColumn {
  const source = fieldValues(field);
  const values = source.map((value, code) => (code === 0 ? evaluate(null) : evaluate(value)));
  return internedColumn(codes, values);
}

/**
 * An expression over several fields, evaluated for the listed rows of a table with
 * `rowCount` rows (rows null = all). Values are interned so equal results share a code.
 */
export function perRowColumn(
  rowCount: number,
  rows: Int32Array | null,
  evaluate: (row: number) => Value,
): ArgumentColumn {
  const codes = new Int32Array(rowCount);
  const values: Value[] = [null];
  const index = new Map<number | string, number>();
  const count = rows ? rows.length : rowCount;
  for (let i = 0; i < count; i++) {
    const row = rows ? rows[i]! : i;
    const value = evaluate(row);
    if (value === null) continue;
    const identity = identityOf(value);
    let code = index.get(identity);
    if (code === undefined) {
      code = values.length;
      values.push(value);
      index.set(identity, code);
    }
    codes[row] = code;
  }
  return { codes, nums: Float64Array.from(values, numOf), values, canonical: null };
}

/** Codes whose values repeat get the first code of that value as their canonical code. */
function internedColumn(codes: ArrayLike<number>, values: readonly Value[]): ArgumentColumn {
  const canonical = new Int32Array(values.length);
  const firstOf = new Map<number | string, number>();
  let repeated = false;
  for (let code = 0; code < values.length; code++) {
    const value = values[code]!;
    if (value === null) continue;
    const identity = identityOf(value);
    const first = firstOf.get(identity);
    if (first === undefined) firstOf.set(identity, code);
    else repeated = true;
    canonical[code] = first ?? code;
  }
  return {
    codes,
    nums: Float64Array.from(values, numOf),
    values,
    canonical: repeated || values[0] !== null ? canonical : null,
  };
}

/** Value identity for DISTINCT: a dual is its number, a text its text. */
export function identityOf(value: Value): number | string {
  const num = numOf(value);
  if (!Number.isNaN(num)) return num;
  return `\u0000${textOf(value)}`;
}

/** The table column holding `field`, or undefined. */
export function codesIn(model: DataModel, table: number, field: number): CodeArray | undefined {
  return model.tables[table]!.columns.find((column) => column.field === field)?.codes;
}
