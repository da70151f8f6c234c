// @ts-check
/**
 * The new-arrangement form's controls, with the service's limits on them and its defaults in
 * their help; filling them from a preset; showing only what applies; reading them back.
 */
import { today } from './dates.js';
import { h } from './dom.js';
import { crisisField, field, input, numberInput, radioGroup, zoneList } from './fields.js';
import { fromTo } from './hints.js';
import { boundHints, withHint } from './new-bounds.js';
import { presetValues } from './new-presets.js';
import { WEEKS } from './new-read-form.js';
import { parseWhole, timeZones } from './parse.js';
import { maxLengthAt, rangeAt } from './rules.js';
import { clockTime, plural } from './words.js';

/** @import { Preset } from './new-presets.js' */
/** @import { NewValues, ReferralValues } from './new-read-form.js' */
/** @import { PortalRules, Profile } from './types.js' */

/**
 * @param {PortalRules} rules
 * @param {string} path
 */
const bounded = (rules, path) => numberInput(rangeAt(rules.limits.policy, path));

/**
 * @param {Profile} profile
 * @param {PortalRules} rules
 */
function whoAndWhen(profile, rules) {
  const limits = rules.limits.policy;
  const zone = profile.timeZone;
  return {
    clientName: field({
      id: 'client-name',
      label: 'Client name',
      help: 'As you would greet them. It appears in the emails they receive.',
      control: input({ autocomplete: 'off', maxlength: maxLengthAt(limits, 'client.name') }),
    }),
    clientEmail: field({
      id: 'client-email',
      label: 'Client email',
      help: 'The invitation goes to this address. It is used only for this arrangement’s emails.',
      control: input({
        type: 'email',
        autocomplete: 'off',
        spellcheck: 'false',
        maxlength: maxLengthAt(limits, 'client.email'),
      }),
    }),
    endedOn: field({
      id: 'ended-on',
      label: 'Therapy ended on',
      help: 'Usually the day of your last session. The dates below count from this day.',
      control: input({ type: 'date', value: today(zone) }),
    }),
    timeZone: field({
      id: 'time-zone',
      label: 'Time zone',
      help: `Days, and the emails sent at ${clockTime(rules.defaults.sendAt)}, follow this zone. Usually the client’s.`,
      control: input({ list: 'time-zone-list', value: zone, autocomplete: 'off', spellcheck: 'false' }),
    }),
  };
}

/** @typedef {ReturnType<typeof boundHints>} BoundHints */

/**
 * The update rules' controls (the edit screen uses them too, with its own help).
 * @param {PortalRules} rules
 * @param {BoundHints} [hints] what the practice allows, said beside the fields
 */
export function updateFields(rules, hints = {}) {
  const limits = rules.limits.policy;
  return {
    limit: field({
      id: 'updates-limit',
      label: 'How many updates',
      help: withHint(`${fromTo(limits, 'updates.limit')} Choose 0 for no written updates.`, hints.limit),
      control: bounded(rules, 'updates.limit'),
    }),
    gap: field({
      id: 'updates-gap',
      label: 'Days apart, at least',
      help: 'The fewest days between two updates.',
      control: bounded(rules, 'updates.minDaysBetween'),
    }),
    weeks: field({
      id: 'updates-weeks',
      label: 'Open for how many weeks',
      help: withHint('Counted from the day therapy ended.', hints.weeks),
      control: numberInput(WEEKS),
    }),
    maxChars: field({
      id: 'updates-max',
      label: 'Longest update, in characters',
      help: withHint(
        `${fromTo(limits, 'updates.maxCharacters')} 1,000 characters is a few short paragraphs. An emoji counts as one.`,
        hints.maxChars,
      ),
      control: bounded(rules, 'updates.maxCharacters'),
    }),
    from: field({ id: 'updates-from', label: 'Updates open on', help: 'Optional.', control: input({ type: 'date' }) }),
    until: field({
      id: 'updates-until',
      label: 'Updates close on',
      help: 'Optional. A date here is used instead of the weeks above.',
      control: input({ type: 'date' }),
    }),
  };
}

/**
 * The check-in's controls (the edit screen uses them too, with its own help).
 * @param {PortalRules} rules
 * @param {BoundHints} [hints]
 */
export function checkInFields(rules, hints = {}) {
  const limits = rules.limits.policy;
  const messageDays = plural(rules.defaults.checkIn.messageDays, 'day');
  return {
    format: radioGroup({
      name: 'checkin-format',
      legend: 'Kind of check-in',
      help: hints.format,
      options: [
        {
          value: 'message',
          label: 'A check-in message',
          hint: `The client may write once, from the check-in day for ${messageDays}. It does not count as an update.`,
        },
        {
          value: 'session',
          label: 'A check-in session',
          hint: 'A meeting you arrange. Your note tells the client how.',
        },
        { value: 'none', label: 'No check-in' },
      ],
      value: rules.defaults.checkIn.format,
    }),
    months: field({
      id: 'checkin-months',
      label: 'Months after therapy ended',
      help: fromTo(limits, 'checkIn.afterMonths'),
      control: bounded(rules, 'checkIn.afterMonths'),
    }),
    checkinOn: field({
      id: 'checkin-on',
      label: 'Or on this date',
      help: 'Optional. A date here is used instead of the months.',
      control: input({ type: 'date' }),
    }),
    note: field({
      id: 'checkin-note',
      label: 'Note about the session',
      help: 'Optional. The client reads this, for example: “I will email you the week before to find a time.”',
      control: h('textarea', { rows: 3, maxlength: maxLengthAt(limits, 'checkIn.note') }),
    }),
    remind: field({
      id: 'checkin-remind',
      label: 'Reminder emails, days before',
      help: 'You both get each reminder. Separate numbers with commas, for example 7, 1. Write “none” for no reminders.',
      control: input({ autocomplete: 'off', inputmode: 'numeric' }),
    }),
  };
}

const CRISIS_HELP = 'Every email to the client lists these numbers and says Afterword is not for emergencies.';

/**
 * Replies, the closing date and the crisis resources (the edit screen uses the first two).
 * @param {Profile} profile
 * @param {PortalRules} rules
 */
export function closingFields(profile, rules) {
  return {
    replies: radioGroup({
      name: 'replies',
      legend: 'Will you reply to updates?',
      help: 'This changes only what the client is told, so they know what to expect.',
      options: [
        { value: 'none', label: 'I will read every update but not reply' },
        { value: 'may-reply', label: 'I may reply' },
      ],
      value: rules.defaults.replies,
    }),
    closesOn: field({ id: 'closes-on', label: 'Closing date', help: 'Optional.', control: input({ type: 'date' }) }),
    crisis: crisisField({ id: 'crisis-locale', help: CRISIS_HELP, rules, value: profile.crisisLocale }),
  };
}

/**
 * Every control, and the groups that open, close or hide together.
 * @param {{ profile: Profile, rules: PortalRules, presets: [Preset, ...Preset[]] }} options
 */
export function newFields({ profile, rules, presets }) {
  const hints = boundHints(profile.practice?.bounds, rules.limits.policy);
  const F = {
    preset: radioGroup({
      name: 'preset',
      legend: 'Start from',
      help: 'Choosing one fills in the rules below (not the client’s details). You can change anything afterwards.',
      options: presets,
      value: presets[0].value,
      className: 'presets',
    }),
    ...whoAndWhen(profile, rules),
    ...updateFields(rules, hints),
    ...checkInFields(rules, hints),
    ...closingFields(profile, rules),
  };
  const exactDates = h(
    'details',
    { className: 'more' },
    h('summary', {}, 'Choose exact dates for updates instead'),
    h('div', { className: 'more-body' }, F.from.wrap, F.until.wrap),
  );
  const parts = {
    zones: zoneList('time-zone-list', timeZones(profile.timeZone)),
    exactDates,
    updatesDetail: h('div', { className: 'subfields' }, F.gap.wrap, F.weeks.wrap, F.maxChars.wrap, exactDates),
    checkinDetail: h('div', { className: 'subfields' }, F.months.wrap, F.checkinOn.wrap, F.note.wrap, F.remind.wrap),
  };
  return { F, parts, hints };
}

/** @typedef {ReturnType<typeof newFields>['F']} NewFields */
/** @typedef {ReturnType<typeof newFields>['parts']} NewParts */

/**
 * Fills the rules from a preset (not the client's details), clearing the exact dates.
 * @param {NewFields} F
 * @param {NewParts} parts
 * @param {Preset} preset
 */
export function applyPreset(F, parts, preset) {
  const v = presetValues(preset.rules);
  F.limit.input.value = v.limit;
  F.gap.input.value = v.gap;
  F.weeks.input.value = v.weeks;
  F.maxChars.input.value = v.maxChars;
  F.from.input.value = v.from;
  F.until.input.value = v.until;
  F.format.value = v.format;
  F.months.input.value = v.months;
  F.checkinOn.input.value = v.checkinOn;
  F.remind.input.value = v.remind;
  F.replies.value = v.replies;
  F.closesOn.input.value = v.closesOn;
  parts.exactDates.open = false;
}

/**
 * Hides what does not apply: update details without updates, the check-in's without one.
 * @param {NewFields} F
 * @param {NewParts} parts
 */
export function syncVisibility(F, parts) {
  const noUpdates = parseWhole(F.limit.input.value, F.limit.input.validity.badInput) === 0;
  parts.updatesDetail.hidden = noUpdates;
  F.replies.wrap.hidden = noUpdates;
  const format = F.format.value;
  parts.checkinDetail.hidden = format === 'none';
  F.note.wrap.hidden = format !== 'session';
}

/** @type {('endedOn' | 'from' | 'until' | 'checkinOn' | 'closesOn' | 'limit' | 'gap' | 'weeks' | 'maxChars' | 'months')[]} */
const PARSED = ['endedOn', 'from', 'until', 'checkinOn', 'closesOn', 'limit', 'gap', 'weeks', 'maxChars', 'months'];

/**
 * What the controls hold, for readForm.
 * @param {NewFields} F
 * @param {ReferralValues[]} referrals
 * @returns {NewValues}
 */
export function readValues(F, referrals) {
  return {
    clientName: F.clientName.input.value,
    clientEmail: F.clientEmail.input.value,
    endedOn: F.endedOn.input.value,
    timeZone: F.timeZone.input.value,
    limit: F.limit.input.value,
    gap: F.gap.input.value,
    weeks: F.weeks.input.value,
    maxChars: F.maxChars.input.value,
    from: F.from.input.value,
    until: F.until.input.value,
    format: F.format.value,
    months: F.months.input.value,
    checkinOn: F.checkinOn.input.value,
    note: F.note.input.value,
    remind: F.remind.input.value,
    replies: F.replies.value,
    closesOn: F.closesOn.input.value,
    crisis: F.crisis.input.value,
    referrals,
    incomplete: PARSED.filter((name) => F[name].input.validity.badInput),
  };
}
