import type { LocaleSettings } from '../format/locale.js';
import { dateParts, dayOf, makeSerial } from '../format/serial.js';

/*
 * Period arithmetic on date serials, shared by the *Start/*End/In* functions. Ends are the
 * last millisecond before the next period starts, as Qlik's MonthEnd() and friends return.
 */
export const oneMs = 1 / 86_400_000;

export function monthStart(serial: number, shift = 0): number {
  const { year, month } = dateParts(serial);
  return makeSerial(year, month + shift, 1);
}

/** Start of the (fiscal) year that begins in `firstMonth`. */
export function yearStart(serial: number, shift = 0, firstMonth = 1): number {
  const { year, month } = dateParts(serial);
  const startYear = month >= firstMonth ? year : year - 1;
  return makeSerial(startYear + shift, firstMonth, 1);
}

export function quarterStart(serial: number, shift = 0, firstMonth = 1): number {
  const { year, month } = dateParts(serial);
  const intoQuarter = (((month - firstMonth) % 3) + 3) % 3;
  return makeSerial(year, month - intoQuarter + 3 * shift, 1);
}

/** `firstWeekDay` 0 = Monday ... 6 = Sunday. */
export function weekStart(serial: number, shift = 0, firstWeekDay = 0): number {
  const day = dayOf(serial);
  const weekday = dateParts(day).weekday;
  return day - ((weekday - firstWeekDay + 7) % 7) + 7 * shift;
}

/** `dayStartsAt` is a day fraction (0.25 = the day runs from 06:00 to 06:00). */
export function dayStart(serial: number, shift = 0, dayStartsAt = 0): number {
  return Math.floor(serial - dayStartsAt + 1e-9) + shift + dayStartsAt;
}

export type PeriodStart = (serial: number, shift: number) => number;

/** The last millisecond of the period that starts at `start(serial, shift)`. */
export function periodEnd(start: PeriodStart, serial: number, shift: number): number {
  return start(serial, shift + 1) - oneMs;
}

export function inPeriod(start: PeriodStart, value: number, base: number, shift: number): boolean {
  return value >= start(base, shift) && value < start(base, shift + 1);
}

/** Adds months keeping the day, clamped to the month's last day (Jan 31 + 1 month = Feb 28). */
export function addMonths(serial: number, months: number, endOfMonthMode = false): number {
  const { year, month, day } = dateParts(serial);
  const time = serial - dayOf(serial);
  const lastDay = dateParts(makeSerial(year, month + months + 1, 0)).day;
  const isLastDay = day === dateParts(makeSerial(year, month + 1, 0)).day;
  const target = endOfMonthMode && isLastDay ? lastDay : Math.min(day, lastDay);
  return makeSerial(year, month + months, target) + time;
}

/**
 * Week number and the year it belongs to (help "Week"). Unbroken weeks: week 1 is the week
 * holding January `referenceDay` (0 means 4, ISO 8601 with Monday weeks). Broken weeks: week 1
 * is the week holding January 1st.
 */
export function weekOf(
  serial: number,
  locale: LocaleSettings,
  firstWeekDay = locale.firstWeekDay,
  brokenWeeks = locale.brokenWeeks,
  referenceDay = locale.referenceDay,
): { week: number; year: number } {
  const day = dayOf(serial);
  const { year } = dateParts(day);
  if (brokenWeeks) {
    const first = weekStart(makeSerial(year, 1, 1), 0, firstWeekDay);
    return { week: Math.floor((day - first) / 7) + 1, year };
  }
  const reference = referenceDay > 0 ? referenceDay : 4;
  const week1 = (y: number) => weekStart(makeSerial(y, 1, reference), 0, firstWeekDay);
  let weekYear = year;
  if (day < week1(year)) weekYear = year - 1;
  else if (day >= week1(year + 1)) weekYear = year + 1;
  return { week: Math.floor((day - week1(weekYear)) / 7) + 1, year: weekYear };
}

/** Monday-to-Friday days from `start` to `end` inclusive, minus the listed holidays. */
export function networkDays(start: number, end: number, holidays: readonly number[]): number {
  const first = dayOf(start);
  const last = dayOf(end);
  if (last < first) return 0;
  const isWorkday = (day: number) => dateParts(day).weekday < 5;
  const total = last - first + 1;
  const fullWeeks = Math.floor(total / 7);
  let count = fullWeeks * 5;
  for (let day = first + fullWeeks * 7; day <= last; day++) if (isWorkday(day)) count++;
  const offDays = new Set(
    holidays.map(dayOf).filter((d) => d >= first && d <= last && isWorkday(d)),
  );
  return count - offDays.size;
}
