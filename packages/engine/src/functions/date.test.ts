import { describe, expect, it } from 'vitest';
import { run } from '../expression/test-scope.js';
import { defaultLocale, localeFromVariables } from '../format/locale.js';
import { Dual } from '../model/value.js';
import { calc, shown } from './test-eval.js';

describe('date functions: parts and constructors', () => {
  const cases: [string, unknown][] = [
    ["Year('2012-10-12')", 2012],
    ["Month('2012-10-12')", { num: 10, text: 'Oct' }],
    ["Day('2012-10-12')", 12],
    ["WeekDay('1971-10-12')", { num: 2, text: 'Tue' }],
    ["WeekDay('1971-10-12', 0)", { num: 1, text: 'Tue' }],
    ['Hour(0.5) & Minute(0.5 + 1/1440) & Second(1/86400 * 7)', '1217'],
    ['Year(Null())', null],
    ["Year('abc')", null],
    ['MakeDate(2012)', { num: 40909, text: '1/1/2012' }],
    ['MakeDate(2012, 2, 14)', { num: 40953, text: '2/14/2012' }],
    ['MakeDate(2012, 2, 30)', null],
    ['MakeTime(22, 17, 52)', { num: (22 * 3600 + 17 * 60 + 52) / 86400, text: '10:17:52 PM' }],
    ["DayNumberOfYear('2020-03-01')", 61],
    ["Age('2007-02-25', '2005-10-29')", 1],
    ["Age('2007-10-29', '2005-10-29')", 2],
    ["NetWorkDays('2007-02-19', '2007-03-01')", 9],
    ["NetWorkDays('2006-12-18', '2006-12-31', '2006-12-25', '2006-12-26')", 8],
  ];
  for (const [expression, expected] of cases) {
    it(`${expression} = ${JSON.stringify(expected)}`, () => {
      expect(calc(expression)).toEqual(expected);
    });
  }

  it('Today() and Now() read the scope clock and format with DateFormat/TimestampFormat', () => {
    expect([calc('Today()'), calc('Now()')]).toEqual([
      { num: 45366, text: '3/15/2024' },
      { num: 45366.25, text: '3/15/2024 6:00:00 AM' },
    ]);
  });
});

describe('date functions: weeks', () => {
  it('Week uses broken Sunday weeks by default (en-US header)', () => {
    expect([
      calc("Week('2012-10-12')"),
      calc("Week('2021-01-01')"),
      calc("Week('2020-12-31')"),
    ]).toEqual([41, 1, 53]);
  });

  it('Week with ISO settings (Monday, unbroken, day 4) puts 2021-01-01 in week 53 of 2020', () => {
    expect([calc("Week('2021-01-01', 0, 0, 4)"), calc("WeekYear('2021-01-01', 0, 0, 4)")]).toEqual([
      53, 2020,
    ]);
  });

  it('Week with ISO settings puts 2018-12-31 in week 1 of 2019', () => {
    expect([calc("Week('2018-12-31', 0, 0, 4)"), calc("WeekYear('2018-12-31', 0, 0, 4)")]).toEqual([
      1, 2019,
    ]);
  });

  it('Week follows the locale when the script sets ISO variables', () => {
    const iso = localeFromVariables(
      (name) => ({ FirstWeekDay: '0', BrokenWeeks: '0', ReferenceDay: '4' })[name],
    );
    expect(run("Week('2021-01-03')", {}, { locale: iso })).toBe(53);
  });

  it('WeekStart and WeekEnd honour FirstWeekDay', () => {
    expect([
      shown("WeekStart('2006-01-12')"),
      shown("WeekStart('2006-01-12', 0, 0)"),
      shown("WeekEnd('2006-01-12')"),
    ]).toEqual(['1/8/2006', '1/9/2006', '1/14/2006']);
  });
});

describe('date functions: periods', () => {
  const cases: [string, string | null][] = [
    ["MonthStart('2001-10-19')", '10/1/2001'],
    ["MonthStart('2001-10-19', -1)", '9/1/2001'],
    ["MonthEnd('2001-02-19')", '2/28/2001'],
    ["MonthEnd('2000-02-19')", '2/29/2000'],
    ["YearStart('2001-10-19')", '1/1/2001'],
    ["YearStart('2001-10-19', -1)", '1/1/2000'],
    ["YearStart('2001-10-19', 0, 4)", '4/1/2001'],
    ["YearEnd('2001-10-19', 0, 4)", '3/31/2002'],
    ["QuarterStart('2005-10-29')", '10/1/2005'],
    ["QuarterStart('2005-10-29', -1)", '7/1/2005'],
    ["QuarterStart('2005-10-29', 0, 3)", '9/1/2005'],
    ["QuarterEnd('2005-10-29')", '12/31/2005'],
    ["DayStart('2006-01-25 16:45')", '1/25/2006 12:00:00 AM'],
    ["DayEnd('2006-01-25 16:45')", '1/25/2006 11:59:59.999 PM'],
    ["AddMonths('2003-01-29', 3)", '4/29/2003'],
    ["AddMonths('2003-01-29', 1)", '2/28/2003'],
    ["AddMonths('2003-02-28', 1, 1)", '3/31/2003'],
    ["AddYears('2010-02-28', 2)", '2/28/2012'],
    ["MonthName('2013-10-19')", 'Oct 2013'],
  ];
  for (const [expression, expected] of cases) {
    it(`${expression} shows ${expected}`, () => {
      expect(shown(expression)).toBe(expected);
    });
  }

  it('MonthEnd is the last millisecond of the month', () => {
    const end = run("MonthEnd('2001-02-19')") as Dual;
    expect(end.num).toBeCloseTo(36951 - 1 / 86_400_000, 10);
  });

  const inCases: [string, number][] = [
    ["InYear('2013-01-25', '2013-01-01', 0)", -1],
    ["InYear('2012-01-25', '2013-01-01', 0)", 0],
    ["InYear('2012-01-25', '2013-01-01', -1)", -1],
    ["InYear('2013-01-25', '2013-07-01', 0, 7)", 0],
    ["InYear('2012-09-25', '2013-07-01', -1, 7)", -1],
    ["InMonth('2013-01-25', '2013-01-01', 0)", -1],
    ["InMonth('2013-01-25', '2013-04-01', 0)", 0],
    ["InMonth('2013-01-25', '2013-03-01', -2)", -1],
    ["InYearToDate('2013-01-25', '2013-02-01', 0)", -1],
    ["InYearToDate('2013-02-25', '2013-02-01', 0)", 0],
    ["InYearToDate('2012-01-25', '2013-02-01', -1)", -1],
  ];
  for (const [expression, expected] of inCases) {
    it(`${expression} = ${expected}`, () => {
      expect(calc(expression)).toBe(expected);
    });
  }

  it('uses the locale month names for Month()', () => {
    const german = localeFromVariables((name) =>
      name === 'MonthNames' ? 'Jan;Feb;Mär;Apr;Mai;Jun;Jul;Aug;Sep;Okt;Nov;Dez' : undefined,
    );
    expect(run("Month('2020-03-05')", {}, { locale: german })).toEqual(new Dual(3, 'Mär'));
    expect(defaultLocale.monthNames[2]).toBe('Mar');
  });
});

describe('date functions: period names', () => {
  const cases: [string, unknown][] = [
    ["MonthName('2013-10-19', -1)", { num: 41518, text: 'Sep 2013' }],
    ["QuarterName('2005-10-29')", { num: 38626, text: 'Oct-Dec 2005' }],
    ["QuarterName('2005-10-29', -1)", { num: 38534, text: 'Jul-Sep 2005' }],
    ["YearName('2001-10-19')", { num: 36892, text: '2001' }],
    ["YearName('2001-10-19', 0, 4)", { num: 36982, text: '2001-2002' }],
    ["WeekName('2006-01-12', 0, 0)", { num: 38726, text: '2006/03' }],
    ["DayName('2006-01-25 16:45')", { num: 38742, text: '1/25/2006' }],
  ];
  for (const [expression, expected] of cases) {
    it(`${expression} = ${JSON.stringify(expected)}`, () => {
      expect(calc(expression)).toEqual(expected);
    });
  }

  it('WeekName follows ISO weeks when the script sets them (help example: 2006/02)', () => {
    const iso = localeFromVariables(
      (name) => ({ FirstWeekDay: '0', BrokenWeeks: '0', ReferenceDay: '4' })[name],
    );
    expect(run("WeekName('2006-01-12')", {}, { locale: iso })).toEqual(new Dual(38726, '2006/02'));
  });
});
