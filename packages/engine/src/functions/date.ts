import { formatDate } from '../format/date-format.js';
import { dateParts, dayOf, isCalendarSerial, makeSerial } from '../format/serial.js';
import { Dual, type Value } from '../model/value.js';
import {
  addMonths,
  dayStart,
  inPeriod,
  monthStart,
  networkDays,
  type PeriodStart,
  periodEnd,
  quarterStart,
  weekOf,
  weekStart,
  yearStart,
} from './calendar.js';
import { bool, toNumber } from './coerce.js';
import { type FunctionContext, fn, type ScalarFunction } from './function-types.js';

/*
 * Date and time functions on serials (days since 1899-12-30, §7.5). A text argument is
 * interpreted like a loaded value (DateFormat, ISO ...); anything without a number gives NULL.
 */
function serialOf(value: Value | undefined, ctx: FunctionContext): number | null {
  if (value === undefined) return null;
  const n = toNumber(value, ctx.locale);
  return isCalendarSerial(n) ? n : null;
}

/** An integer argument; an absent or non-numeric one takes the fallback (NULL in Qlik terms). */
function intArg(value: Value | undefined, ctx: FunctionContext, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Math.trunc(toNumber(value, ctx.locale));
  return Number.isFinite(n) ? n : fallback;
}

function optionalNumber(value: Value | undefined, ctx: FunctionContext): number | undefined {
  if (value === undefined) return undefined;
  const n = toNumber(value, ctx.locale);
  return Number.isFinite(n) ? n : undefined;
}

/** A date result as a dual with DateFormat text; NULL when the arithmetic left the calendar. */
export function asDate(serial: number, ctx: FunctionContext): Dual | null {
  if (!isCalendarSerial(serial)) return null;
  return new Dual(serial, formatDate(serial, ctx.locale.dateFormat, ctx.locale));
}

export function asTimestamp(serial: number, ctx: FunctionContext): Dual | null {
  if (!isCalendarSerial(serial)) return null;
  return new Dual(serial, formatDate(serial, ctx.locale.timestampFormat, ctx.locale));
}

/** A function of one date argument returning a value computed from it. */
function ofDate(
  name: string,
  body: (serial: number, ctx: FunctionContext) => Value,
): ScalarFunction {
  return fn(name, 'date', 1, 1, ([value], ctx) => {
    const serial = serialOf(value, ctx);
    return serial === null ? null : body(serial, ctx);
  });
}

type Shape = 'date' | 'timestamp';

/** XStart(date [, shift [, extra]]) and XEnd(...) for one kind of period. */
function periodPair(
  name: string,
  start: (serial: number, shift: number, extra: number | undefined, ctx: FunctionContext) => number,
  shape: Shape,
): ScalarFunction[] {
  const make = (suffix: 'Start' | 'End') =>
    fn(`${name}${suffix}`, 'date', 1, 3, ([value, shiftArg, extraArg], ctx) => {
      const serial = serialOf(value, ctx);
      if (serial === null) return null;
      const extra = optionalNumber(extraArg, ctx);
      const bound: PeriodStart = (s, shift) => start(s, shift, extra, ctx);
      const shift = intArg(shiftArg, ctx, 0);
      const result = suffix === 'Start' ? bound(serial, shift) : periodEnd(bound, serial, shift);
      return shape === 'date' ? asDate(result, ctx) : asTimestamp(result, ctx);
    });
  return [make('Start'), make('End')];
}

/** InX(value, base, shift [, extra]) for one kind of period. */
function inFunction(
  name: string,
  start: (serial: number, shift: number, extra: number | undefined, ctx: FunctionContext) => number,
): ScalarFunction {
  return fn(name, 'date', 3, 4, ([value, base, shiftArg, extraArg], ctx) => {
    const serial = serialOf(value, ctx);
    const baseSerial = serialOf(base, ctx);
    if (serial === null || baseSerial === null) return null;
    const extra = optionalNumber(extraArg, ctx);
    const bound: PeriodStart = (s, shift) => start(s, shift, extra, ctx);
    return bool(inPeriod(bound, serial, baseSerial, intArg(shiftArg, ctx, 0)));
  });
}

const startOfYear = (
  s: number,
  shift: number,
  firstMonth: number | undefined,
  ctx: FunctionContext,
) => yearStart(s, shift, firstMonth ?? ctx.locale.firstMonthOfYear);
const startOfQuarter = (
  s: number,
  shift: number,
  firstMonth: number | undefined,
  ctx: FunctionContext,
) => quarterStart(s, shift, firstMonth ?? ctx.locale.firstMonthOfYear);
const startOfMonth = (s: number, shift: number) => monthStart(s, shift);
const startOfWeek = (
  s: number,
  shift: number,
  firstWeekDay: number | undefined,
  ctx: FunctionContext,
) => weekStart(s, shift, firstWeekDay ?? ctx.locale.firstWeekDay);
const startOfDay = (s: number, shift: number, dayStartsAt: number | undefined) =>
  dayStart(s, shift, dayStartsAt ?? 0);

export const dateFunctions: readonly ScalarFunction[] = [
  // Known gap: the timer_mode argument of Today()/Now() is accepted and ignored; the scope's
  // clock (EvaluationScope.now) decides.
  fn('Today', 'date', 0, 1, (_, ctx) => asDate(dayOf(ctx.now()), ctx)),
  fn('Now', 'date', 0, 1, (_, ctx) => asTimestamp(ctx.now(), ctx)),
  // The scope clock is already UTC (serials carry no time zone), so UTC() equals Now().
  fn('UTC', 'date', 0, 0, (_, ctx) => asTimestamp(ctx.now(), ctx)),
  ofDate('Year', (s) => dateParts(s).year),
  ofDate('Month', (s, ctx) => {
    const { month } = dateParts(s);
    return new Dual(month, ctx.locale.monthNames[month - 1] ?? String(month));
  }),
  ofDate('Day', (s) => dateParts(s).day),
  ofDate('Hour', (s) => dateParts(s).hour),
  ofDate('Minute', (s) => dateParts(s).minute),
  ofDate('Second', (s) => dateParts(s).second),
  // 0 is the locale's first week day (or the argument's); the name comes from DayNames.
  fn('WeekDay', 'date', 1, 2, ([value, first], ctx) => {
    const serial = serialOf(value, ctx);
    if (serial === null) return null;
    const { weekday } = dateParts(serial);
    const firstWeekDay = intArg(first, ctx, ctx.locale.firstWeekDay);
    return new Dual((weekday - firstWeekDay + 7) % 7, ctx.locale.dayNames[weekday] ?? '');
  }),
  fn('Week', 'date', 1, 4, ([value, first, broken, reference], ctx) => {
    const serial = serialOf(value, ctx);
    if (serial === null) return null;
    return weekOf(serial, ctx.locale, ...weekOptions(first, broken, reference, ctx)).week;
  }),
  fn('WeekYear', 'date', 1, 4, ([value, first, broken, reference], ctx) => {
    const serial = serialOf(value, ctx);
    if (serial === null) return null;
    return weekOf(serial, ctx.locale, ...weekOptions(first, broken, reference, ctx)).year;
  }),
  fn('DayNumberOfYear', 'date', 1, 2, ([value, firstMonth], ctx) => {
    const serial = serialOf(value, ctx);
    if (serial === null) return null;
    return dayOf(serial) - yearStart(serial, 0, intArg(firstMonth, ctx, 1)) + 1;
  }),
  fn('MakeDate', 'date', 1, 3, ([y, m, d], ctx) => {
    const year = intArg(y, ctx, Number.NaN);
    const month = intArg(m, ctx, 1);
    const day = intArg(d, ctx, 1);
    if (![year, month, day].every(Number.isFinite) || month < 1 || month > 12 || day < 1)
      return null;
    const serial = makeSerial(year, month, day);
    return dateParts(serial).day === day ? asDate(serial, ctx) : null;
  }),
  fn('MakeTime', 'date', 1, 3, ([h, m, s], ctx) => {
    const hours = intArg(h, ctx, Number.NaN);
    const minutes = intArg(m, ctx, 0);
    const seconds = s === undefined ? 0 : toNumber(s, ctx.locale);
    if (![hours, minutes, seconds].every(Number.isFinite)) return null;
    const serial = (hours * 3600 + minutes * 60 + seconds) / 86400;
    return new Dual(serial, formatDate(serial, ctx.locale.timeFormat, ctx.locale));
  }),
  fn('AddMonths', 'date', 2, 3, ([value, months, mode], ctx) => {
    const serial = serialOf(value, ctx);
    const n = intArg(months, ctx, Number.NaN);
    if (serial === null || !Number.isFinite(n)) return null;
    return asDate(addMonths(serial, n, intArg(mode, ctx, 0) === 1), ctx);
  }),
  fn('AddYears', 'date', 2, 2, ([value, years], ctx) => {
    const serial = serialOf(value, ctx);
    const n = intArg(years, ctx, Number.NaN);
    if (serial === null || !Number.isFinite(n)) return null;
    return asDate(addMonths(serial, 12 * n), ctx);
  }),
  ...periodPair('Year', startOfYear, 'date'),
  ...periodPair('Quarter', startOfQuarter, 'date'),
  ...periodPair('Month', startOfMonth, 'date'),
  ...periodPair('Week', startOfWeek, 'date'),
  ...periodPair('Day', startOfDay, 'timestamp'),
  inFunction('InYear', startOfYear),
  inFunction('InQuarter', startOfQuarter),
  inFunction('InMonth', startOfMonth),
  inFunction('InWeek', startOfWeek),
  inFunction('InDay', startOfDay),
  // In the (shifted) year of base_date, up to and including base_date's last millisecond.
  fn('InYearToDate', 'date', 3, 4, ([value, base, shiftArg, firstMonth], ctx) => {
    const serial = serialOf(value, ctx);
    const baseSerial = serialOf(base, ctx);
    if (serial === null || baseSerial === null) return null;
    const shift = intArg(shiftArg, ctx, 0);
    const fm = intArg(firstMonth, ctx, ctx.locale.firstMonthOfYear);
    const until = addMonths(dayOf(baseSerial), 12 * shift) + 1;
    return bool(serial >= yearStart(baseSerial, shift, fm) && serial < until);
  }),
  fn('MonthName', 'date', 1, 2, ([value, shift], ctx) => {
    const serial = serialOf(value, ctx);
    if (serial === null) return null;
    const start = monthStart(serial, intArg(shift, ctx, 0));
    if (!isCalendarSerial(start)) return null;
    const { year, month } = dateParts(start);
    return new Dual(start, `${ctx.locale.monthNames[month - 1]} ${year}`);
  }),
  // Completed years between the birth date and the timestamp (help "Age").
  fn('Age', 'date', 2, 2, ([at, born], ctx) => {
    const now = serialOf(at, ctx);
    const birth = serialOf(born, ctx);
    if (now === null || birth === null) return null;
    const a = dateParts(now);
    const b = dateParts(birth);
    const beforeBirthday = a.month < b.month || (a.month === b.month && a.day < b.day);
    return a.year - b.year - (beforeBirthday ? 1 : 0);
  }),
  fn('NetWorkDays', 'date', 2, Number.POSITIVE_INFINITY, ([start, end, ...holidays], ctx) => {
    const from = serialOf(start, ctx);
    const to = serialOf(end, ctx);
    if (from === null || to === null) return null;
    const off = holidays.map((h) => serialOf(h, ctx)).filter((h): h is number => h !== null);
    return networkDays(from, to, off);
  }),
];

function weekOptions(
  first: Value | undefined,
  broken: Value | undefined,
  reference: Value | undefined,
  ctx: FunctionContext,
): [number, boolean, number] {
  return [
    intArg(first, ctx, ctx.locale.firstWeekDay),
    broken === undefined ? ctx.locale.brokenWeeks : toNumber(broken, ctx.locale) !== 0,
    intArg(reference, ctx, ctx.locale.referenceDay),
  ];
}
