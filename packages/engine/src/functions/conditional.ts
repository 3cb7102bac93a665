import { like } from '../expression/operators.js';
import { Dual, type Value } from '../model/value.js';
import { bool, isNumeric, isTrue, toNumber, toText } from './coerce.js';
import { type FunctionContext, fn, lazyFn, type ScalarFunction } from './function-types.js';

/** Conditional and logical functions (help "Conditional functions"). */
export const conditionalFunctions: readonly ScalarFunction[] = [
  // A NULL condition takes the else branch; no else branch gives NULL (§7.7).
  lazyFn('If', 'conditional', 2, 3, (args, ctx) => {
    if (isTrue(args.get(0), ctx.locale)) return args.get(1);
    return args.count > 2 ? args.get(2) : null;
  }),
  // The first argument with a number; the last one is the fallback, numeric or not.
  lazyFn('Alt', 'conditional', 1, Number.POSITIVE_INFINITY, (args) => {
    for (let i = 0; i < args.count - 1; i++) {
      const value = args.get(i);
      if (isNumeric(value)) return value;
    }
    return args.get(args.count - 1);
  }),
  lazyFn('Pick', 'conditional', 2, Number.POSITIVE_INFINITY, (args, ctx) => {
    const n = toNumber(args.get(0), ctx.locale);
    return Number.isInteger(n) && n >= 1 && n < args.count ? args.get(n) : null;
  }),
  lazyFn('Coalesce', 'conditional', 1, Number.POSITIVE_INFINITY, (args) => {
    for (let i = 0; i < args.count; i++) {
      const value = args.get(i);
      if (value !== null) return value;
    }
    return null;
  }),
  fn('Match', 'conditional', 2, Number.POSITIVE_INFINITY, ([subject, ...candidates], ctx) =>
    position(subject!, candidates, ctx, (a, b) => a === b),
  ),
  fn('MixMatch', 'conditional', 2, Number.POSITIVE_INFINITY, ([subject, ...candidates], ctx) =>
    position(subject!, candidates, ctx, (a, b) => a.toLowerCase() === b.toLowerCase()),
  ),
  fn('WildMatch', 'conditional', 2, Number.POSITIVE_INFINITY, ([subject, ...candidates], ctx) =>
    position(subject!, candidates, ctx, (text, pattern) => like(text, pattern)),
  ),
  fn('Class', 'conditional', 2, 4, ([value, width, label, offset], ctx) => {
    const x = toNumber(value!, ctx.locale);
    const step = toNumber(width!, ctx.locale);
    const shift = offset === undefined ? 0 : toNumber(offset, ctx.locale);
    if (Number.isNaN(x) || !(step > 0) || Number.isNaN(shift)) return null;
    const low = Math.floor((x - shift) / step) * step + shift;
    const name = label === undefined ? 'x' : (toText(label, ctx.locale) ?? 'x');
    return new Dual(low, `${low}<=${name}<${low + step}`);
  }),
  fn('Null', 'conditional', 0, 0, () => null),
  fn('True', 'conditional', 0, 0, () => -1),
  fn('False', 'conditional', 0, 0, () => 0),
  fn('IsNull', 'conditional', 1, 1, ([value]) => bool(value === null)),
  // IsNum is true for texts that interpret as numbers (help "IsNum").
  fn('IsNum', 'conditional', 1, 1, ([value], ctx) =>
    bool(!Number.isNaN(toNumber(value!, ctx.locale))),
  ),
  fn('IsText', 'conditional', 1, 1, ([value]) =>
    bool(typeof value === 'string' || value instanceof Dual),
  ),
  fn('EmptyIsNull', 'conditional', 1, 1, ([value], ctx) =>
    toText(value!, ctx.locale) === '' ? null : value!,
  ),
];

/**
 * 1-based position of the first candidate equal to the subject, 0 if none. Numbers compare
 * as numbers (Match(3, 1, 2, 3) = 3), anything else by its text with `same`.
 */
function position(
  subject: Value,
  candidates: readonly Value[],
  ctx: FunctionContext,
  same: (subject: string, candidate: string) => boolean,
): number {
  if (subject === null) return 0;
  const text = toText(subject, ctx.locale) ?? '';
  for (const [index, candidate] of candidates.entries()) {
    if (candidate === null) continue;
    if (
      isNumeric(subject) &&
      isNumeric(candidate) &&
      toNumber(subject, ctx.locale) === toNumber(candidate, ctx.locale)
    ) {
      return index + 1;
    }
    if (same(text, toText(candidate, ctx.locale) ?? '')) return index + 1;
  }
  return 0;
}
