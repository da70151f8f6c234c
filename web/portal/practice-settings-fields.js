// @ts-check
/**
 * The practice settings' controls, filled from GET /practice: its name, the defaults (the same
 * controls as a profile's usual rules), the bounds, and how long closed arrangements are kept.
 */
import { checkboxGroup, crisisField, field, input, numberInput } from './fields.js';
import { fromTo } from './hints.js';
import { referralList } from './new-referrals.js';
import { practiceLimits } from './practice-limits.js';
import { startingWords, usualRules } from './profile-fields.js';
import { maxLengthAt, rangeAt } from './rules.js';
import { number } from './words.js';

/** @import { ReferralList } from './new-referrals.js' */
/** @import { PracticeValues } from './practice-read-form.js' */
/** @import { Limits, PortalRules, Practice } from './types.js' */

/**
 * A required whole number of the practice's own.
 * @param {Limits} limits
 * @param {{ id: string, label: string, path: string, help: string, value: number }} options
 */
function ownNumber(limits, { id, label, path, help, value }) {
  const { min, max } = rangeAt(limits, path);
  return field({ id, label, help, control: numberInput({ min, max, value: String(value) }) });
}

/**
 * @param {Practice} practice
 * @param {Limits} limits
 */
function boundFields(practice, limits) {
  const b = practice.bounds;
  return {
    maxUpdates: ownNumber(limits, {
      id: 'bound-updates',
      label: 'Most updates an arrangement may offer',
      path: 'bounds.maxUpdates',
      help: `${fromTo(limits, 'bounds.maxUpdates')} Choose 0 for check-ins only.`,
      value: b.maxUpdates,
    }),
    maxCharacters: ownNumber(limits, {
      id: 'bound-characters',
      label: 'Longest update allowed, in characters',
      path: 'bounds.maxCharacters',
      help: fromTo(limits, 'bounds.maxCharacters'),
      value: b.maxCharacters,
    }),
    maxWindowDays: ownNumber(limits, {
      id: 'bound-window',
      label: 'Longest update window, in days',
      path: 'bounds.maxWindowDays',
      help: `${fromTo(limits, 'bounds.maxWindowDays')} Counted from the first day updates open to the last, both included.`,
      value: b.maxWindowDays,
    }),
    formats: checkboxGroup({
      name: 'bound-formats',
      legend: 'Check-ins arrangements may offer',
      help: 'An arrangement without a check-in is always allowed.',
      options: [
        { value: 'message', label: 'A check-in message' },
        { value: 'session', label: 'A check-in session' },
      ],
      values: b.checkInFormats,
    }),
  };
}

/**
 * @param {Practice} practice
 * @param {Limits} limits
 */
function retentionField(practice, limits) {
  const { min, max } = rangeAt(limits, 'retentionDays');
  return ownNumber(limits, {
    id: 'retention-days',
    label: 'Keep a closed arrangement for, in days',
    path: 'retentionDays',
    help: `From ${number(min)} to ${number(max)} days (10 years). After an arrangement closes, everything in it (the rules, the messages and replies, the timeline) is kept this long, so its therapist can download a copy or print the record; then it is deleted for good. A change applies to every arrangement of the practice, those already closed too.`,
    value: practice.retentionDays,
  });
}

const REFERRALS_HELP =
  'Optional. New arrangements start with these people or services, given to the client at closing and whenever an update cannot be accepted. A therapist’s own referrals, if they set some, are used instead.';

/**
 * @param {Practice} practice
 * @param {PortalRules} rules
 */
export function practiceFields(practice, rules) {
  const limits = practiceLimits(rules);
  const usual = { defaultRules: practice.defaults };
  const words = startingWords(usual, rules);
  words.invitationNote.setHelp(
    'Optional. Words from the practice in every new invitation, unless the therapist writes their own.',
  );
  words.closingNote.setHelp(
    'Optional. Words in the goodbye email when an arrangement closes, unless the therapist writes their own.',
  );
  const referrals = referralList({
    limits: rules.limits.profile,
    path: 'defaultRules.referrals',
    help: REFERRALS_HELP,
    onChange: () => {},
  });
  for (const r of practice.defaults.referrals ?? []) referrals.add(r);
  const F = {
    name: field({
      id: 'practice-name',
      label: 'Practice name',
      help: 'Clients read it in emails from the practice, for example when their therapist leaves.',
      control: input({ autocomplete: 'organization', maxlength: maxLengthAt(limits, 'name'), value: practice.name }),
    }),
    ...usualRules(usual, rules),
    crisis: crisisField({
      id: 'practice-crisis',
      help: 'The numbers in every email to clients, unless a therapist chooses otherwise.',
      rules,
      value: practice.defaults.crisisLocale,
    }),
    ...words,
    ...boundFields(practice, limits),
    retentionDays: retentionField(practice, limits),
  };
  return { F, referrals, limits };
}

/** @typedef {ReturnType<typeof practiceFields>['F']} PracticeFields */

/**
 * What the controls hold, for readPracticeForm.
 * @param {PracticeFields} F
 * @param {ReferralList} referrals
 * @returns {PracticeValues}
 */
export function practiceValues(F, referrals) {
  const numbers = /** @type {const} */ ([
    'limit',
    'gap',
    'maxChars',
    'months',
    'windowDays',
    'maxUpdates',
    'maxCharacters',
    'maxWindowDays',
    'retentionDays',
  ]);
  return {
    name: F.name.input.value,
    limit: F.limit.input.value,
    gap: F.gap.input.value,
    maxChars: F.maxChars.input.value,
    months: F.months.input.value,
    windowDays: F.windowDays.input.value,
    format: F.format.input.value,
    remind: F.remind.input.value,
    replies: F.replies.input.value,
    crisis: F.crisis.input.value,
    invitationNote: F.invitationNote.input.value,
    closingNote: F.closingNote.input.value,
    referrals: referrals.values(),
    maxUpdates: F.maxUpdates.input.value,
    maxCharacters: F.maxCharacters.input.value,
    maxWindowDays: F.maxWindowDays.input.value,
    formats: F.formats.values,
    retentionDays: F.retentionDays.input.value,
    incomplete: numbers.filter((name) => F[name].input.validity.badInput),
  };
}
