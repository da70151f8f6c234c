// @ts-check
/**
 * The profile form's values as the body of PUT /profile, leaving out what was left empty,
 * with the problems found before sending. Pure: the page reads the controls, this decides.
 */
import { friendlier, profileHints } from './hints.js';
import { readReferralRows } from './new-read-form.js';
import { parseReminders, parseWhole, isTimeZone } from './parse.js';
import { boundsAt, maxLengthAt, rangeAt } from './rules.js';

/** @import { ApiIssue, DefaultRules, Limits, Notifications, Problem } from './types.js' */
/** @import { ReferralValues } from './new-read-form.js' */

/**
 * What the therapist typed or chose, as the controls hold it.
 * @typedef {object} ProfileValues
 * @property {string} displayName
 * @property {string} timeZone
 * @property {string} crisis
 * @property {string} limit
 * @property {string} gap
 * @property {string} maxChars
 * @property {string} months
 * @property {string} format
 * @property {string} remind
 * @property {string} replies
 * @property {string} windowDays
 * @property {string} notifications 'notice', 'full-text' or 'daily-digest'
 * @property {string} invitationNote
 * @property {string} closingNote
 * @property {ReferralValues[]} referrals each row as typed, empty ones included
 * @property {string[]} [incomplete] fields holding text the browser could not read as a number
 */

/** @typedef {keyof Omit<ProfileValues, 'incomplete' | 'referrals'>} ProfileField */

/** How each field is named in the summary of problems. */
export const PROFILE_LABELS = /** @type {const} */ ({
  displayName: 'Your name',
  timeZone: 'Time zone',
  crisis: 'Crisis resources',
  limit: 'How many updates',
  gap: 'Days apart',
  maxChars: 'Longest update',
  months: 'Check-in months',
  format: 'Kind of check-in',
  remind: 'Reminder emails',
  replies: 'Replies',
  windowDays: 'Update window',
  notifications: 'New messages',
  invitationNote: 'Invitation note',
  closingNote: 'Goodbye note',
});

/** @type {Record<string, ProfileField>} */
const BY_PATH = {
  displayName: 'displayName',
  timeZone: 'timeZone',
  crisisLocale: 'crisis',
  'defaultRules.updates.limit': 'limit',
  'defaultRules.updates.minDaysBetween': 'gap',
  'defaultRules.updates.maxCharacters': 'maxChars',
  'defaultRules.checkIn.afterMonths': 'months',
  'defaultRules.checkIn.format': 'format',
  'defaultRules.checkIn.remindDaysBefore': 'remind',
  'defaultRules.replies': 'replies',
  'defaultRules.updates.windowDays': 'windowDays',
  notifications: 'notifications',
  'defaultRules.invitationNote': 'invitationNote',
  'defaultRules.closingNote': 'closingNote',
};

/**
 * The field a problem the service reported belongs to: the nearest path it names.
 * @param {string} path
 * @returns {ProfileField | null}
 */
export function profileFieldForPath(path) {
  let key = path;
  while (key) {
    const found = BY_PATH[key];
    if (found) return found;
    key = key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : '';
  }
  return null;
}

/**
 * The service's problems, beside the fields they concern, in words for people.
 * @param {ApiIssue[]} errors
 * @param {Limits} limits
 * @returns {Problem[]}
 */
export function profileProblemsFromServer(errors, limits) {
  const hints = profileHints(limits);
  return errors.map((e) => ({
    field: profileFieldForPath(e.path ?? ''),
    message: friendlier(e.message ?? '', hints[e.path ?? '']),
  }));
}

/** What the usual rules' controls hold. @typedef {Pick<ProfileValues, 'limit' | 'gap' | 'maxChars' | 'months' | 'windowDays' | 'format' | 'remind' | 'replies' | 'incomplete'>} UsualValues */

/**
 * The usual rules' numbers, check-in and replies, as defaultRules holds them (a practice's defaults too).
 * @param {UsualValues} values
 * @param {Limits} limits
 * @param {(field: ProfileField, message: string) => void} fail
 * @returns {DefaultRules}
 */
export function usualRules(values, limits, fail) {
  const hints = profileHints(limits);
  /** @param {'limit' | 'gap' | 'maxChars' | 'months' | 'windowDays'} field @param {string} path */
  const whole = (field, path) => {
    const n = parseWhole(values[field], values.incomplete?.includes(field));
    if (n === '') return undefined;
    const { min, max } = rangeAt(limits, path);
    if (Number.isNaN(n) || n < min || n > max) {
      fail(field, hints[path] ?? '');
      return undefined;
    }
    return n;
  };
  /** @type {NonNullable<DefaultRules['updates']>} */
  const updates = {};
  const limit = whole('limit', 'defaultRules.updates.limit');
  const gap = whole('gap', 'defaultRules.updates.minDaysBetween');
  const max = whole('maxChars', 'defaultRules.updates.maxCharacters');
  const windowDays = whole('windowDays', 'defaultRules.updates.windowDays');
  if (limit !== undefined) updates.limit = limit;
  if (gap !== undefined) updates.minDaysBetween = gap;
  if (max !== undefined) updates.maxCharacters = max;
  if (windowDays !== undefined) updates.windowDays = windowDays;
  /** @type {NonNullable<DefaultRules['checkIn']>} */
  const checkIn = {};
  const months = whole('months', 'defaultRules.checkIn.afterMonths');
  if (months !== undefined) checkIn.afterMonths = months;
  if (values.format) checkIn.format = /** @type {'message' | 'session'} */ (values.format);
  const days = parseReminders(values.remind, boundsAt(limits, 'defaultRules.checkIn.remindDaysBefore'));
  if (days === null) fail('remind', hints['defaultRules.checkIn.remindDaysBefore'] ?? '');
  else if (days !== '') checkIn.remindDaysBefore = days;

  /** @type {DefaultRules} */
  const defaultRules = {};
  if (Object.keys(updates).length) defaultRules.updates = updates;
  if (Object.keys(checkIn).length) defaultRules.checkIn = checkIn;
  if (values.replies) defaultRules.replies = /** @type {'none' | 'may-reply'} */ (values.replies);
  return defaultRules;
}

/**
 * The referrals and notes new arrangements start with; an empty note is none.
 * @param {Pick<ProfileValues, 'referrals' | 'invitationNote' | 'closingNote'>} values
 * @param {Limits} limits
 * @param {(field: string, message: string) => void} fail
 * @returns {Pick<DefaultRules, 'referrals' | 'invitationNote' | 'closingNote'>}
 */
export function startingWords(values, limits, fail) {
  const hints = profileHints(limits);
  /** @type {Pick<DefaultRules, 'referrals' | 'invitationNote' | 'closingNote'>} */
  const out = {};
  const referrals = readReferralRows(values.referrals, fail);
  if (referrals.length) out.referrals = referrals;
  for (const name of /** @type {const} */ (['invitationNote', 'closingNote'])) {
    const path = `defaultRules.${name}`;
    const note = values[name].trim();
    if (note.length > maxLengthAt(limits, path)) fail(name, hints[path] ?? '');
    else if (note) out[name] = note;
  }
  return out;
}

/**
 * @param {ProfileValues} values
 * @param {Limits} limits the API's limits for a profile
 */
export function readProfileForm(values, limits) {
  const hints = profileHints(limits);
  /** @type {Problem[]} */
  const problems = [];
  /** @param {string} field @param {string} message */
  const fail = (field, message) => problems.push({ field, message });
  /** @type {{ displayName?: string, timeZone?: string, crisisLocale?: string, notifications?: Notifications, defaultRules?: DefaultRules }} */
  const body = {};
  const name = values.displayName.trim();
  if (!name) fail('displayName', 'Enter your name as clients should see it.');
  else body.displayName = name;
  const zone = values.timeZone.trim();
  if (!isTimeZone(zone)) fail('timeZone', hints.timeZone ?? '');
  else body.timeZone = zone;
  body.crisisLocale = values.crisis;
  if (values.notifications) body.notifications = /** @type {Notifications} */ (values.notifications);
  body.defaultRules = { ...usualRules(values, limits, fail), ...startingWords(values, limits, fail) };
  return { body, problems };
}
