// @ts-check
/**
 * Plain-language messages for fields that are out of range, by API path. The numbers in them
 * come from the service's own limits (rules.json), so they say exactly what it accepts.
 */
import { boundsAt, maxLengthAt, rangeAt } from './rules.js';
import { number } from './words.js';

/** @import { Limits } from './types.js' */

const TIME_ZONE = 'Choose a time zone from the list, such as America/New_York.';
const COMPLETE_DATE = 'Enter a complete date.';

/**
 * "From 1 to 5,000.", for a field's help.
 * @param {Limits} limits
 * @param {string} path
 */
export function fromTo(limits, path) {
  const { min, max } = rangeAt(limits, path);
  return `From ${number(min)} to ${number(max)}.`;
}

/**
 * "Choose a number of days from 0 to 365."
 * @param {Limits} limits
 * @param {string} path
 * @param {string} [unit]
 */
export function rangeHint(limits, path, unit) {
  const { min, max } = rangeAt(limits, path);
  return `Choose a number${unit ? ` of ${unit}` : ''} from ${number(min)} to ${number(max)}.`;
}

/**
 * @param {Limits} limits
 * @param {string} path
 */
function remindersHint(limits, path) {
  const { maxItems, minimum, maximum } = boundsAt(limits, path);
  return `Use up to ${maxItems} reminders, each ${minimum} to ${maximum} days before, for example 7, 1.`;
}

/**
 * For the new-arrangement form, by the paths of POST /policies.
 * @param {Limits} limits the API's limits for a new policy
 * @returns {Record<string, string>}
 */
export function policyHints(limits) {
  return {
    'client.name': `Enter the client’s name (up to ${number(maxLengthAt(limits, 'client.name'))} characters).`,
    'client.email': 'Enter an email address like name@example.com.',
    endedOn: 'Enter the date therapy ended.',
    timeZone: TIME_ZONE,
    'updates.limit': rangeHint(limits, 'updates.limit'),
    'updates.minDaysBetween': rangeHint(limits, 'updates.minDaysBetween', 'days'),
    'updates.maxCharacters': rangeHint(limits, 'updates.maxCharacters'),
    'updates.from': COMPLETE_DATE,
    'updates.until': COMPLETE_DATE,
    'checkIn.afterMonths': rangeHint(limits, 'checkIn.afterMonths', 'months'),
    'checkIn.on': COMPLETE_DATE,
    'checkIn.note': `Keep the note to ${number(maxLengthAt(limits, 'checkIn.note'))} characters or fewer.`,
    'checkIn.remindDaysBefore': remindersHint(limits, 'checkIn.remindDaysBefore'),
    closesOn: COMPLETE_DATE,
  };
}

/**
 * For the profile form, by the paths of PUT /profile.
 * @param {Limits} limits the API's limits for a profile
 * @returns {Record<string, string>}
 */
export function profileHints(limits) {
  return {
    displayName: `Enter your name as clients should see it (up to ${number(maxLengthAt(limits, 'displayName'))} characters).`,
    timeZone: TIME_ZONE,
    'defaultRules.updates.limit': rangeHint(limits, 'defaultRules.updates.limit'),
    'defaultRules.updates.minDaysBetween': rangeHint(limits, 'defaultRules.updates.minDaysBetween', 'days'),
    'defaultRules.updates.maxCharacters': rangeHint(limits, 'defaultRules.updates.maxCharacters'),
    'defaultRules.checkIn.afterMonths': rangeHint(limits, 'defaultRules.checkIn.afterMonths', 'months'),
    'defaultRules.checkIn.remindDaysBefore': remindersHint(limits, 'defaultRules.checkIn.remindDaysBefore'),
    'defaultRules.updates.windowDays': rangeHint(limits, 'defaultRules.updates.windowDays', 'days'),
    'defaultRules.invitationNote': noteHint(limits, 'defaultRules.invitationNote'),
    'defaultRules.closingNote': noteHint(limits, 'defaultRules.closingNote'),
  };
}

/**
 * @param {Limits} limits
 * @param {string} path
 */
function noteHint(limits, path) {
  return `Keep the note to ${number(maxLengthAt(limits, path))} characters or fewer.`;
}

/**
 * The server's validation messages are written for developers; these say the same for people.
 * @param {string} message
 * @param {string | undefined} hint
 */
export function friendlier(message, hint) {
  if (!hint) return message;
  return /expected|invalid|too (big|small)|received|must match/i.test(message) ? hint : message;
}
