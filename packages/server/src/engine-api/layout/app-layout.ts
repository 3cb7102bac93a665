import type { JsonObject } from '../deps.js';
import type { DocSession } from '../session/doc-session.js';
import { privileges } from './lists.js';

/**
 * `qLocaleInfo` from the script's `SET` variables (DecimalSep, ThousandSep, DateFormat, ...),
 * with Qlik's en-US defaults where the script sets nothing (engine-protocol.md §3.8).
 */
export function localeInfo(doc: DocSession): JsonObject {
  const vars = new Map(doc.shared.scriptVariables.map((v) => [v.name, v.definition]));
  const get = (name: string, fallback: string) => vars.get(name) ?? fallback;
  const list = (name: string, fallback: string) => get(name, fallback).split(';');
  return {
    qDecimalSep: get('DecimalSep', '.'),
    qThousandSep: get('ThousandSep', ','),
    qListSep: get('ListSep', ','),
    qMoneyDecimalSep: get('MoneyDecimalSep', '.'),
    qMoneyThousandSep: get('MoneyThousandSep', ','),
    qCurrentYear: new Date().getUTCFullYear(),
    qMoneyFmt: get('MoneyFormat', '$#,##0.00;-$#,##0.00'),
    qTimeFmt: get('TimeFormat', 'h:mm:ss TT'),
    qDateFmt: get('DateFormat', 'M/D/YYYY'),
    qTimestampFmt: get('TimestampFormat', 'M/D/YYYY h:mm:ss[.fff] TT'),
    qCalendarStrings: {
      qDayNames: list('DayNames', 'Mon;Tue;Wed;Thu;Fri;Sat;Sun'),
      qMonthNames: list('MonthNames', 'Jan;Feb;Mar;Apr;May;Jun;Jul;Aug;Sep;Oct;Nov;Dec'),
      qLongDayNames: list(
        'LongDayNames',
        'Monday;Tuesday;Wednesday;Thursday;Friday;Saturday;Sunday',
      ),
      qLongMonthNames: list(
        'LongMonthNames',
        'January;February;March;April;May;June;July;August;September;October;November;December',
      ),
    },
    qFirstWeekDay: Number(get('FirstWeekDay', '6')),
    qBrokenWeeks: get('BrokenWeeks', '0') !== '0',
    qReferenceDay: Number(get('ReferenceDay', '0')),
    qFirstMonthOfYear: Number(get('FirstMonthOfYear', '1')),
    qCollation: get('CollationLocale', 'en-US'),
    qNumericalAbbreviation: get(
      'NumericalAbbreviation',
      '3:k;6:M;9:G;12:T;15:P;18:E;21:Z;24:Y;-3:m;-6:μ;-9:n;-12:p;-15:f;-18:a;-21:z;-24:y',
    ),
  };
}

export function appLayout(doc: DocSession): JsonObject {
  const { meta } = doc.shared;
  return {
    qTitle: meta.name,
    qFileName: meta.id,
    qLastReloadTime: meta.lastReloadTime ?? '',
    qModified: false,
    qHasScript: doc.script.trim() !== '',
    qStateNames: [],
    qMeta: { privileges: privileges(doc), description: meta.description },
    qLocaleInfo: localeInfo(doc),
    qHasData: doc.calculator !== null,
    qReadOnly: !doc.rights.editObjects && !doc.shared.isSessionApp,
    qIsOpenedWithoutData: false,
    qIsSessionApp: doc.shared.isSessionApp,
    qProhibitBinaryLoad: false,
    qThumbnail: { qUrl: meta.thumbnail ?? '' },
    qIsBDILiveMode: false,
    qIsDirectQueryMode: false,
    qUnsupportedFeatures: [],
    qUsage: 'ANALYTICS',
    description: meta.description,
    ...meta.custom,
  };
}

export function appProperties(doc: DocSession): JsonObject {
  const { meta } = doc.shared;
  return {
    qTitle: meta.name,
    qLastReloadTime: meta.lastReloadTime ?? '',
    qThumbnail: { qUrl: meta.thumbnail ?? '' },
    qHasSectionAccess: false,
    description: meta.description,
    ...meta.custom,
  };
}
