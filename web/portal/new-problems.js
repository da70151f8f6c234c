// @ts-check
/**
 * Which field of the new-arrangement form a problem belongs to, and what the field is called
 * in a summary. The service reports problems by API path; the form speaks of its own fields.
 */
import { friendlier, policyHints } from './hints.js';
import { sentReferrals } from './new-read-form.js';

/** @import { NewValues } from './new-read-form.js' */
/** @import { ApiIssue, Limits, Problem } from './types.js' */

/** Short names for the summary of problems ("Closing date: …"). */
export const NEW_LABELS = /** @type {const} */ ({
  clientName: 'Client name',
  clientEmail: 'Client email',
  endedOn: 'Therapy ended on',
  timeZone: 'Time zone',
  limit: 'How many updates',
  gap: 'Days apart',
  weeks: 'Weeks open',
  maxChars: 'Longest update',
  from: 'Updates open on',
  until: 'Updates close on',
  format: 'Kind of check-in',
  months: 'Check-in months',
  checkinOn: 'Check-in date',
  note: 'Session note',
  remind: 'Reminder emails',
  replies: 'Replies',
  closesOn: 'Closing date',
  crisis: 'Crisis resources',
});

/** @typedef {keyof typeof NEW_LABELS} NewField */
/** What placing a problem needs of the form: which dates were typed, and the referral rows. @typedef {Pick<NewValues, 'until' | 'checkinOn' | 'referrals'>} SentValues */

/**
 * @param {string} field a NewField, or a referral control's id
 */
export function labelFor(field) {
  if (Object.hasOwn(NEW_LABELS, field)) return NEW_LABELS[/** @type {NewField} */ (field)];
  return /^referral-\d+-name$/.test(field) ? 'Referral name' : 'Referral contact';
}

/**
 * Where a path the service reported belongs in the form: the nearest field it names. A date
 * the therapist left empty was worked out from the field beside it, so that field is meant.
 * @param {string} path "updates.until", "referrals.1.contact"…
 * @param {SentValues} values what was sent
 * @returns {string | null}
 */
export function fieldForPath(path, values) {
  /** @type {Record<string, NewField>} */
  const exact = {
    'client.name': 'clientName',
    'client.email': 'clientEmail',
    endedOn: 'endedOn',
    timeZone: 'timeZone',
    'updates.limit': 'limit',
    'updates.minDaysBetween': 'gap',
    'updates.maxCharacters': 'maxChars',
    'updates.from': 'from',
    'updates.until': values.until ? 'until' : 'weeks',
    'checkIn.on': values.checkinOn ? 'checkinOn' : 'months',
    'checkIn.afterMonths': 'months',
    'checkIn.format': 'format',
    'checkIn.note': 'note',
    'checkIn.remindDaysBefore': 'remind',
    checkIn: 'checkinOn',
    replies: 'replies',
    closesOn: 'closesOn',
    crisisLocale: 'crisis',
  };
  const referral = /^referrals\.(\d+)\.(name|contact)/.exec(path);
  if (referral) {
    const row = sentReferrals(values)[Number(referral[1])];
    return row ? `referral-${row.key}-${referral[2]}` : null;
  }
  let key = path;
  while (key) {
    if (Object.hasOwn(exact, key)) return exact[key] ?? null;
    key = key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : '';
  }
  return null;
}

/**
 * The service's problems, placed in the form and said for people.
 * @param {ApiIssue[]} errors
 * @param {SentValues} values what was sent
 * @param {Limits} limits the API's limits for a new policy
 * @returns {Problem[]}
 */
export function problemsFromServer(errors, values, limits) {
  const hints = policyHints(limits);
  return errors.map((e) => {
    const path = e.path ?? '';
    return {
      field: fieldForPath(path, values),
      message: friendlier(e.message ?? 'Please check this.', hints[path] ?? hints[path.replace(/\.\d+$/, '')]),
    };
  });
}
