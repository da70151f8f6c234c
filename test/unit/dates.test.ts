import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  daysBetween,
  formatDate,
  formatDateWithWeekday,
  instantAt,
  isIsoDate,
  isTimeZone,
  laterOf,
  todayIn,
} from '../../shared/domain/dates.js';

describe('addMonths', () => {
  it.each([
    ['2026-11-30', 3, '2027-02-28'],
    ['2027-01-31', 1, '2027-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-08-31', 3, '2026-11-30'],
    ['2026-11-20', 3, '2027-02-20'],
    ['2026-10-31', 4, '2027-02-28'],
    ['2027-12-15', 1, '2028-01-15'],
    ['2026-05-31', 1, '2026-06-30'],
  ])('clamps %s + %i months to %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it('keeps the day of the month when the target month is long enough', () => {
    expect(addMonths('2027-01-30', 2)).toBe('2027-03-30');
  });

  it('refuses a string that is not a date', () => {
    expect(() => addMonths('not-a-date', 1)).toThrow(RangeError);
  });
});

describe('years before 100', () => {
  it('are read as written, not as 19xx', () => {
    expect(isIsoDate('0099-12-31')).toBe(true);
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(addMonths('0050-01-31', 1)).toBe('0050-02-28');
  });
});

describe('addDays', () => {
  it('moves one calendar day across the US spring-forward change', () => {
    expect(addDays('2027-03-13', 1)).toBe('2027-03-14');
    expect(addDays('2027-03-14', 1)).toBe('2027-03-15');
  });

  it('moves one calendar day across the US fall-back change', () => {
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
    expect(addDays('2026-11-01', 1)).toBe('2026-11-02');
  });

  it('adds the 42-day default window across a year end', () => {
    expect(addDays('2026-11-20', 42)).toBe('2027-01-01');
  });

  it('goes backwards with a negative count, across a month end', () => {
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('returns the same date for zero days', () => {
    expect(addDays('2027-02-20', 0)).toBe('2027-02-20');
  });

  it('refuses an impossible date', () => {
    expect(() => addDays('2027-02-30', 1)).toThrow(RangeError);
  });
});

describe('instantAt', () => {
  it('puts 09:00 in New York on the spring-forward day at 13:00 UTC (EDT)', () => {
    expect(instantAt('2027-03-14', '09:00', 'America/New_York')).toBe('2027-03-14T13:00:00.000Z');
  });

  it('puts 09:00 in New York the day before spring-forward at 14:00 UTC (EST)', () => {
    expect(instantAt('2027-03-13', '09:00', 'America/New_York')).toBe('2027-03-13T14:00:00.000Z');
  });

  it('puts 09:00 in New York on the fall-back day at 14:00 UTC (EST)', () => {
    expect(instantAt('2026-11-01', '09:00', 'America/New_York')).toBe('2026-11-01T14:00:00.000Z');
  });

  it('puts 09:00 in New York the day before fall-back at 13:00 UTC (EDT)', () => {
    expect(instantAt('2026-10-31', '09:00', 'America/New_York')).toBe('2026-10-31T13:00:00.000Z');
  });

  it('puts 09:00 in London on the day clocks go forward at 08:00 UTC (BST)', () => {
    expect(instantAt('2027-03-28', '09:00', 'Europe/London')).toBe('2027-03-28T08:00:00.000Z');
    expect(instantAt('2027-03-27', '09:00', 'Europe/London')).toBe('2027-03-27T09:00:00.000Z');
  });

  it('puts 09:00 in Sydney on the previous UTC day, following the southern-hemisphere DST change', () => {
    // DST ends in Sydney on Sunday 4 April 2027 (AEDT +11 → AEST +10).
    expect(instantAt('2027-04-03', '09:00', 'Australia/Sydney')).toBe('2027-04-02T22:00:00.000Z');
    expect(instantAt('2027-04-04', '09:00', 'Australia/Sydney')).toBe('2027-04-03T23:00:00.000Z');
    // DST starts in Sydney on Sunday 4 October 2026 (AEST +10 → AEDT +11).
    expect(instantAt('2026-10-03', '09:00', 'Australia/Sydney')).toBe('2026-10-02T23:00:00.000Z');
    expect(instantAt('2026-10-04', '09:00', 'Australia/Sydney')).toBe('2026-10-03T22:00:00.000Z');
  });

  it('moves a wall-clock time inside a DST gap forward to a time that exists', () => {
    // 02:30 does not exist in New York on 14 March 2027; it becomes 03:30 EDT.
    expect(instantAt('2027-03-14', '02:30', 'America/New_York')).toBe('2027-03-14T07:30:00.000Z');
  });

  it('takes the first of the two instants of a wall-clock time that occurs twice (clocks going back)', () => {
    // 01:30 happens at 05:30 UTC (EDT) and again at 06:30 UTC (EST) on 1 November 2026.
    expect(instantAt('2026-11-01', '01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
  });

  it('lands on the same calendar date in the zone, for any date and zone', () => {
    const anyDate = fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const zones = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Pacific/Auckland', 'Asia/Kolkata', 'UTC'];
    fc.assert(
      fc.property(anyDate, fc.constantFrom(...zones), (date, zone) => {
        expect(todayIn(zone, new Date(instantAt(date, '09:00', zone)))).toBe(date);
      }),
    );
  });

  it('refuses a time that is not HH:MM', () => {
    expect(() => instantAt('2027-02-20', '9am', 'UTC')).toThrow(RangeError);
  });

  it('uses UTC as is', () => {
    expect(instantAt('2027-02-20', '09:00', 'UTC')).toBe('2027-02-20T09:00:00.000Z');
  });

  it('throws for a zone that does not exist', () => {
    expect(() => instantAt('2027-02-20', '09:00', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('todayIn', () => {
  it('gives a different date for the same instant in Auckland and Los Angeles', () => {
    const instant = new Date('2026-11-20T11:00:00.000Z');
    expect(todayIn('Pacific/Auckland', instant)).toBe('2026-11-21');
    expect(todayIn('America/Los_Angeles', instant)).toBe('2026-11-20');
  });

  it('turns the date over exactly at local midnight in Auckland', () => {
    expect(todayIn('Pacific/Auckland', new Date('2026-11-20T10:59:59.999Z'))).toBe('2026-11-20');
    expect(todayIn('Pacific/Auckland', new Date('2026-11-20T11:00:00.000Z'))).toBe('2026-11-21');
  });

  it('turns the date over exactly at local midnight in Los Angeles', () => {
    expect(todayIn('America/Los_Angeles', new Date('2026-11-21T07:59:59.999Z'))).toBe('2026-11-20');
    expect(todayIn('America/Los_Angeles', new Date('2026-11-21T08:00:00.000Z'))).toBe('2026-11-21');
  });

  it('throws a RangeError for a zone that does not exist, like instantAt, instead of returning a non-date', () => {
    expect(() => todayIn('Mars/Olympus_Mons', new Date('2026-11-20T11:00:00.000Z'))).toThrow(RangeError);
  });

  it('is still yesterday in New York when it is already tomorrow in UTC', () => {
    const instant = new Date('2027-01-01T03:00:00.000Z');
    expect(todayIn('UTC', instant)).toBe('2027-01-01');
    expect(todayIn('America/New_York', instant)).toBe('2026-12-31');
  });
});

describe('daysBetween', () => {
  it('counts whole days forwards', () => {
    expect(daysBetween('2026-11-20', '2027-01-01')).toBe(42);
  });

  it('is negative when the second date is earlier', () => {
    expect(daysBetween('2027-01-01', '2026-11-20')).toBe(-42);
  });

  it('is zero for the same day', () => {
    expect(daysBetween('2027-02-20', '2027-02-20')).toBe(0);
  });

  it('counts a leap day', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
  });

  it('counts whole days across a DST change', () => {
    expect(daysBetween('2027-03-13', '2027-03-15')).toBe(2);
    expect(daysBetween('2026-10-31', '2026-11-02')).toBe(2);
  });

  it('is the inverse of addDays for any date and offset', () => {
    const anyDate = fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -1000, max: 1000 }), (date, n) => {
        expect(daysBetween(date, addDays(date, n))).toBe(n);
      }),
    );
  });
});

describe('laterOf', () => {
  it('returns the later of two dates, in either order', () => {
    expect(laterOf('2027-01-01', '2027-03-06')).toBe('2027-03-06');
    expect(laterOf('2027-03-06', '2027-01-01')).toBe('2027-03-06');
    expect(laterOf('2027-03-06', '2027-03-06')).toBe('2027-03-06');
  });
});

describe('isIsoDate', () => {
  it.each(['2027-02-28', '2028-02-29', '2026-11-20', '2027-12-31'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each([
    '2027-02-30',
    '2027-02-29',
    '2027-13-01',
    '2027-00-10',
    '2027-2-3',
    '2027-02-3',
    '27-02-03',
    '2027/02/03',
    '2027-02-03T00:00',
    ' 2027-02-03',
    '',
    'tomorrow',
  ])('rejects %j', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('isTimeZone', () => {
  it.each(['America/New_York', 'Europe/London', 'Australia/Sydney', 'Pacific/Auckland', 'UTC'])(
    'accepts %s',
    (zone) => {
      expect(isTimeZone(zone)).toBe(true);
    },
  );

  it.each(['Mars/Olympus_Mons', 'New York', '', '+25:00'])('rejects %j', (zone) => {
    expect(isTimeZone(zone)).toBe(false);
  });
});

describe('formatDate', () => {
  it('writes day, full month name and year', () => {
    expect(formatDate('2026-11-28')).toBe('28 November 2026');
    expect(formatDate('2027-03-03')).toBe('3 March 2027');
  });

  it('adds the weekday for the check-in day', () => {
    expect(formatDateWithWeekday('2027-02-21')).toBe('Sunday 21 February 2027');
  });
});
