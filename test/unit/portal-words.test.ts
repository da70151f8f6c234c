/** The small pieces of English and the dates the portal's screens are written with. */
/* eslint-disable @typescript-eslint/ban-ts-comment -- tsconfig.json has no allowJs, so it cannot read the portal's JSDoc types: portal imports are ignored there, and tsconfig.portal.json checks this file with them. */
import { describe, expect, it } from 'vitest';
// @ts-ignore typed by tsconfig.portal.json
import { addDays, dateIn, daysBetween, formatDate, formatDay, formatMoment } from '../../web/portal/dates.js';
// @ts-ignore typed by tsconfig.portal.json
import { clockTime, number, plural, span } from '../../web/portal/words.js';

describe('words', () => {
  it('counts in the singular and the plural', () => {
    expect(plural(1, 'day')).toBe('1 day');
    expect(plural(0, 'day')).toBe('0 days');
    expect(plural(2, 'try', 'tries')).toBe('2 tries');
  });

  it('writes large numbers with thousands separators', () => {
    expect(number(5000)).toBe('5,000');
    expect(number(12)).toBe('12');
  });

  it('says whole weeks in words and any other number of days as days', () => {
    expect(span(14)).toBe('two weeks');
    expect(span(7)).toBe('one week');
    expect(span(77)).toBe('11 weeks');
    expect(span(10)).toBe('10 days');
    expect(span(1)).toBe('1 day');
  });

  it('writes a time of day as the emails do, without a leading zero', () => {
    expect(clockTime('09:00')).toBe('9:00');
    expect(clockTime('10:30')).toBe('10:30');
  });
});

describe('dates', () => {
  it('writes a calendar day in words, with or without its weekday', () => {
    expect(formatDate('2026-11-21')).toBe('21 November 2026');
    expect(formatDay('2027-02-21')).toBe('Sunday 21 February 2027');
    expect(formatDate('soon')).toBe('');
    expect(formatDate(null)).toBe('');
  });

  it('counts days across months and years', () => {
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(addDays('not a date', 1)).toBe('');
    expect(daysBetween('2026-11-20', '2027-01-01')).toBe(42);
  });

  it('finds the calendar day and the time of a moment in a given zone', () => {
    expect(dateIn('2026-11-21T03:00:00Z', 'America/New_York')).toBe('2026-11-20');
    expect(formatMoment('2026-11-21T14:05:00Z', 'Europe/London')).toBe('21 November 2026 at 14:05');
    expect(formatMoment('never', 'Europe/London')).toBe('');
  });
});
