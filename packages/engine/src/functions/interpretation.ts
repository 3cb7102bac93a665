import { ExpressionError } from '../expression/errors.js';
import { interpretDateTime, interpretInterval } from '../format/interpret-date.js';
import { parseNumber } from '../format/parse-number.js';
import { Dual } from '../model/value.js';
import { toText } from './coerce.js';
import { type FunctionContext, fn, type ScalarFunction } from './function-types.js';

/*
 * Interpretation functions (help "Interpretation functions"): read a text with a pattern and
 * return a dual holding the original text. A text that does not fit stays text (no number),
 * so Alt(Date#(x, 'f1'), Date#(x, 'f2')) can try several formats.
 */
type Reader = (
  text: string,
  pattern: string | undefined,
  ctx: FunctionContext,
  extra: (string | undefined)[],
) => number | null;

function interpreter(name: string, maxArgs: number, read: Reader): ScalarFunction {
  return fn(name, 'interpretation', 1, maxArgs, ([value, pattern, ...extra], ctx) => {
    const text = toText(value!, ctx.locale);
    if (text === null) return null;
    const format = pattern === undefined ? undefined : (toText(pattern, ctx.locale) ?? undefined);
    const options = extra.map((v) => toText(v, ctx.locale) ?? undefined);
    const n = read(text, format, ctx, options);
    return n === null ? text : new Dual(n, text);
  });
}

export const interpretationFunctions: readonly ScalarFunction[] = [
  interpreter('Num#', 4, (text, pattern, ctx, [dec, thou]) =>
    parseNumber(text, ctx.locale, pattern, separators(dec, thou)),
  ),
  interpreter('Money#', 4, (text, pattern, ctx, [dec, thou]) =>
    parseNumber(text, ctx.locale, pattern ?? ctx.locale.moneyFormat, {
      decimalSep: dec || ctx.locale.moneyDecimalSep,
      thousandSep: thou ?? ctx.locale.moneyThousandSep,
    }),
  ),
  interpreter('Date#', 2, (text, pattern, ctx) =>
    interpretDateTime(text, pattern ?? ctx.locale.dateFormat, ctx.locale),
  ),
  interpreter('Time#', 2, (text, pattern, ctx) =>
    interpretDateTime(text, pattern ?? ctx.locale.timeFormat, ctx.locale),
  ),
  interpreter('Timestamp#', 2, (text, pattern, ctx) =>
    interpretDateTime(text, pattern ?? ctx.locale.timestampFormat, ctx.locale),
  ),
  interpreter('Interval#', 2, (text, pattern, ctx) =>
    interpretInterval(text, pattern ?? ctx.locale.timeFormat, ctx.locale),
  ),
  // Evaluate: an invalid expression text gives NULL, as in Qlik, rather than failing the row.
  fn('Evaluate', 'interpretation', 1, 1, ([value], ctx) => {
    const text = toText(value!, ctx.locale);
    if (text === null) return null;
    try {
      return ctx.evaluate(text);
    } catch (error) {
      if (error instanceof ExpressionError) return null;
      throw error;
    }
  }),
];

function separators(
  dec: string | undefined,
  thou: string | undefined,
): { decimalSep?: string; thousandSep?: string } {
  const result: { decimalSep?: string; thousandSep?: string } = {};
  if (dec !== undefined) result.decimalSep = dec;
  if (thou !== undefined) result.thousandSep = thou;
  return result;
}
