// @ts-check
/** Small pieces of English the screens share: counts, numbers, lengths of time. */

/**
 * "1 day", "3 days".
 * @param {number} n
 * @param {string} one
 * @param {string} [many]
 */
export const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * 5000 as "5,000", the way the rest of the portal writes numbers.
 * @param {number} n
 */
export const number = (n) => n.toLocaleString('en-US');

const SMALL = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/**
 * A number of days in words: whole weeks as "two weeks", anything else as "10 days".
 * @param {number} days
 */
export function span(days) {
  if (days <= 0 || days % 7 !== 0) return plural(days, 'day');
  const weeks = days / 7;
  return `${SMALL[weeks] ?? weeks} ${weeks === 1 ? 'week' : 'weeks'}`;
}

/**
 * "09:00" as "9:00", as the emails write it.
 * @param {string} time
 */
export const clockTime = (time) => time.replace(/^0(?=\d:)/, '');
