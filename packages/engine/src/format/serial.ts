/**
 * Qlik date serials: days since 1899-12-30 00:00, time as the fraction (research/script-qvd.md
 * §7.5). Always UTC arithmetic, so the machine's time zone never shifts a date.
 */
const msPerDay = 86_400_000;
/** Serial of 1970-01-01. */
const unixEpochSerial = 25_569;

export interface DateParts {
  readonly year: number;
  /** 1-12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** 0 = Monday ... 6 = Sunday, Qlik's numbering. */
  readonly weekday: number;
}

/**
 * Serials a JavaScript Date can hold (about ±270,000 years); beyond them calendar functions
 * give NULL and formatters fall back to the plain number.
 */
export function isCalendarSerial(serial: number): boolean {
  return Number.isFinite(serial) && Math.abs((serial - unixEpochSerial) * msPerDay) <= 8.64e15;
}

export function serialFromMs(ms: number): number {
  return ms / msPerDay + unixEpochSerial;
}

export function msFromSerial(serial: number): number {
  return Math.round((serial - unixEpochSerial) * msPerDay);
}

/** Serial of a calendar date and time; months and days out of range roll over like Date.UTC. */
export function makeSerial(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millisecond);
  return serialFromMs(date.getTime());
}

/** Calendar parts of a serial, rounded to the millisecond first. */
export function dateParts(serial: number): DateParts {
  const date = new Date(msFromSerial(serial));
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: date.getUTCMilliseconds(),
    weekday: (date.getUTCDay() + 6) % 7,
  };
}

/** The whole-day serial of the day a serial falls on. */
export function dayOf(serial: number): number {
  return Math.floor(msFromSerial(serial) / msPerDay) + unixEpochSerial;
}
