import type { Value } from '../model/value.js';
import { bool, numberResult, toNumber } from './coerce.js';
import { type FunctionContext, fn, type ScalarFunction } from './function-types.js';

/*
 * Numeric functions (help "Mathematical functions", "Numeric functions"). Out-of-domain input
 * (Sqrt(-1), Log(0), text) gives NULL, never NaN or Infinity (§7.3).
 */
function unary(name: string, body: (x: number) => number): ScalarFunction {
  return fn(name, 'numeric', 1, 1, ([value], ctx) =>
    numberResult(body(toNumber(value!, ctx.locale))),
  );
}

function binary(name: string, body: (x: number, y: number) => number): ScalarFunction {
  return fn(name, 'numeric', 2, 2, ([a, b], ctx) =>
    numberResult(body(toNumber(a!, ctx.locale), toNumber(b!, ctx.locale))),
  );
}

function optional(value: Value | undefined, ctx: FunctionContext, fallback: number): number {
  return value === undefined ? fallback : toNumber(value, ctx.locale);
}

/** Removes binary noise from k*step+offset (Round(3.88, 0.1) is 3.9, not 3.9000000000000004). */
function clean(value: number): number {
  return Number(value.toPrecision(15));
}

/** Round, Floor and Ceil share Qlik's (x, step = 1, offset = 0) grid. */
function toGrid(name: string, snap: (k: number) => number): ScalarFunction {
  return fn(name, 'numeric', 1, 3, ([value, stepArg, offsetArg], ctx) => {
    const x = toNumber(value!, ctx.locale);
    const step = optional(stepArg, ctx, 1);
    const offset = optional(offsetArg, ctx, 0);
    if (step === 0) return numberResult(x);
    return numberResult(clean(snap((x - offset) / step) * step + offset));
  });
}

/** Integer argument check for Even/Odd: NULL unless the number is whole. */
function whole(x: number): number | null {
  return Number.isInteger(x) ? x : null;
}

export const numericFunctions: readonly ScalarFunction[] = [
  // Qlik rounds halves up (towards +infinity): Round(2.5) = 3, Round(-2.5) = -2.
  toGrid('Round', (k) => Math.floor(k + 0.5)),
  toGrid('Floor', (k) => Math.floor(clean(k))),
  toGrid('Ceil', (k) => Math.ceil(clean(k))),
  unary('Fabs', Math.abs),
  unary('Frac', (x) => clean(x - Math.floor(x))),
  unary('Sign', (x) => (Number.isNaN(x) ? x : Math.sign(x) || 0)),
  unary('Sqrt', (x) => (x < 0 ? Number.NaN : Math.sqrt(x))),
  unary('Sqr', (x) => x * x),
  unary('Exp', Math.exp),
  unary('Log', (x) => (x <= 0 ? Number.NaN : Math.log(x))),
  unary('Log10', (x) => (x <= 0 ? Number.NaN : Math.log10(x))),
  unary('Sin', Math.sin),
  unary('Cos', Math.cos),
  unary('Tan', Math.tan),
  unary('Asin', Math.asin),
  unary('Acos', Math.acos),
  unary('Atan', Math.atan),
  unary('Sinh', Math.sinh),
  unary('Cosh', Math.cosh),
  unary('Tanh', Math.tanh),
  unary('Fact', (x) => (Number.isInteger(x) && x >= 0 ? product(1, x) : Number.NaN)),
  binary('Atan2', Math.atan2),
  binary('Pow', (x, y) => x ** y),
  // Fmod keeps the dividend's sign: Fmod(-7, 2) = -1.
  binary('Fmod', (x, y) => (y === 0 ? Number.NaN : x % y)),
  // Mod is the mathematical modulo for a positive divisor: Mod(-7, 2) = 1; NULL otherwise.
  binary('Mod', (x, y) =>
    Number.isInteger(x) && Number.isInteger(y) && y > 0 ? ((x % y) + y) % y : Number.NaN,
  ),
  binary('Div', (x, y) => (y === 0 ? Number.NaN : Math.trunc(x / y))),
  binary('Combin', (n, k) =>
    validChoice(n, k) ? combinations(n, Math.min(k, n - k)) : Number.NaN,
  ),
  binary('Permut', (n, k) => (validChoice(n, k) ? product(n - k + 1, n) : Number.NaN)),
  fn('Even', 'numeric', 1, 1, ([value], ctx) => {
    const x = whole(toNumber(value!, ctx.locale));
    return x === null ? null : bool(x % 2 === 0);
  }),
  fn('Odd', 'numeric', 1, 1, ([value], ctx) => {
    const x = whole(toNumber(value!, ctx.locale));
    return x === null ? null : bool(x % 2 !== 0);
  }),
  // Counts the set bits of the 64-bit two's complement integer (BitCount(-1) = 64).
  fn('BitCount', 'numeric', 1, 1, ([value], ctx) => {
    const x = toNumber(value!, ctx.locale);
    if (!Number.isFinite(x)) return null;
    return [...BigInt.asUintN(64, BigInt(Math.trunc(x))).toString(2)].filter((b) => b === '1')
      .length;
  }),
  fn('Rand', 'numeric', 0, 0, (_, ctx) => ctx.random()),
  fn('Pi', 'numeric', 0, 0, () => Math.PI),
  fn('e', 'numeric', 0, 0, () => Math.E),
];

/** from × (from+1) × ... × to; stops once the product overflows, so huge inputs stay cheap. */
function product(from: number, to: number): number {
  let result = 1;
  for (let i = Math.max(from, 2); i <= to && Number.isFinite(result); i++) result *= i;
  return Number.isFinite(result) ? result : Number.NaN;
}

function combinations(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k && Number.isFinite(result); i++) result = (result * (n - k + i)) / i;
  return Number.isFinite(result) ? Math.round(result) : Number.NaN;
}

function validChoice(n: number, k: number): boolean {
  return Number.isInteger(n) && Number.isInteger(k) && n >= 0 && k >= 0 && k <= n;
}
