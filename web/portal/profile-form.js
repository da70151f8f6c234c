// @ts-check
/** The profile form laid out, and its problems shown beside the fields and in the summary. */
import { h } from './dom.js';
import { PROFILE_LABELS } from './profile-read-form.js';

/** @import { Field } from './fields.js' */
/** @import { ProfileField } from './profile-read-form.js' */
/** @import { Problem } from './types.js' */

/**
 * @param {object} options
 * @param {Record<ProfileField, Field>} options.F
 * @param {HTMLDataListElement} options.zones
 * @param {HTMLElement} options.summary the error summary's element
 * @param {string} options.email the address the therapist signed in with
 */
export function profileForm({ F, zones, summary, email }) {
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
      F.format.wrap,
      F.months.wrap,
      F.remind.wrap,
      F.replies.wrap,
    ),
    h('div', { className: 'form-actions' }, submit, saved),
  );
  return { form, submit, saved };
}

/** @param {Record<ProfileField, Field>} F */
export function profileErrors(F) {
  const names = /** @type {ProfileField[]} */ (Object.keys(PROFILE_LABELS));
  /** @param {string | null} name @returns {ProfileField | null} */
  const known = (name) => (name && Object.hasOwn(F, name) ? /** @type {ProfileField} */ (name) : null);
  return {
    /**
     * Shows these problems beside their fields and clears every other field's message.
     * @param {Problem[]} problems
     */
    show(problems) {
      /** @type {Map<string, string>} */
      const byField = new Map();
      for (const p of problems) if (p.field && !byField.has(p.field)) byField.set(p.field, p.message);
      for (const name of names) F[name].setError(byField.get(name) ?? '');
    },
    /**
     * For the summary at the top of the form: each line links to its field.
     * @param {Problem[]} problems
     */
    summaryItems(problems) {
      return problems.map((p) => {
        const name = known(p.field);
        return {
          message: name ? `${PROFILE_LABELS[name]}: ${p.message}` : p.message,
          target: name ? F[name].focusTarget : null,
        };
      });
    },
  };
}
