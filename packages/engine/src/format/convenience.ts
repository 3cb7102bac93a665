import { formatDate } from './date-format.js';
import { interpretDateTime } from './interpret-date.js';
import type { LocaleSettings } from './locale.js';

/*
 * The locale-default forms of the date formatter and interpreter: what Date(), Time() and
 * Timestamp() (and their # counterparts) do without a format argument.
 */
export function formatDateDefault(serial: number, locale: LocaleSettings): string {
  return formatDate(serial, locale.dateFormat, locale);
}

export function formatTime(
  serial: number,
  locale: LocaleSettings,
  pattern = locale.timeFormat,
): string {
  return formatDate(serial, pattern, locale);
}

export function formatTimestamp(
  serial: number,
  locale: LocaleSettings,
  pattern = locale.timestampFormat,
): string {
  return formatDate(serial, pattern, locale);
}

export function interpretDate(
  text: string,
  locale: LocaleSettings,
  pattern = locale.dateFormat,
): number | null {
  return interpretDateTime(text, pattern, locale);
}

export function interpretTime(
  text: string,
  locale: LocaleSettings,
  pattern = locale.timeFormat,
): number | null {
  return interpretDateTime(text, pattern, locale);
}

export function interpretTimestamp(
  text: string,
  locale: LocaleSettings,
  pattern = locale.timestampFormat,
): number | null {
  return interpretDateTime(text, pattern, locale);
}
