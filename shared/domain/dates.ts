/**
 * Calendar arithmetic for policies. Every rule in the product is stated in whole days of the
 * policy's own time zone, so dates travel as ISO strings ("2027-02-28") and only become
 * instants at the edge (scheduling at 09:00 local time). date-fns does the calendar
 * (month-end clamping: 30 Nov + 3 months = 28 Feb) on dates held at midnight UTC, and
 * @date-fns/tz the DST-aware local times, from the platform's own time-zone data (Intl).
 * Both load in a fraction of the time Luxon took at a cold start (see the README).
 */
import { TZDate } from '@date-fns/tz';
import { addDays as plusDays, addMonths as plusMonths, differenceInCalendarDays } from 'date-fns';

/** An ISO calendar date, YYYY-MM-DD, with no time zone attached. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL_TIME = /^(\d{2}):(\d{2})$/;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The calendar date as midnight UTC, or undefined when it is not a real date (30 February). */
function parse(date: string): TZDate | undefined {
  const m = ISO_DATE.exec(date);
  if (!m) return undefined;
  const [year, month, dayOfMonth] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const dt = new TZDate(0, 'UTC');
  // setFullYear, not the constructor: that one reads years 0–99 as 1900–1999.
  dt.setFullYear(year, month, dayOfMonth);
  return dt.getFullYear() === year && dt.getMonth() === month && dt.getDate() === dayOfMonth ? dt : undefined;
}

/** The date a TZDate shows on its own calendar (UTC for parsed dates, the zone for todayIn). */
const iso = (dt: TZDate): IsoDate => `${pad(dt.getFullYear(), 4)}-${pad(dt.getMonth() + 1)}-${pad(dt.getDate())}`;

export function isIsoDate(value: string): boolean {
  return parse(value) !== undefined;
}

const zones = new Map<string, boolean>();

/** An IANA zone the platform knows (asked once per zone: building a formatter is not free). */
export function isTimeZone(value: string): boolean {
  let known = zones.get(value);
  if (known === undefined) {
    try {
      known = Boolean(value) && Boolean(new Intl.DateTimeFormat('en-US', { timeZone: value }));
    } catch {
      known = false;
    }
    zones.set(value, known);
  }
  return known;
}

function day(date: IsoDate): TZDate {
  const parsed = parse(date);
  if (!parsed) throw new RangeError('not an ISO date');
  return parsed;
}

/** The calendar date it is at `instant` in `timeZone`. */
export function todayIn(timeZone: string, instant: Date): IsoDate {
  const dt = isTimeZone(timeZone) ? new TZDate(instant.getTime(), timeZone) : undefined;
  if (!dt || Number.isNaN(dt.getTime())) throw new RangeError('not a valid time zone or instant');
  return iso(dt);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return iso(plusDays(day(date), days));
}

/** Adds whole months, clamping to the last day of a shorter month. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return iso(plusMonths(day(date), months));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(day(to), day(from));
}

export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/**
 * The UTC instant of a wall-clock time ("09:00") on a date in a zone. A time that falls in a
 * DST gap moves forward by the gap (02:30 becomes 03:30), so a schedule never lands on a time
 * that does not exist; a time that occurs twice (the hour clocks go back) is its first instant.
 */
export function instantAt(date: IsoDate, time: string, timeZone: string): string {
  const d = parse(date);
  const t = WALL_TIME.exec(time);
  const dt =
    d && t && isTimeZone(timeZone)
      ? new TZDate(d.getFullYear(), d.getMonth(), d.getDate(), Number(t[1]), Number(t[2]), timeZone)
      : undefined;
  if (!dt || Number.isNaN(dt.getTime())) throw new RangeError('not a valid local time');
  return new Date(dt.getTime()).toISOString();
}

const FORMAT = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
const formats = new Map<boolean, Intl.DateTimeFormat>();

/** The named parts only, built on first use: the separators the platform's locale data puts between them vary. */
const words = (weekday: boolean, date: IsoDate) => {
  let format = formats.get(weekday);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', weekday ? { ...FORMAT, weekday: 'long' } : FORMAT);
    formats.set(weekday, format);
  }
  return format
    .formatToParts(day(date))
    .filter((p) => p.type !== 'literal')
    .map((p) => p.value)
    .join(' ');
};

/** "21 February 2027": the form every email and page uses, unambiguous on both sides of the Atlantic. */
export function formatDate(date: IsoDate): string {
  return words(false, date);
}

/** "Sunday 21 February 2027", for the check-in day itself. */
export function formatDateWithWeekday(date: IsoDate): string {
  return words(true, date);
}
