// @ts-check
/** The profile form's controls, filled from the therapist's profile, with the service's limits and defaults in their help. */
import { h } from './dom.js';
import { crisisField, field, input, numberInput, radioGroup, select, zoneList } from './fields.js';
import { fromTo } from './hints.js';
import { referralList } from './new-referrals.js';
import { timeZones } from './parse.js';
import { maxLengthAt, rangeAt } from './rules.js';
import { clockTime, number } from './words.js';

/** @import { ReferralList } from './new-referrals.js' */
/** @import { ProfileValues } from './profile-read-form.js' */
/** @import { PortalRules, Profile } from './types.js' */

const FORMAT_WORDS = { message: 'a message', session: 'a session' };
const REPLIES_WORDS = { none: 'I will not reply', 'may-reply': 'I may reply' };

const CRISIS_HELP =
  'The numbers listed in every email to your clients, unless you choose otherwise for one arrangement.';

/** @param {number | null | undefined} v */
const valueOf = (v) => (v === undefined || v === null ? '' : String(v));

/**
 * @param {Profile} profile
 * @param {PortalRules} rules
 */
function whoAndWhere(profile, rules) {
  const limits = rules.limits.profile;
  return {
    displayName: field({
      id: 'display-name',
      label: 'Your name, as clients see it',
      help: 'Shown in every email and on the client’s page. Your email address is never shown to clients.',
      control: input({
        autocomplete: 'name',
        maxlength: maxLengthAt(limits, 'displayName'),
        value: profile.displayName ?? '',
      }),
    }),
    timeZone: field({
      id: 'profile-time-zone',
      label: 'Time zone',
      help: 'New arrangements start in this zone. Type to search, for example “London” or “New_York”.',
      control: input({
        list: 'profile-zone-list',
        autocomplete: 'off',
        spellcheck: 'false',
        value: profile.timeZone ?? '',
      }),
    }),
    crisis: crisisField({ id: 'profile-crisis', help: CRISIS_HELP, rules, value: profile.crisisLocale }),
  };
}

/**
 * A whole-number field for one of the usual rules; its help gives the range and the default.
 * @param {PortalRules} rules
 * @param {{ id: string, label: string, path: string, fallback: number, value: number | undefined }} options
 */
function usualNumber(rules, { id, label, path, fallback, value }) {
  const limits = rules.limits.profile;
  const { min, max } = rangeAt(limits, path);
  return field({
    id,
    label,
    help: `${fromTo(limits, path)} Empty: ${number(fallback)}.`,
    control: numberInput({ min, max, value: valueOf(value) }),
  });
}

/**
 * The usual rules' controls (the practice's defaults use them too).
 * @param {Pick<Profile, 'defaultRules'>} profile
 * @param {PortalRules} rules
 */
export function usualRules(profile, rules) {
  const d = profile.defaultRules ?? {};
  const { updates, checkIn, replies } = rules.defaults;
  const format = field({
    id: 'default-format',
    label: 'Kind of check-in',
    control: select([
      ['', `Afterword’s default (${FORMAT_WORDS[checkIn.format]})`],
      ['message', 'A check-in message'],
      ['session', 'A check-in session'],
    ]),
  });
  format.input.value = d.checkIn?.format ?? '';
  const replyChoice = field({
    id: 'default-replies',
    label: 'Replies to updates',
    control: select([
      ['', `Afterword’s default (${REPLIES_WORDS[replies]})`],
      ['none', 'I will read every update but not reply'],
      ['may-reply', 'I may reply'],
    ]),
  });
  replyChoice.input.value = d.replies ?? '';
  const remindValue = d.checkIn?.remindDaysBefore ? d.checkIn.remindDaysBefore.join(', ') || 'none' : '';
  return {
    limit: usualNumber(rules, {
      id: 'default-limit',
      label: 'How many updates',
      path: 'defaultRules.updates.limit',
      fallback: updates.limit,
      value: d.updates?.limit,
    }),
    gap: usualNumber(rules, {
      id: 'default-gap',
      label: 'Days apart, at least',
      path: 'defaultRules.updates.minDaysBetween',
      fallback: updates.minDaysBetween,
      value: d.updates?.minDaysBetween,
    }),
    maxChars: usualNumber(rules, {
      id: 'default-max',
      label: 'Longest update, in characters',
      path: 'defaultRules.updates.maxCharacters',
      fallback: updates.maxCharacters,
      value: d.updates?.maxCharacters,
    }),
    windowDays: usualNumber(rules, {
      id: 'default-window',
      label: 'Update window, in days after therapy ended',
      path: 'defaultRules.updates.windowDays',
      fallback: rules.defaults.updates.windowDays,
      value: d.updates?.windowDays,
    }),
    months: usualNumber(rules, {
      id: 'default-months',
      label: 'Check-in, months after therapy ended',
      path: 'defaultRules.checkIn.afterMonths',
      fallback: checkIn.afterMonths,
      value: d.checkIn?.afterMonths,
    }),
    format,
    remind: field({
      id: 'default-remind',
      label: 'Reminder emails, days before',
      help: `Separate numbers with commas, for example 7, 1. Write “none” for no reminders. Empty: ${checkIn.remindDaysBefore.join(' and ')}.`,
      control: input({ autocomplete: 'off', inputmode: 'numeric', value: remindValue }),
    }),
    replies: replyChoice,
  };
}

/**
 * How the therapist hears of a new update or check-in message: three choices, one sentence each.
 * @param {Profile} profile
 * @param {PortalRules} rules
 */
function telling(profile, rules) {
  const at = clockTime(rules.defaults.sendAt);
  return radioGroup({
    name: 'notifications',
    legend: 'When a client writes to you',
    options: [
      {
        value: 'notice',
        label: 'A short notice',
        hint: 'An email says something new arrived, with a link to read it in the portal, and no names or words.',
      },
      {
        value: 'full-text',
        label: 'The words in the email',
        hint: 'An email gives the client’s name and all they wrote.',
      },
      {
        value: 'daily-digest',
        label: 'One summary a day',
        hint: `One email at ${at} each day lists what arrived, with links, and no names or words.`,
      },
    ],
    value: profile.notifications ?? 'notice',
  });
}

/**
 * A note new arrangements start with.
 * @param {PortalRules} rules
 * @param {{ id: string, label: string, help: string, path: string, value: string | null | undefined }} options
 */
function noteField(rules, { id, label, help, path, value }) {
  const maxlength = maxLengthAt(rules.limits.profile, path);
  return field({ id, label, help, control: h('textarea', { rows: 3, maxlength, value: value ?? '' }) });
}

/**
 * The notes' controls (the practice's defaults use them too, with their own help).
 * @param {Pick<Profile, 'defaultRules'>} profile
 * @param {PortalRules} rules
 */
export function startingWords(profile, rules) {
  const d = profile.defaultRules ?? {};
  return {
    invitationNote: noteField(rules, {
      id: 'default-invitation-note',
      label: 'Note in the invitation',
      help: 'Optional. Your own words to the client, shown in the invitation and on their page until they answer.',
      path: 'defaultRules.invitationNote',
      value: d.invitationNote,
    }),
    closingNote: noteField(rules, {
      id: 'default-closing-note',
      label: 'Note in the goodbye',
      help: 'Optional. Shown in the closing email and on the client’s page after it, but not if they stopped all emails.',
      path: 'defaultRules.closingNote',
      value: d.closingNote,
    }),
  };
}

const REFERRALS_HELP =
  'Optional. New arrangements start with these people or services, given to the client at closing and whenever an update cannot be accepted.';

/**
 * @param {Profile} profile
 * @param {PortalRules} rules
 * @returns {{ fields: ProfileFields, referrals: ReferralList, zones: HTMLDataListElement }}
 */
export function profileFields(profile, rules) {
  const referrals = referralList({
    limits: rules.limits.profile,
    path: 'defaultRules.referrals',
    help: REFERRALS_HELP,
    onChange: () => {},
  });
  for (const r of profile.defaultRules?.referrals ?? []) referrals.add(r);
  return {
    fields: {
      ...whoAndWhere(profile, rules),
      ...usualRules(profile, rules),
      notifications: telling(profile, rules),
      ...startingWords(profile, rules),
    },
    referrals,
    zones: zoneList('profile-zone-list', timeZones(profile.timeZone)),
  };
}

/**
 * @typedef {ReturnType<typeof whoAndWhere> & ReturnType<typeof usualRules> & ReturnType<typeof startingWords>
 *   & { notifications: ReturnType<typeof telling> }} ProfileFields
 */

/**
 * What the controls hold, for readProfileForm.
 * @param {ProfileFields} F
 * @param {ReferralList} referrals
 * @returns {ProfileValues}
 */
export function profileValues(F, referrals) {
  const numbers = /** @type {const} */ (['limit', 'gap', 'maxChars', 'months', 'windowDays']);
  return {
    displayName: F.displayName.input.value,
    timeZone: F.timeZone.input.value,
    crisis: F.crisis.input.value,
    limit: F.limit.input.value,
    gap: F.gap.input.value,
    maxChars: F.maxChars.input.value,
    months: F.months.input.value,
    format: F.format.input.value,
    remind: F.remind.input.value,
    replies: F.replies.input.value,
    windowDays: F.windowDays.input.value,
    notifications: F.notifications.value,
    invitationNote: F.invitationNote.input.value,
    closingNote: F.closingNote.input.value,
    referrals: referrals.values(),
    incomplete: numbers.filter((name) => F[name].input.validity.badInput),
  };
}
