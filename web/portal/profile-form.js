// @ts-check
/** The profile form laid out, and its problems shown beside the fields and in the summary. */
import { h } from './dom.js';
import { PROFILE_LABELS } from './profile-read-form.js';

/** @import { ErrorTarget } from './fields.js' */
/** @import { ReferralList } from './new-referrals.js' */
/** @import { ProfileFields } from './profile-fields.js' */
/** @import { ProfileField } from './profile-read-form.js' */
/** @import { Problem } from './types.js' */

/**
 * @param {object} options
 * @param {ProfileFields} options.F
 * @param {ReferralList} options.referrals
 * @param {HTMLDataListElement} options.zones
 * @param {HTMLElement} options.summary the error summary's element
 * @param {string} options.email the address the therapist signed in with
 */
export function profileForm({ F, referrals, zones, summary, email }) {
  const saved = h('p', { className: 'notice notice-success saved', role: 'status' });
  const submit = h('button', { type: 'submit', className: 'button button-large' }, 'Save profile');
  const form = h(
    'form',
    { className: 'profile-form', novalidate: true, 'aria-labelledby': 'profile-title' },
    summary,
    h(
      'fieldset',
      { className: 'group' },
      h('legend', {}, 'How clients see you'),
      F.displayName.wrap,
      h('p', { className: 'help' }, `You are signed in as ${email}.`),
    ),
    h('fieldset', { className: 'group' }, h('legend', {}, 'Where you work'), F.timeZone.wrap, zones, F.crisis.wrap),
    h('fieldset', { className: 'group' }, h('legend', {}, 'How you hear of new messages'), F.notifications.wrap),
    h(
      'fieldset',
      { className: 'group' },
      h('legend', {}, 'Your usual rules for new arrangements'),
      h(
        'p',
        { className: 'help' },
        'These fill in “Your usual rules” when you start a new arrangement. Leave a box empty to use Afterword’s default.',
      ),
      F.limit.wrap,
      F.gap.wrap,
      F.maxChars.wrap,
      F.windowDays.wrap,
      F.format.wrap,
      F.months.wrap,
      F.remind.wrap,
      F.replies.wrap,
    ),
    h(
      'fieldset',
      { className: 'group' },
      h('legend', {}, 'Referrals and notes for new arrangements'),
      referrals.group,
      F.invitationNote.wrap,
      F.closingNote.wrap,
    ),
    h('div', { className: 'form-actions' }, submit, saved),
  );
  return { form, submit, saved };
}

/**
 * @param {ProfileFields} F
 * @param {ReferralList} referrals
 */
export function profileErrors(F, referrals) {
  const names = /** @type {ProfileField[]} */ (Object.keys(PROFILE_LABELS));
  /** @param {string | null} name @returns {ErrorTarget | null} */
  const targetOf = (name) => {
    if (name === null) return null;
    return Object.hasOwn(F, name) ? F[/** @type {ProfileField} */ (name)] : referrals.fieldById(name);
  };
  return {
    /**
     * Shows these problems beside their fields (a referral's too) and clears every other field's message.
     * @param {Problem[]} problems
     */
    show(problems) {
      /** @type {Map<ErrorTarget, string>} */
      const byTarget = new Map();
      for (const p of problems) {
        const target = targetOf(p.field);
        if (target && !byTarget.has(target)) byTarget.set(target, p.message);
      }
      const all = [...names.map((name) => F[name]), ...referrals.rows.flatMap((r) => [r.name, r.contact])];
      for (const target of all) target.setError(byTarget.get(target) ?? '');
    },
    /**
     * For the summary at the top of the form: each line links to its field.
     * @param {Problem[]} problems
     */
    summaryItems(problems) {
      return problems.map((p) => {
        const target = targetOf(p.field);
        const label =
          p.field && Object.hasOwn(PROFILE_LABELS, p.field)
            ? PROFILE_LABELS[/** @type {ProfileField} */ (p.field)]
            : null;
        return {
          message: label ? `${label}: ${p.message}` : target ? `Referral: ${p.message}` : p.message,
          target: target?.focusTarget ?? null,
        };
      });
    },
  };
}
