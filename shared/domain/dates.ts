/**
 * Calendar arithmetic for policies. Every rule in the product is stated in whole days of the
 * policy's own time zone, so dates travel as ISO strings ("2027-02-28") and only become
 * instants at the edge (scheduling at 09:00 local time). Luxon does the hard parts:
 * month-end clamping (30 Nov + 3 months = 28 Feb) and DST-aware local times.
 */
import { DateTime, IANAZone } from 'luxon';

/** An ISO calendar date, YYYY-MM-DD, with no time zone attached. */
export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}

export function isTimeZone(value: string): boolean {
  return IANAZone.isValidZone(value);
}

function day(date: IsoDate): DateTime<true> {
  const parsed = DateTime.fromISO(date, { zone: 'UTC' });
  if (!parsed.isValid) throw new RangeError('not an ISO date');
  return parsed;
}

/** Valid DateTimes only: for an invalid one, toISODate has no date to give. */
function iso(dt: DateTime<true>): IsoDate {
  return dt.toISODate();
}

/** The calendar date it is at `instant` in `timeZone`. */
export function todayIn(timeZone: string, instant: Date): IsoDate {
  const dt = DateTime.fromJSDate(instant, { zone: timeZone });
  if (!dt.isValid) throw new RangeError('not a valid time zone or instant');
  return iso(dt);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return iso(day(date).plus({ days }));
}

/** Adds whole months, clamping to the last day of a shorter month. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return iso(day(date).plus({ months }));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round(day(to).diff(day(from), 'days').days);
}

export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/**
 * The UTC instant of a wall-clock time on a date in a zone. Luxon moves a time that falls
 * in a DST gap forward, so a schedule never lands on a time that does not exist.
 */
export function instantAt(date: IsoDate, time: string, timeZone: string): string {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
  if (!dt.isValid) throw new RangeError('not a valid local time');
  return dt.toUTC().toISO();
}

/** "21 February 2027": the form every email and page uses, unambiguous on both sides of the Atlantic. */
export function formatDate(date: IsoDate): string {
  return day(date).setLocale('en-GB').toFormat('d MMMM yyyy');
}

/** "Sunday 21 February 2027", for the check-in day itself. */
export function formatDateWithWeekday(date: IsoDate): string {
  return day(date).setLocale('en-GB').toFormat('cccc d MMMM yyyy');
}
