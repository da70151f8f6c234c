// @ts-check
/**
 * The edit screen's controls: the new-arrangement form's own, with help for a change, filled
 * from the rules as they stand; laid out in the same groups; read back as plain values.
 */
import { h } from './dom.js';
import { field, input } from './fields.js';
import { checkInFields, closingFields, updateFields } from './new-fields.js';
import { referralList } from './new-referrals.js';
import { maxLengthAt } from './rules.js';
import { plural } from './words.js';

/** @import { EditValues } from './edit-read-form.js' */
/** @import { Policy, PortalRules, Profile } from './types.js' */

/**
 * @param {string} legend
 * @param {...import('./dom.js').Child} children
 */
const group = (legend, ...children) => h('fieldset', { className: 'group' }, h('legend', {}, legend), ...children);

/**
 * @param {Policy} policy
 * @param {PortalRules} rules
 */
function ownFields(policy, rules) {
  const months = plural(rules.defaults.checkIn.afterMonths, 'month');
  return {
    checkinOn: field({
      id: 'checkin-on',
      label: 'Check-in date',
      help: policy.rules.checkIn
        ? 'For a message, the client can write from this day.'
        : `Optional. Left empty, it is ${months} after therapy ended.`,
      control: input({ type: 'date' }),
    }),
    clientEmail: field({
      id: 'client-email',
      label: 'Client email',
      help: `If the invitation went to the wrong address, enter the right one. The invitation will go to the new address, and the links sent to ${policy.client.email} will stop working.`,
      control: input({
        type: 'email',
        autocomplete: 'off',
        spellcheck: 'false',
        maxlength: maxLengthAt(rules.limits.policy, 'client.email'),
      }),
    }),
  };
}

/**
 * Help that speaks of a change rather than of a new arrangement.
 * @param {ReturnType<typeof editFields>['F']} F
 * @param {Policy} policy
 */
function changeHelp(F, policy) {
  const sent = policy.counters.updatesAccepted;
  if (sent > 0) F.limit.setHelp(`At least ${sent}: ${policy.client.name} has already sent ${plural(sent, 'update')}.`);
  F.from.setHelp('The first day an update can be sent.');
  F.until.setHelp('The last day an update can be sent.');
  F.closesOn.setHelp(
    'The day the arrangement ends. If you move the update window or the check-in and leave this date as it is, it moves with them.',
  );
}

/**
 * Every control, filled from `values`, and the check-in's details that hide without one.
 * @param {{ policy: Policy, profile: Profile, rules: PortalRules, values: EditValues, onChange: () => void }} options
 */
export function editFields({ policy, profile, rules, values, onChange }) {
  const { limit, gap, maxChars, from, until } = updateFields(rules);
  const { format, note, remind } = checkInFields(rules);
  const { replies, closesOn } = closingFields(profile, rules);
  const own = ownFields(policy, rules);
  const F = { limit, gap, maxChars, from, until, replies, format, note, remind, closesOn, ...own };
  changeHelp(F, policy);
  const referrals = referralList({ limits: rules.limits.policy, onChange });
  for (const r of policy.rules.referrals) referrals.add(r);
  fill(F, values);
  const checkinDetail = h('div', { className: 'subfields' }, F.checkinOn.wrap, F.note.wrap, F.remind.wrap);
  return { F, referrals, checkinDetail };
}

/** @typedef {ReturnType<typeof editFields>} EditFields */

/**
 * @param {EditFields['F']} F
 * @param {EditValues} v
 */
function fill(F, v) {
  F.limit.input.value = v.limit;
  F.gap.input.value = v.gap;
  F.maxChars.input.value = v.maxChars;
  F.from.input.value = v.from;
  F.until.input.value = v.until;
  F.replies.value = v.replies;
  F.format.value = v.format;
  F.checkinOn.input.value = v.checkinOn;
  F.note.input.value = v.note;
  F.remind.input.value = v.remind;
  F.closesOn.input.value = v.closesOn;
  F.clientEmail.input.value = v.clientEmail;
}

/**
 * The groups, in the new-arrangement form's order; the address only while invited.
 * @param {EditFields} fields
 * @param {Policy} policy
 */
export function editGroups({ F, referrals, checkinDetail }, policy) {
  return [
    policy.state === 'invited' ? group('Correct the address', F.clientEmail.wrap) : null,
    group(
      'Updates the client may send',
      F.limit.wrap,
      h('div', { className: 'subfields' }, F.gap.wrap, F.maxChars.wrap, F.from.wrap, F.until.wrap),
      F.replies.wrap,
    ),
    group('Check-in', F.format.wrap, checkinDetail),
    group('Closing', F.closesOn.wrap, referrals.group),
  ];
}

/**
 * Hides the check-in's details without one, and the note unless it is a session.
 * @param {EditFields} fields
 */
export function syncEditVisibility({ F, checkinDetail }) {
  checkinDetail.hidden = F.format.value === 'none';
  F.note.wrap.hidden = F.format.value !== 'session';
}

/** @type {('limit' | 'gap' | 'maxChars' | 'from' | 'until' | 'checkinOn' | 'closesOn')[]} */
const PARSED = ['limit', 'gap', 'maxChars', 'from', 'until', 'checkinOn', 'closesOn'];

/**
 * What the controls hold, for readEdit.
 * @param {EditFields} fields
 * @returns {EditValues}
 */
export function readEditValues({ F, referrals }) {
  return {
    limit: F.limit.input.value,
    gap: F.gap.input.value,
    maxChars: F.maxChars.input.value,
    from: F.from.input.value,
    until: F.until.input.value,
    replies: F.replies.value,
    format: F.format.value,
    checkinOn: F.checkinOn.input.value,
    note: F.note.input.value,
    remind: F.remind.input.value,
    closesOn: F.closesOn.input.value,
    clientEmail: F.clientEmail.input.value,
    referrals: referrals.values(),
    incomplete: PARSED.filter((name) => F[name].input.validity.badInput),
  };
}
