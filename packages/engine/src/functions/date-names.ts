import { pad } from '../format/date-format.js';
import { dateParts, isCalendarSerial } from '../format/serial.js';
import { Dual, type Value } from '../model/value.js';
import { dayStart, monthStart, quarterStart, weekOf, weekStart, yearStart } from './calendar.js';
import { toNumber } from './coerce.js';
import { asDate } from './date.js';
import { type FunctionContext, fn, type ScalarFunction } from './function-types.js';

/*
 * The *Name functions (help "Date and time functions"): a dual of the period's first moment
 * and a display text naming the period, e.g. QuarterName → 'Oct-Dec 2005'.
 */
function args(
  value: Value | undefined,
  shift: Value | undefined,
  extra: Value | undefined,
  ctx: FunctionContext,
): { serial: number; shift: number; extra: number | undefined } | null {
  const serial = value === undefined ? Number.NaN : toNumber(value, ctx.locale);
  if (!isCalendarSerial(serial)) return null;
  const n = shift === undefined ? 0 : Math.trunc(toNumber(shift, ctx.locale));
  const e = extra === undefined ? Number.NaN : Math.trunc(toNumber(extra, ctx.locale));
  return { serial, shift: Number.isFinite(n) ? n : 0, extra: Number.isFinite(e) ? e : undefined };
}

export const dateNameFunctions: readonly ScalarFunction[] = [
  fn('DayName', 'date', 1, 3, ([value, shift, dayStartsAt], ctx) => {
    const a = args(value, shift, undefined, ctx);
    if (!a) return null;
    const fraction = dayStartsAt === undefined ? 0 : toNumber(dayStartsAt, ctx.locale) || 0;
    return asDate(dayStart(a.serial, a.shift, fraction), ctx);
  }),
  fn('WeekName', 'date', 1, 3, ([value, shift, first], ctx) => {
    const a = args(value, shift, first, ctx);
    if (!a) return null;
    const start = weekStart(a.serial, a.shift, a.extra ?? ctx.locale.firstWeekDay);
    const { week, year } = weekOf(start, ctx.locale, a.extra ?? ctx.locale.firstWeekDay);
    return periodDual(start, `${year}/${pad(week, 2)}`);
  }),
  fn('QuarterName', 'date', 1, 3, ([value, shift, firstMonth], ctx) => {
    const a = args(value, shift, firstMonth, ctx);
    if (!a) return null;
    const start = quarterStart(a.serial, a.shift, a.extra ?? ctx.locale.firstMonthOfYear);
    const first = dateParts(start);
    const last = dateParts(monthStart(start, 2));
    const names = ctx.locale.monthNames;
    return periodDual(start, `${names[first.month - 1]}-${names[last.month - 1]} ${first.year}`);
  }),
  fn('YearName', 'date', 1, 3, ([value, shift, firstMonth], ctx) => {
    const a = args(value, shift, firstMonth, ctx);
    if (!a) return null;
    const fm = a.extra ?? ctx.locale.firstMonthOfYear;
    const start = yearStart(a.serial, a.shift, fm);
    const { year } = dateParts(start);
    return periodDual(start, fm === 1 ? String(year) : `${year}-${year + 1}`);
  }),
];

/** NULL when a large shift moved the period off the calendar. */
function periodDual(start: number, text: string): Dual | null {
  return isCalendarSerial(start) ? new Dual(start, text) : null;
}
