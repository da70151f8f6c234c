// @ts-check
/**
 * The practice's bounds on a new arrangement (or a change): said beside the fields they
 * concern before anything is sent, and, when the service refuses a policy beyond one
 * (409 outside-practice-bounds), the refusal placed beside the field the bound names.
 * Pure: the same words for the hints and for the refusal.
 */
import { rangeAt } from './rules.js';
import { number, plural } from './words.js';

/** @import { BoundBreach, Limits, PracticeBounds, Problem } from './types.js' */
/** @import { NewValues } from './new-read-form.js' */

/** How a check-in format is named in a sentence. */
const FORMATS = { message: 'a check-in message', session: 'a check-in session' };

/**
 * "a check-in message" / "a check-in message or a check-in session"
 * @param {string[]} formats
 */
function formatWords(formats) {
  return formats.map((f) => FORMATS[/** @type {keyof typeof FORMATS} */ (f)] ?? f).join(' or ');
}

/**
 * What the practice allows, in one sentence for each bound; with what was asked, when known.
 * @param {string} bound
 * @param {number | string[]} allowed
 * @param {number | string} [offered]
 */
export function boundSentence(bound, allowed, offered) {
  if (bound === 'checkInFormats') {
    const formats = Array.isArray(allowed) ? allowed : [];
    return formats.length
      ? `Your practice allows only ${formatWords(formats)}, or no check-in.`
      : 'Your practice does not offer check-ins: choose “No check-in”.';
  }
  const n = Number(allowed);
  const asked = typeof offered === 'number' ? offered : null;
  switch (bound) {
    case 'maxUpdates':
      return `Your practice allows up to ${plural(n, 'update')}${asked === null ? '' : `; this would offer ${asked}`}.`;
    case 'maxCharacters':
      return `Your practice allows updates of up to ${number(n)} characters${asked === null ? '' : `; this would allow ${number(asked)}`}.`;
    case 'maxWindowDays':
      return `Your practice allows updates over at most ${plural(n, 'day')}, counting the first and last day${asked === null ? '' : `; these dates make ${asked}`}.`;
    default:
      return 'This goes beyond what your practice allows.';
  }
}

/**
 * The hints shown beside the fields: only where the practice allows less than the service
 * does (the window has no limit of the service's own, so its hint is always given).
 * @param {PracticeBounds | null | undefined} bounds
 * @param {Limits} limits the service's limits for a new policy
 * @returns {{ limit?: string, maxChars?: string, weeks?: string, format?: string }}
 */
export function boundHints(bounds, limits) {
  if (!bounds) return {};
  /** @type {{ limit?: string, maxChars?: string, weeks?: string, format?: string }} */
  const hints = {};
  if (bounds.maxUpdates < rangeAt(limits, 'updates.limit').max)
    hints.limit = boundSentence('maxUpdates', bounds.maxUpdates);
  if (bounds.maxCharacters < rangeAt(limits, 'updates.maxCharacters').max)
    hints.maxChars = boundSentence('maxCharacters', bounds.maxCharacters);
  hints.weeks = boundSentence('maxWindowDays', bounds.maxWindowDays);
  if (bounds.checkInFormats.length < Object.keys(FORMATS).length)
    hints.format = boundSentence('checkInFormats', bounds.checkInFormats);
  return hints;
}

/**
 * Help text with the practice's hint after it.
 * @param {string} help
 * @param {string | undefined} hint
 */
export const withHint = (help, hint) => (hint ? `${help} ${hint}` : help);

/**
 * The field of the form a bound is about. The window is set by the weeks, unless a last day was typed.
 * @param {string} bound
 * @param {Pick<NewValues, 'until'>} values what was sent
 * @returns {string | null}
 */
export function fieldForBound(bound, values) {
  switch (bound) {
    case 'maxUpdates':
      return 'limit';
    case 'maxCharacters':
      return 'maxChars';
    case 'maxWindowDays':
      return values.until ? 'until' : 'weeks';
    case 'checkInFormats':
      return 'format';
    default:
      return null;
  }
}

/**
 * A refusal beyond the practice's bounds as problems beside the fields; the service's own words
 * when it named no bound the form knows.
 * @param {BoundBreach[]} breaches
 * @param {Pick<NewValues, 'until'>} values
 * @param {string} detail
 * @returns {Problem[]}
 */
export function boundProblems(breaches, values, detail) {
  const placed = breaches.map((b) => ({
    field: fieldForBound(b.bound, values),
    message: boundSentence(b.bound, b.allowed, b.offered),
  }));
  return placed.length ? placed : [{ field: null, message: detail || 'This goes beyond what your practice allows.' }];
}
