// @ts-check
/** The profile form's controls, filled from the therapist's profile, with the service's limits and defaults in their help. */
import { crisisField, field, input, numberInput, select, zoneList } from './fields.js';
import { fromTo } from './hints.js';
import { timeZones } from './parse.js';
import { maxLengthAt, rangeAt } from './rules.js';
import { number } from './words.js';

/** @import { Field } from './fields.js' */
/** @import { ProfileField, ProfileValues } from './profile-read-form.js' */
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
 * @param {Profile} profile
 * @param {PortalRules} rules
 */
function usualRules(profile, rules) {
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
 * @param {Profile} profile
 * @param {PortalRules} rules
 * @returns {{ fields: Record<ProfileField, Field>, zones: HTMLDataListElement }}
 */
export function profileFields(profile, rules) {
  return {
    fields: { ...whoAndWhere(profile, rules), ...usualRules(profile, rules) },
    zones: zoneList('profile-zone-list', timeZones(profile.timeZone)),
  };
}

/**
 * What the controls hold, for readProfileForm.
 * @param {Record<ProfileField, Field>} F
 * @returns {ProfileValues}
 */
export function profileValues(F) {
  const numbers = /** @type {const} */ (['limit', 'gap', 'maxChars', 'months']);
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
    incomplete: numbers.filter((name) => F[name].input.validity.badInput),
  };
}
