import type { LocaleSettings } from '../format/locale.js';
import type { Value } from '../model/value.js';

/** The groups of Qlik's function reference (research/script-qvd.md §6). */
export type FunctionKind =
  | 'conditional'
  | 'string'
  | 'numeric'
  | 'range'
  | 'date'
  | 'formatting'
  | 'interpretation'
  | 'color'
  | 'system';

/** What a function may use besides its arguments. */
export interface FunctionContext {
  readonly locale: LocaleSettings;
  /** Current time as a date serial. */
  now(): number;
  /** Uniform in [0, 1). */
  random(): number;
  /** Parses and evaluates expression text in the caller's scope (`Evaluate()`). */
  evaluate(text: string): Value;
}

interface FunctionBase {
  /** Qlik's spelling; lookups are case-insensitive. */
  readonly name: string;
  readonly kind: FunctionKind;
  readonly minArgs: number;
  /** `Infinity` for variadic functions (RangeSum, Match, ...). */
  readonly maxArgs: number;
}

/** Gets its arguments evaluated, in order. */
export interface EagerFunction extends FunctionBase {
  readonly lazy?: false;
  readonly fn: (args: readonly Value[], ctx: FunctionContext) => Value;
}

/** Arguments evaluated on first `get`, at most once per call. */
export interface LazyArguments {
  readonly count: number;
  get(index: number): Value;
}

/** Evaluates only the arguments it needs (If, Pick, Alt, Coalesce). */
export interface LazyFunction extends FunctionBase {
  readonly lazy: true;
  readonly fn: (args: LazyArguments, ctx: FunctionContext) => Value;
}

export type ScalarFunction = EagerFunction | LazyFunction;

/** Shorthand for the common eager definition. */
export function fn(
  name: string,
  kind: FunctionKind,
  minArgs: number,
  maxArgs: number,
  body: EagerFunction['fn'],
): EagerFunction {
  return Object.freeze({ name, kind, minArgs, maxArgs, fn: body });
}

export function lazyFn(
  name: string,
  kind: FunctionKind,
  minArgs: number,
  maxArgs: number,
  body: LazyFunction['fn'],
): LazyFunction {
  return Object.freeze({ name, kind, minArgs, maxArgs, lazy: true, fn: body });
}
