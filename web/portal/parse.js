// @ts-check
/** Reading what a therapist typed: whole numbers, lists of days, time zones. No page needed. */

/** @import { Bounds } from './types.js' */

/**
 * A whole number from a field's text: '' when empty, NaN when not a whole number.
 * `badInput` is the browser's word that a number field holds text it could not read (its value is then '').
 * @param {string} text
 * @param {boolean} [badInput]
 * @returns {number | ''}
 */
export function parseWhole(text, badInput = false) {
  const raw = text.trim();
  if (raw === '' && !badInput) return '';
  const n = Number(raw);
  return Number.isInteger(n) ? n : NaN;
}

/**
 * "7, 1" → [7, 1]; '' → ''; NaN entries make the result null (not understood).
 * @param {string} text
 * @returns {number[] | '' | null}
 */
export function parseDayList(text) {
  const raw = text.trim();
  if (raw === '') return '';
  const parts = raw.split(/[\s,;]+/).filter(Boolean);
  const numbers = parts.map(Number);
  return numbers.every((n) => Number.isInteger(n)) ? numbers : null;
}

/**
 * Reminder days: "none" → [], '' → '' (leave it to the default), a list within the bounds
 * → its distinct days, anything else → null.
 * @param {string} text
 * @param {Bounds} bounds the API's bounds for the list: maxItems, and each day's minimum and maximum
 * @returns {number[] | '' | null}
 */
export function parseReminders(text, bounds) {
  const raw = text.trim();
  if (/^(none|no|0)$/i.test(raw)) return [];
  const days = parseDayList(raw);
  if (days === null || days === '') return days;
  const { maxItems = Infinity, minimum = -Infinity, maximum = Infinity } = bounds;
  if (days.length > maxItems || days.some((d) => d < minimum || d > maximum)) return null;
  return [...new Set(days)];
}

/**
 * The IANA zones this browser knows, for a datalist.
 * @param {string | null | undefined} current
 */
export function timeZones(current) {
  /** @type {string[]} */
  let zones = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [
      'America/New_York',
      'America/Chicago',
      'America/Denver',
      'America/Los_Angeles',
      'Europe/London',
      'Europe/Dublin',
      'Australia/Sydney',
      'Pacific/Auckland',
      'America/Toronto',
    ];
  }
  if (current && !zones.includes(current)) zones = [current, ...zones];
  return zones;
}

/** @param {string} value */
export function isTimeZone(value) {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return Boolean(value);
  } catch {
    return false;
  }
}
