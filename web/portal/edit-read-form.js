// @ts-check
/**
 * The edit screen's values as the body of PATCH /policies/{id} (and of its preview): only
 * what differs from the rules as they stand, with the problems found before sending. Pure:
 * the page reads the controls into plain values; this decides what changed.
 */
import { policyHints } from './hints.js';
import { EMAIL, readReferrals } from './new-read-form.js';
import { parseReminders, parseWhole } from './parse.js';
import { boundsAt, rangeAt } from './rules.js';

/** @import { ReferralValues } from './new-read-form.js' */
/** @import { CheckInFormat, CheckInRules, Limits, Policy, PolicyRules, PortalRules, Problem, Replies } from './types.js' */

/**
 * What the edit form holds, as its controls hold it. The names are the new-arrangement
 * form's, so the service's problems are placed by the same map.
 * @typedef {object} EditValues
 * @property {string} limit
 * @property {string} gap
 * @property {string} maxChars
 * @property {string} from
 * @property {string} until
 * @property {string} replies
 * @property {string} format 'message', 'session' or 'none'
 * @property {string} checkinOn
 * @property {string} note
 * @property {string} remind
 * @property {string} closesOn
 * @property {string} clientEmail
 * @property {ReferralValues[]} referrals each row as typed, empty ones included
 * @property {string[]} [incomplete] date and number fields holding something the browser could not read
 */

/**
 * @typedef {object} ChangeBody
 * @property {{ limit?: number, minDaysBetween?: number, maxCharacters?: number, from?: string, until?: string }} [updates]
 * @property {{ format?: CheckInFormat, on?: string, note?: string | null, remindDaysBefore?: number[] } | null} [checkIn]
 * @property {Replies} [replies]
 * @property {string} [closesOn]
 * @property {{ name: string, contact: string }[]} [referrals]
 * @property {{ email: string }} [client]
 * @property {true} [confirmReduce]
 */

/**
 * Reminder days as the field shows them: "7, 1", or "none".
 * @param {number[]} days
 */
export const remindText = (days) => (days.length ? days.join(', ') : 'none');

/**
 * The form filled from the rules as they stand. Without a check-in, its reminders start
 * from the service's usual ones, in case one is added.
 * @param {Policy} policy
 * @param {PortalRules} service
 * @returns {EditValues}
 */
export function editValues(policy, service) {
  const { updates, checkIn } = policy.rules;
  return {
    limit: String(updates.limit),
    gap: String(updates.minDaysBetween),
    maxChars: String(updates.maxCharacters),
    from: updates.from,
    until: updates.until,
    replies: policy.rules.replies,
    format: checkIn?.format ?? 'none',
    checkinOn: checkIn?.on ?? '',
    note: checkIn?.note ?? '',
    remind: remindText(checkIn?.remindDaysBefore ?? service.defaults.checkIn.remindDaysBefore),
    closesOn: policy.rules.closesOn,
    clientEmail: policy.client.email,
    referrals: policy.rules.referrals.map((r, i) => ({ key: i + 1, ...r })),
  };
}

/**
 * @param {EditValues} values
 * @param {Limits} limits
 */
function reader(values, limits) {
  const hints = policyHints(limits);
  /** @type {Problem[]} */
  const problems = [];
  /** @param {string} field @param {string} message */
  const fail = (field, message) => problems.push({ field, message });
  /** @param {string} field */
  const incomplete = (field) => Boolean(values.incomplete?.includes(field));
  /**
   * A number every arrangement has, so an empty field is a problem too.
   * @param {'limit' | 'gap' | 'maxChars'} field
   * @param {string} path
   */
  const whole = (field, path) => {
    const { min, max } = rangeAt(limits, path);
    const n = parseWhole(values[field], incomplete(field));
    if (n !== '' && !Number.isNaN(n) && n >= min && n <= max) return n;
    fail(field, hints[path] ?? `Choose a whole number from ${min} to ${max}.`);
    return undefined;
  };
  /**
   * @param {'from' | 'until' | 'checkinOn' | 'closesOn'} field
   * @param {string | null} missing what to say when it is empty; null when empty is fine
   */
  const date = (field, missing) => {
    if (incomplete(field)) fail(field, 'Enter a complete date.');
    else if (!values[field] && missing) fail(field, missing);
    return incomplete(field) ? undefined : values[field] || undefined;
  };
  return { values, limits, hints, problems, fail, whole, date };
}

/** @typedef {ReturnType<typeof reader>} Reader */

/**
 * @param {Reader} r
 * @param {PolicyRules['updates']} now
 */
function updateChanges({ whole, date }, now) {
  /** @type {NonNullable<ChangeBody['updates']>} */
  const changed = {};
  const limit = whole('limit', 'updates.limit');
  const gap = whole('gap', 'updates.minDaysBetween');
  const max = whole('maxChars', 'updates.maxCharacters');
  const from = date('from', 'Enter the first day an update can be sent.');
  const until = date('until', 'Enter the last day an update can be sent.');
  if (limit !== undefined && limit !== now.limit) changed.limit = limit;
  if (gap !== undefined && gap !== now.minDaysBetween) changed.minDaysBetween = gap;
  if (max !== undefined && max !== now.maxCharacters) changed.maxCharacters = max;
  if (from && from !== now.from) changed.from = from;
  if (until && until !== now.until) changed.until = until;
  return changed;
}

/**
 * @param {number[]} a
 * @param {number[] | undefined} b
 */
const sameDays = (a, b) => {
  const sorted = (/** @type {number[]} */ days) => [...new Set(days)].sort((x, y) => y - x).join(',');
  return b !== undefined && sorted(a) === sorted(b);
};

/**
 * The check-in's change: null to remove it, only the parts that differ, or undefined for none.
 * @param {Reader} r
 * @param {CheckInRules | null} now
 * @returns {ChangeBody['checkIn'] | undefined}
 */
function checkInChange({ values, limits, hints, fail, date }, now) {
  if (values.format === 'none') return now ? null : undefined;
  /** @type {CheckInFormat} */
  const format = values.format === 'session' ? 'session' : 'message';
  /** @type {NonNullable<ChangeBody['checkIn']>} */
  const changed = {};
  if (format !== now?.format) changed.format = format;
  const on = date('checkinOn', now ? 'Enter the check-in date, or choose no check-in.' : null);
  if (on && on !== now?.on) changed.on = on;
  // A note is for a session; moving to a message drops it.
  const note = format === 'session' ? values.note.trim() : '';
  if (note !== (now?.note ?? '')) changed.note = note || null;
  const days = parseReminders(values.remind, boundsAt(limits, 'checkIn.remindDaysBefore'));
  if (days === null) fail('remind', hints['checkIn.remindDaysBefore'] ?? '');
  else if (days !== '' && !sameDays(days, now?.remindDaysBefore)) changed.remindDaysBefore = days;
  return Object.keys(changed).length ? changed : undefined;
}

/**
 * While invited, a corrected address; otherwise nothing.
 * @param {Reader} r
 * @param {Policy} policy
 */
function addressChange({ values, fail }, policy) {
  if (policy.state !== 'invited') return undefined;
  const email = values.clientEmail.trim();
  if (!email) fail('clientEmail', 'Enter the client’s email address.');
  else if (!EMAIL.test(email)) fail('clientEmail', 'Enter an email address like name@example.com.');
  else if (email !== policy.client.email) return email;
  return undefined;
}

/**
 * @param {{ name: string, contact: string }[]} a
 * @param {{ name: string, contact: string }[]} b
 */
const sameReferrals = (a, b) =>
  a.length === b.length && a.every((r, i) => r.name === b[i]?.name && r.contact === b[i]?.contact);

/**
 * The request body, with only what changed; and any problems found here. Problems name the
 * field they belong to: an EditValues key, or a referral's control id.
 * @param {EditValues} values
 * @param {Policy} policy the arrangement as it stands
 * @param {Limits} limits the API's limits for a policy
 * @returns {{ body: ChangeBody, problems: Problem[] }}
 */
export function readEdit(values, policy, limits) {
  const r = reader(values, limits);
  const now = policy.rules;
  /** @type {ChangeBody} */
  const body = {};
  const updates = updateChanges(r, now.updates);
  if (Object.keys(updates).length) body.updates = updates;
  const checkIn = checkInChange(r, now.checkIn);
  if (checkIn !== undefined) body.checkIn = checkIn;
  if ((values.replies === 'none' || values.replies === 'may-reply') && values.replies !== now.replies)
    body.replies = values.replies;
  const closesOn = r.date('closesOn', 'Enter the closing date.');
  if (closesOn && closesOn !== now.closesOn) body.closesOn = closesOn;
  const referrals = readReferrals(r);
  if (!sameReferrals(referrals, now.referrals)) body.referrals = referrals;
  const email = addressChange(r, policy);
  if (email) body.client = { email };
  return { body, problems: r.problems };
}

/**
 * Whether the body changes anything.
 * @param {ChangeBody} body
 */
export const changesSomething = (body) => Object.keys(body).some((key) => key !== 'confirmReduce');
