// @ts-check
/**
 * The new-arrangement form's values as the body of POST /policies (or of its preview),
 * leaving out what the therapist left empty, with the problems found before sending.
 * Pure: the page reads the controls into plain values; this decides what they mean.
 */
import { addDays } from './dates.js';
import { policyHints } from './hints.js';
import { isTimeZone, parseReminders, parseWhole } from './parse.js';
import { boundsAt, rangeAt } from './rules.js';

/** @import { CheckInFormat, PortalRules, Problem, Replies } from './types.js' */

/** @typedef {{ key: number, name: string, contact: string }} ReferralValues */

/**
 * What the form holds, as its controls hold it (untrimmed text; '' for empty).
 * @typedef {object} NewValues
 * @property {string} clientName
 * @property {string} clientEmail
 * @property {string} endedOn
 * @property {string} timeZone
 * @property {string} limit
 * @property {string} gap
 * @property {string} weeks
 * @property {string} maxChars
 * @property {string} from
 * @property {string} until
 * @property {string} format 'message', 'session' or 'none'
 * @property {string} months
 * @property {string} checkinOn
 * @property {string} note
 * @property {string} remind
 * @property {string} replies
 * @property {string} closesOn
 * @property {string} crisis
 * @property {ReferralValues[]} referrals each row as typed, empty ones included
 * @property {string[]} [incomplete] date and number fields holding something the browser could not read
 */

/** @typedef {'endedOn' | 'from' | 'until' | 'checkinOn' | 'closesOn'} DateField */
/** @typedef {'limit' | 'gap' | 'weeks' | 'maxChars' | 'months'} NumberField */

/**
 * @typedef {object} PolicyBody
 * @property {{ name: string, email: string }} client
 * @property {string} endedOn
 * @property {string} [timeZone]
 * @property {{ limit?: number, minDaysBetween?: number, maxCharacters?: number, from?: string, until?: string }} [updates]
 * @property {{ format: string, on?: string, afterMonths?: number, note?: string, remindDaysBefore?: number[] } | null} [checkIn]
 * @property {Replies | string} [replies]
 * @property {string} [closesOn]
 * @property {{ name: string, contact: string }[]} [referrals]
 * @property {string} [crisisLocale]
 */

/** The portal's own bound: the API takes dates, and the form offers weeks as a shortcut. */
export const WEEKS = { min: 1, max: 104 };

/** What the form takes as an email address; the service checks it properly. */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The helpers every part of the form is read with: they note problems as they go.
 * @param {NewValues} values
 * @param {PortalRules} rules
 */
function reader(values, rules) {
  const limits = rules.limits.policy;
  const hints = policyHints(limits);
  /** @type {Problem[]} */
  const problems = [];
  /** @param {string} field @param {string} message */
  const fail = (field, message) => problems.push({ field, message });
  /** @param {string} field */
  const incomplete = (field) => Boolean(values.incomplete?.includes(field));
  /**
   * @param {NumberField} field
   * @param {string} path the API path whose hint explains the range
   * @param {{ min: number, max: number }} [range] the API's own, unless given
   */
  const whole = (field, path, range = rangeAt(limits, path)) => {
    const n = parseWhole(values[field], incomplete(field));
    if (n === '') return undefined;
    if (Number.isNaN(n) || n < range.min || n > range.max) {
      fail(field, hints[path] ?? `Choose a whole number from ${range.min} to ${range.max}.`);
      return undefined;
    }
    return n;
  };
  /** @param {DateField} field */
  const date = (field) => {
    if (incomplete(field)) {
      fail(field, 'Enter a complete date, or clear the field.');
      return undefined;
    }
    return values[field] || undefined;
  };
  return { values, rules, limits, hints, problems, fail, incomplete, whole, date };
}

/** @typedef {ReturnType<typeof reader>} Reader */

/**
 * @param {Reader} r
 * @param {boolean} forPreview
 * @param {boolean} submitted
 */
function readClient({ values, fail }, forPreview, submitted) {
  const name = values.clientName.trim();
  const email = values.clientEmail.trim();
  // The preview needs someone to address: until the real details are in, a stand-in. After a
  // first attempt to send, the client fields' messages are kept current while typing.
  if (!forPreview || submitted) {
    if (!name) fail('clientName', 'Enter the client’s name.');
    if (!email) fail('clientEmail', 'Enter the client’s email address.');
    else if (!EMAIL.test(email)) fail('clientEmail', 'Enter an email address like name@example.com.');
  }
  return forPreview
    ? { name: name || '(client’s name)', email: EMAIL.test(email) ? email : 'client@example.com' }
    : { name, email };
}

/**
 * @param {Reader} r
 * @param {string} endedOn
 */
function readUpdates({ whole, date }, endedOn) {
  /** @type {NonNullable<PolicyBody['updates']>} */
  const updates = {};
  const limit = whole('limit', 'updates.limit');
  if (limit !== undefined) updates.limit = limit;
  if (limit !== 0) {
    const gap = whole('gap', 'updates.minDaysBetween');
    if (gap !== undefined) updates.minDaysBetween = gap;
    const max = whole('maxChars', 'updates.maxCharacters');
    if (max !== undefined) updates.maxCharacters = max;
    const weeks = whole('weeks', 'updates.weeks', WEEKS);
    const from = date('from');
    const until = date('until');
    if (from) updates.from = from;
    if (until) updates.until = until;
    else if (weeks !== undefined && endedOn) updates.until = addDays(endedOn, weeks * 7);
  }
  return { limit, updates };
}

/**
 * The check-in, or null for none.
 * @param {Reader} r
 */
function readCheckIn({ values, limits, hints, fail, whole, date }) {
  const format = values.format;
  if (format === 'none') return null;
  /** @type {NonNullable<PolicyBody['checkIn']>} */
  const checkIn = { format };
  const on = date('checkinOn');
  const months = whole('months', 'checkIn.afterMonths');
  if (on) checkIn.on = on;
  else if (months !== undefined) checkIn.afterMonths = months;
  const note = values.note.trim();
  if (/** @type {CheckInFormat} */ (format) === 'session' && note) checkIn.note = note;
  const days = parseReminders(values.remind, boundsAt(limits, 'checkIn.remindDaysBefore'));
  if (days === null) fail('remind', hints['checkIn.remindDaysBefore'] ?? '');
  else if (days !== '') checkIn.remindDaysBefore = days;
  return checkIn;
}

/**
 * The referrals with anything in them; a half-filled one is a problem on its missing half
 * (named by the control's id). The profile's form reads its referrals with this too.
 * @param {ReferralValues[]} rows
 * @param {(field: string, message: string) => void} fail
 */
export function readReferralRows(rows, fail) {
  const list = [];
  for (const row of rows) {
    const name = row.name.trim();
    const contact = row.contact.trim();
    if (!name && !contact) continue;
    if (!name) fail(`referral-${row.key}-name`, 'Add a name for this referral, or remove it.');
    if (!contact) fail(`referral-${row.key}-contact`, 'Add a phone number, email or website, or remove this referral.');
    list.push({ name, contact });
  }
  return list;
}

/**
 * The request body, leaving out what the therapist left empty; and any problems found here.
 * Problems name the field they belong to: a NewValues key, or a referral's control id.
 * @param {NewValues} values
 * @param {{ rules: PortalRules, forPreview?: boolean, submitted?: boolean }} options
 * @returns {{ body: PolicyBody, problems: Problem[] }}
 */
export function readForm(values, { rules, forPreview = false, submitted = false }) {
  const r = reader(values, rules);
  const client = readClient(r, forPreview, submitted);
  const endedOn = values.endedOn;
  if (!endedOn) r.fail('endedOn', r.incomplete('endedOn') ? 'Enter a complete date.' : 'Enter the date therapy ended.');
  /** @type {PolicyBody} */
  const body = { client, endedOn };
  const zone = values.timeZone.trim();
  if (zone && !isTimeZone(zone)) r.fail('timeZone', r.hints.timeZone ?? '');
  if (zone) body.timeZone = zone;
  const { limit, updates } = readUpdates(r, endedOn);
  if (Object.keys(updates).length) body.updates = updates;
  body.checkIn = readCheckIn(r);
  if (limit !== 0) body.replies = values.replies || rules.defaults.replies;
  const closesOn = r.date('closesOn');
  if (closesOn) body.closesOn = closesOn;
  const referrals = readReferralRows(values.referrals, r.fail);
  if (referrals.length) body.referrals = referrals;
  body.crisisLocale = values.crisis;
  return { body, problems: r.problems };
}

/**
 * The rows sent as body.referrals, in order: the API numbers its problems by these.
 * @param {Pick<NewValues, 'referrals'>} values
 */
export function sentReferrals(values) {
  return values.referrals.filter((row) => row.name.trim() || row.contact.trim());
}

/**
 * The referrals of a form's values (the new-arrangement and edit screens).
 * @param {{ values: Pick<NewValues, 'referrals'>, fail: (field: string, message: string) => void }} r
 */
export function readReferrals({ values, fail }) {
  return readReferralRows(values.referrals, fail);
}
