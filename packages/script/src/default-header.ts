/**
 * The SET block a new app's script starts with (Qlik Sense's defaults for an en-US locale,
 * research/script-qvd.md §4.5). The server puts it at the top of every new app's script; the
 * interpreter also starts every reload with these values, so a script without the block formats
 * and interprets numbers the same way.
 */
export const defaultScriptHeader = `SET ThousandSep=',';
SET DecimalSep='.';
SET MoneyThousandSep=',';
SET MoneyDecimalSep='.';
SET MoneyFormat='$#,##0.00;-$#,##0.00';
SET TimeFormat='h:mm:ss TT';
SET DateFormat='M/D/YYYY';
SET TimestampFormat='M/D/YYYY h:mm:ss[.fff] TT';
SET FirstWeekDay=6;
SET BrokenWeeks=1;
SET ReferenceDay=0;
SET FirstMonthOfYear=1;
SET CollationLocale='en-US';
SET CreateSearchIndexOnReload=1;
SET MonthNames='Jan;Feb;Mar;Apr;May;Jun;Jul;Aug;Sep;Oct;Nov;Dec';
SET LongMonthNames='January;February;March;April;May;June;July;August;September;October;November;December';
SET DayNames='Mon;Tue;Wed;Thu;Fri;Sat;Sun';
SET LongDayNames='Monday;Tuesday;Wednesday;Thursday;Friday;Saturday;Sunday';
SET NumericalAbbreviation='3:k;6:M;9:G;12:T;15:P;18:E;21:Z;24:Y;-3:m;-6:μ;-9:n;-12:p;-15:f;-18:a;-21:z;-24:y';
`;

/** The values of `defaultScriptHeader`, as the interpreter's starting variables. */
export const defaultVariables: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    defaultScriptHeader
      .trim()
      .split('\n')
      .map((line) => {
        const match = /^SET (\w+)='?(.*?)'?;$/.exec(line);
        if (match === null) throw new Error(`bad default header line ${line}`);
        return [match[1] as string, match[2] as string];
      }),
  ),
);
