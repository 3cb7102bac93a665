import { Dual } from '@cairn/engine';

/** Qlik's day 0 is 1899-12-30; Unix day 0 (1970-01-01) is serial 25569. */
export const UNIX_EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86_400_000;

/** A Unix time in milliseconds as a Qlik date serial (days since 1899-12-30, fraction = time). */
export function serialFromUnixMs(ms: number): number {
  return ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function dateText(date: Date): string {
  const year = date.getUTCFullYear();
  const y = year < 0 ? `-${pad(-year, 4)}` : pad(year, 4);
  return `${y}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function timeText(date: Date): string {
  const base = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  const ms = date.getUTCMilliseconds();
  return ms === 0 ? base : `${base}.${pad(ms, 3)}`;
}

/**
 * Dual values in Qlik's default ISO-like formats (`YYYY-MM-DD`, `YYYY-MM-DD hh:mm:ss[.fff]`,
 * `hh:mm:ss`); the script may re-format them with the app's DateFormat/TimestampFormat. Times
 * are read as UTC: a file's instant is shown as UTC, not in the server's zone.
 */
export function dateDual(serial: number): Dual {
  return new Dual(serial, dateText(new Date((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY)));
}

export function timestampDual(serial: number): Dual {
  const date = new Date(Math.round((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
  return new Dual(serial, `${dateText(date)} ${timeText(date)}`);
}

/** A time of day: `fraction` of a day in [0, 1). */
export function timeDual(fraction: number): Dual {
  return new Dual(fraction, timeText(new Date(Math.round(fraction * MS_PER_DAY))));
}
