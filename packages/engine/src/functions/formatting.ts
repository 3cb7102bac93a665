import { formatDate } from '../format/date-format.js';
import { formatInterval } from '../format/interval-format.js';
import { formatMoney, formatNumber } from '../format/number-format.js';
import { formatDefaultNumber } from '../format/number-text.js';
import { Dual, type Value } from '../model/value.js';
import { toNumber, toText } from './coerce.js';
import { type FunctionContext, fn, type ScalarFunction } from './function-types.js';

/*
 * Formatting functions (help "Formatting functions"): keep the number, replace the text, so
 * the result is a dual. A value without a number gives NULL.
 */
function numberOf(value: Value | undefined, ctx: FunctionContext): number | null {
  if (value === undefined) return null;
  const n = toNumber(value, ctx.locale);
  return Number.isFinite(n) ? n : null;
}

function optionalText(value: Value | undefined, ctx: FunctionContext): string | undefined {
  if (value === undefined) return undefined;
  return toText(value, ctx.locale) ?? undefined;
}

function dateLike(name: string, defaultPattern: (ctx: FunctionContext) => string): ScalarFunction {
  return fn(name, 'formatting', 1, 2, ([value, pattern], ctx) => {
    const n = numberOf(value, ctx);
    if (n === null) return null;
    return new Dual(
      n,
      formatDate(n, optionalText(pattern, ctx) ?? defaultPattern(ctx), ctx.locale),
    );
  });
}

export const formattingFunctions: readonly ScalarFunction[] = [
  fn('Num', 'formatting', 1, 4, ([value, pattern, dec, thou], ctx) => {
    const n = numberOf(value, ctx);
    if (n === null) return null;
    const format = optionalText(pattern, ctx);
    if (format === undefined) return new Dual(n, formatDefaultNumber(n, ctx.locale.decimalSep));
    const separators = { decimalSep: optionalText(dec, ctx), thousandSep: optionalText(thou, ctx) };
    return new Dual(n, formatNumber(n, format, ctx.locale, definedOnly(separators)));
  }),
  fn('Money', 'formatting', 1, 4, ([value, pattern, dec, thou], ctx) => {
    const n = numberOf(value, ctx);
    if (n === null) return null;
    const separators = { decimalSep: optionalText(dec, ctx), thousandSep: optionalText(thou, ctx) };
    const format = optionalText(pattern, ctx) ?? ctx.locale.moneyFormat;
    return new Dual(n, formatMoney(n, ctx.locale, format, definedOnly(separators)));
  }),
  dateLike('Date', (ctx) => ctx.locale.dateFormat),
  dateLike('Time', (ctx) => ctx.locale.timeFormat),
  dateLike('Timestamp', (ctx) => ctx.locale.timestampFormat),
  fn('Interval', 'formatting', 1, 2, ([value, pattern], ctx) => {
    const n = numberOf(value, ctx);
    if (n === null) return null;
    return new Dual(n, formatInterval(n, optionalText(pattern, ctx) ?? ctx.locale.timeFormat));
  }),
  // Dual(text, number): a text-only result when the number part has no number.
  fn('Dual', 'formatting', 2, 2, ([text, number], ctx) => {
    const label = toText(text!, ctx.locale);
    const n = numberOf(number, ctx);
    if (label === null) return n;
    return n === null ? label : new Dual(n, label);
  }),
  fn('Text', 'formatting', 1, 1, ([value], ctx) => toText(value!, ctx.locale)),
];

function definedOnly(separators: {
  decimalSep: string | undefined;
  thousandSep: string | undefined;
}): { decimalSep?: string; thousandSep?: string } {
  const result: { decimalSep?: string; thousandSep?: string } = {};
  if (separators.decimalSep !== undefined) result.decimalSep = separators.decimalSep;
  if (separators.thousandSep !== undefined) result.thousandSep = separators.thousandSep;
  return result;
}
