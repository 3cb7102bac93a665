import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate } from './date-format.js';
import { golden, goldenTable } from './golden.js';
import { interpretDateTime, interpretInterval } from './interpret-date.js';
import { formatInterval } from './interval-format.js';
import { defaultLocale, localeFromVariables } from './locale.js';
import { makeSerial } from './serial.js';

const serials = [2, 33857, 35648.375, 43831.999988426, 45366.25, 45366.7505, -52593, 0.375];
const patterns = [
  'M/D/YYYY',
  'YYYY-MM-DD',
  'DD.MM.YYYY',
  'YY-M-D',
  'MMM D, YYYY',
  'MMMM',
  'WWW',
  'WWWW DD',
  'h:mm:ss TT',
  'hh:mm:ss',
  'hh:mm:ss.fff',
  'M/D/YYYY h:mm:ss[.fff] TT',
  'YYYY-MM-DD hh:mm[:ss]',
  'dd/mm/yyyy',
  'tt h',
];

describe('formatDate', () => {
  it('matches the golden table of serials × patterns', () => {
    const rows = serials.flatMap((serial) =>
      patterns.map(
        (pattern) => [`${serial}\t${pattern}`, formatDate(serial, pattern, defaultLocale)] as const,
      ),
    );
    const actual = goldenTable(rows);
    expect(actual).toBe(golden('date-format.txt', actual));
  });

  it('places the documented serials: 1900-01-01, 1992-09-10 and 1756-01-01', () => {
    expect([makeSerial(1900, 1, 1), makeSerial(1992, 9, 10), makeSerial(1756, 1, 1)]).toEqual([
      2, 33857, -52593,
    ]);
  });

  it('uses the locale names: MMMM and WWWW in German', () => {
    const german = localeFromVariables(
      (name) =>
        ({
          LongMonthNames:
            'Januar;Februar;März;April;Mai;Juni;Juli;August;September;Oktober;November;Dezember',
          LongDayNames: 'Montag;Dienstag;Mittwoch;Donnerstag;Freitag;Samstag;Sonntag',
        })[name],
    );
    expect(formatDate(makeSerial(2024, 3, 15), 'WWWW, D. MMMM YYYY', german)).toBe(
      'Freitag, 15. März 2024',
    );
  });

  it('hides an optional [.fff] part when the fraction is zero and shows it otherwise', () => {
    const pattern = 'hh:mm:ss[.fff]';
    expect([
      formatDate(0.5, pattern, defaultLocale),
      formatDate(0.5 + 0.25 / 86400, pattern, defaultLocale),
    ]).toEqual(['12:00:00', '12:00:00.250']);
  });
});

describe('formatInterval', () => {
  const cases: [number, string, string][] = [
    [0.375, 'hh:mm:ss', '09:00:00'],
    [0.375, 'h:mm:ss TT', '9:00:00'],
    [1.375, 'D hh:mm', '1 09:00'],
    [0.375, 'D hh', '0 09'],
    [1.5, 'hh:mm', '36:00'],
    [35.648, 'mm', '51333'],
    [-0.25, 'h:mm', '-6:00'],
    [1 / 86400 / 4, 'ss.fff', '00.250'],
  ];
  for (const [value, pattern, text] of cases) {
    it(`Interval(${value}, '${pattern}') is ${text}`, () => {
      expect(formatInterval(value, pattern)).toBe(text);
    });
  }
});

describe('date formatting and interpretation round trip', () => {
  // Serials from 1753 to 2200 at millisecond resolution.
  const serial = fc
    .integer({ min: -53_000 * 86_400_000, max: 110_000 * 86_400_000 })
    .map((ms) => ms / 86_400_000);

  it('interpretDateTime(formatDate(s, p), p) gives s back for a full pattern', () => {
    const pattern = 'YYYY-MM-DD hh:mm:ss.fff';
    fc.assert(
      fc.property(serial, (s) => {
        const back = interpretDateTime(
          formatDate(s, pattern, defaultLocale),
          pattern,
          defaultLocale,
        );
        expect(back).toBeCloseTo(s, 8);
      }),
      { seed: 1899, numRuns: 300 },
    );
  });

  it('round-trips the en-US TimestampFormat with AM/PM and the optional fraction', () => {
    const pattern = defaultLocale.timestampFormat;
    fc.assert(
      fc.property(serial, (s) => {
        const back = interpretDateTime(
          formatDate(s, pattern, defaultLocale),
          pattern,
          defaultLocale,
        );
        expect(back).toBeCloseTo(s, 8);
      }),
      { seed: 1230, numRuns: 300 },
    );
  });

  it('round-trips intervals written with D hh:mm:ss.fff', () => {
    const duration = fc.integer({ min: -1e12, max: 1e12 }).map((ms) => ms / 86_400_000);
    fc.assert(
      fc.property(duration, (d) => {
        const back = interpretInterval(
          formatInterval(d, 'D hh:mm:ss.fff'),
          'D hh:mm:ss.fff',
          defaultLocale,
        );
        expect(back).toBeCloseTo(d, 8);
      }),
      { seed: 5, numRuns: 300 },
    );
  });
});
