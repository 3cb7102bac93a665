/**
 * The locale variables that drive formatting and interpretation (research/script-qvd.md §4.5):
 * a script sets them with SET, charts use the values the reload ended with.
 */
export interface LocaleSettings {
  readonly thousandSep: string;
  readonly decimalSep: string;
  readonly moneyThousandSep: string;
  readonly moneyDecimalSep: string;
  readonly moneyFormat: string;
  readonly timeFormat: string;
  readonly dateFormat: string;
  readonly timestampFormat: string;
  /** Twelve short month names, January first. */
  readonly monthNames: readonly string[];
  readonly longMonthNames: readonly string[];
  /** Seven short day names, Monday first (Qlik's day numbering: 0 = Monday). */
  readonly dayNames: readonly string[];
  readonly longDayNames: readonly string[];
  /** 0 = Monday ... 6 = Sunday. */
  readonly firstWeekDay: number;
  /** Broken weeks: week 1 starts on January 1st; unbroken: ISO-like, see `referenceDay`. */
  readonly brokenWeeks: boolean;
  /** The January day that is always in week 1 with unbroken weeks (0 = Qlik's default 4). */
  readonly referenceDay: number;
  /** 1 = January; moves YearStart/QuarterStart and friends to a fiscal year. */
  readonly firstMonthOfYear: number;
  readonly collationLocale: string;
}

/** Qlik Sense's en-US defaults, the values of a new app's SET header. */
export const defaultLocale: LocaleSettings = Object.freeze({
  thousandSep: ',',
  decimalSep: '.',
  moneyThousandSep: ',',
  moneyDecimalSep: '.',
  moneyFormat: '$#,##0.00;-$#,##0.00',
  timeFormat: 'h:mm:ss TT',
  dateFormat: 'M/D/YYYY',
  timestampFormat: 'M/D/YYYY h:mm:ss[.fff] TT',
  monthNames: Object.freeze([
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ]),
  longMonthNames: Object.freeze([
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ]),
  dayNames: Object.freeze(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']),
  longDayNames: Object.freeze([
    'Monday',
    'Tuesday',
    'Wednesday',
    'Thursday',
    'Friday',
    'Saturday',
    'Sunday',
  ]),
  firstWeekDay: 6,
  brokenWeeks: true,
  referenceDay: 0,
  firstMonthOfYear: 1,
  collationLocale: 'en-US',
});

const textKeys = {
  ThousandSep: 'thousandSep',
  DecimalSep: 'decimalSep',
  MoneyThousandSep: 'moneyThousandSep',
  MoneyDecimalSep: 'moneyDecimalSep',
  MoneyFormat: 'moneyFormat',
  TimeFormat: 'timeFormat',
  DateFormat: 'dateFormat',
  TimestampFormat: 'timestampFormat',
  CollationLocale: 'collationLocale',
} as const;

const listKeys = {
  MonthNames: ['monthNames', 12],
  LongMonthNames: ['longMonthNames', 12],
  DayNames: ['dayNames', 7],
  LongDayNames: ['longDayNames', 7],
} as const;

const numberKeys = {
  FirstWeekDay: 'firstWeekDay',
  ReferenceDay: 'referenceDay',
  FirstMonthOfYear: 'firstMonthOfYear',
} as const;

/**
 * Locale settings from script variables (their SET texts), starting from `base`. Variables
 * that are absent or malformed (a name list of the wrong length, a non-number) keep the base
 * value, as Qlik falls back to its defaults.
 */
export function localeFromVariables(
  variable: (name: string) => string | undefined,
  base: LocaleSettings = defaultLocale,
): LocaleSettings {
  const result: { -readonly [K in keyof LocaleSettings]: LocaleSettings[K] } = { ...base };
  for (const [name, key] of Object.entries(textKeys)) {
    const text = variable(name);
    if (text !== undefined) result[key] = text;
  }
  for (const [name, [key, count]] of Object.entries(listKeys)) {
    const names = variable(name)?.split(';');
    if (names?.length === count) result[key] = Object.freeze(names);
  }
  for (const [name, key] of Object.entries(numberKeys)) {
    const value = Number(variable(name) ?? Number.NaN);
    if (Number.isInteger(value)) result[key] = value;
  }
  const broken = variable('BrokenWeeks');
  if (broken !== undefined && broken.trim() !== '') result.brokenWeeks = Number(broken) !== 0;
  return Object.freeze(result);
}
