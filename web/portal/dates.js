// @ts-check
/** Dates for the therapist: calendar days (YYYY-MM-DD) and moments, in plain words. */

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const WEEKDAY = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** @param {string | null | undefined} iso */
function utcDate(iso) {
  const m = ISO_DATE.exec(iso ?? '');
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/**
 * "21 November 2026" (the same form the client's emails use).
 * @param {string | null | undefined} iso
 */
export function formatDate(iso) {
  const d = utcDate(iso);
  return d ? DAY.format(d) : '';
}

/**
 * "Sunday 21 February 2027"
 * @param {string | null | undefined} iso
 */
export function formatDay(iso) {
  const d = utcDate(iso);
  return d ? WEEKDAY.format(d).replace(',', '') : '';
}

/**
 * A moment ("2026-11-21T14:05:00Z") as "21 November 2026, 09:05" in the given zone.
 * @param {string} instant
 * @param {string} timeZone
 */
export function formatMoment(instant, timeZone) {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return '';
  /** @type {Intl.DateTimeFormatOptions} */
  const parts = { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' };
  try {
    return new Intl.DateTimeFormat('en-GB', { ...parts, timeZone }).format(d);
  } catch {
    // An unknown zone: the moment in the browser's own zone rather than nothing.
    return new Intl.DateTimeFormat('en-GB', parts).format(d);
  }
}

/**
 * The calendar date of a moment in a zone, as YYYY-MM-DD.
 * @param {string | number} instant
 * @param {string} timeZone
 */
export function dateIn(instant, timeZone) {
  try {
    return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(
      new Date(instant),
    );
  } catch {
    return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(instant),
    );
  }
}

/** @param {string} timeZone */
export function today(timeZone) {
  return dateIn(Date.now(), timeZone);
}

/**
 * @param {string} iso
 * @param {number} days
 */
export function addDays(iso, days) {
  const d = utcDate(iso);
  if (!d) return '';
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * @param {string} fromIso
 * @param {string} toIso
 */
export function daysBetween(fromIso, toIso) {
  const a = utcDate(fromIso);
  const b = utcDate(toIso);
  return a && b ? Math.round((b.getTime() - a.getTime()) / 86_400_000) : 0;
}
