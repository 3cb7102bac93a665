import { describe, expect, it } from 'vitest';
import { defaultLocale, localeFromVariables } from './locale.js';

describe('localeFromVariables', () => {
  it('starts from the en-US defaults of a new app', () => {
    expect(localeFromVariables(() => undefined)).toEqual(defaultLocale);
  });

  it('takes separators, formats, name lists and week settings from SET variables', () => {
    const locale = localeFromVariables(
      (name) =>
        ({
          DecimalSep: ',',
          DateFormat: 'DD.MM.YYYY',
          DayNames: 'Mo;Di;Mi;Do;Fr;Sa;So',
          FirstWeekDay: '0',
          BrokenWeeks: '0',
          ReferenceDay: '4',
        })[name],
    );
    expect(locale).toMatchObject({
      decimalSep: ',',
      dateFormat: 'DD.MM.YYYY',
      dayNames: ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'],
      firstWeekDay: 0,
      brokenWeeks: false,
      referenceDay: 4,
    });
  });

  it('keeps the base value for a name list of the wrong length', () => {
    expect(
      localeFromVariables((name) => (name === 'MonthNames' ? 'a;b' : undefined)).monthNames,
    ).toBe(defaultLocale.monthNames);
  });
});
