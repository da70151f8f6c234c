// @ts-check
/** The new-arrangement form laid out: who, when, updates, check-in, closing, then sending. */
import { h } from './dom.js';

/** @import { NewFields, NewParts } from './new-fields.js' */
/** @import { ReferralList } from './new-referrals.js' */

/**
 * @param {string} legend
 * @param {...import('./dom.js').Child} children
 */
const group = (legend, ...children) => h('fieldset', { className: 'group' }, h('legend', {}, legend), ...children);

/**
 * @param {object} options
 * @param {NewFields} options.F
 * @param {NewParts} options.parts
 * @param {ReferralList} options.referrals
 * @param {HTMLElement} options.summary the error summary's element
 * @param {() => void} options.onClear
 */
export function newForm({ F, parts, referrals, summary, onClear }) {
  const submit = h('button', { type: 'submit', className: 'button button-large' }, 'Send invitation');
  const form = h(
    'form',
    { className: 'policy-form', novalidate: true, 'aria-labelledby': 'new-title' },
    summary,
    F.preset.wrap,
    group('The client', F.clientName.wrap, F.clientEmail.wrap),
    group('The ending', F.endedOn.wrap, F.timeZone.wrap, parts.zones),
    group('Updates the client may send', F.limit.wrap, parts.updatesDetail, F.replies.wrap),
    group('Check-in', F.format.wrap, parts.checkinDetail),
    group('Closing', F.closesOn.wrap, referrals.group, F.crisis.wrap),
    h(
      'div',
      { className: 'form-actions' },
      h(
        'p',
        { className: 'help' },
        'The client gets one email now, with these rules in plain words and a private link to accept or decline. Nothing else is sent to them unless they accept.',
      ),
      h(
        'div',
        { className: 'button-row' },
        submit,
        h('button', { type: 'button', className: 'button button-quiet', onclick: onClear }, 'Clear the form'),
      ),
    ),
  );
  return { form, submit };
}

/**
 * Listens for edits: choosing a preset refills the rules; any other change is just a change.
 * @param {HTMLFormElement} form
 * @param {{ preset: (value: string) => void, change: () => void }} handlers
 */
export function onEdit(form, { preset, change }) {
  form.addEventListener('input', (event) => {
    if (/** @type {HTMLInputElement} */ (event.target).name === 'preset') return;
    change();
  });
  form.addEventListener('change', (event) => {
    const target = /** @type {HTMLInputElement} */ (event.target);
    if (target.name === 'preset') preset(target.value);
    else if (target.type === 'radio') change();
  });
}

/**
 * The screen: heading, the form, and the preview beside it.
 * @param {HTMLFormElement} form
 * @param {HTMLElement} preview
 */
export function newScreen(form, preview) {
  return h(
    'div',
    { className: 'page' },
    h('h1', { id: 'new-title' }, 'New arrangement'),
    h(
      'p',
      { className: 'lead' },
      'Set what contact you are offering. Start from a preset, then change whatever you like; the preview shows exactly what the client will read.',
    ),
    h('div', { className: 'new-layout' }, form, preview),
  );
}
