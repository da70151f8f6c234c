// @ts-check
/** Referrals: repeatable rows of name and contact, added and removed with focus kept in place. */
import { h } from './dom.js';
import { field, input } from './fields.js';
import { maxItemsAt, maxLengthAt } from './rules.js';

/** @import { Field } from './fields.js' */
/** @import { ReferralValues } from './new-read-form.js' */
/** @import { Limits } from './types.js' */

/**
 * @typedef {object} ReferralRow
 * @property {number} key stable for the row's life, unlike its position
 * @property {Field<HTMLInputElement>} name
 * @property {Field<HTMLInputElement>} contact
 * @property {HTMLLegendElement} legend
 * @property {HTMLSpanElement} removeLabel
 * @property {HTMLFieldSetElement} el
 */

/**
 * One of a referral's two inputs.
 * @param {Limits} limits
 * @param {string} path where the API takes the list ('referrals', or a profile's 'defaultRules.referrals')
 * @param {number} key
 * @param {'name' | 'contact'} part
 * @param {string} label
 * @param {string | undefined} value
 */
function referralField(limits, path, key, part, label, value) {
  return field({
    id: `referral-${key}-${part}`,
    label,
    control: input({ maxlength: maxLengthAt(limits, `${path}.${part}`), autocomplete: 'off', value: value ?? '' }),
  });
}

/**
 * A referral row, numbered later by its list; its remove button is the list's to wire.
 * @param {Limits} limits
 * @param {string} path
 * @param {number} key
 * @param {{ name?: string, contact?: string }} values
 */
function referralRow(limits, path, key, values) {
  const name = referralField(limits, path, key, 'name', 'Name', values.name);
  const contact = referralField(limits, path, key, 'contact', 'Phone, email or website', values.contact);
  const legend = h('legend', {}, '');
  const removeLabel = h('span', { className: 'visually-hidden' }, '');
  const removeButton = h('button', { type: 'button', className: 'button button-quiet' }, 'Remove', removeLabel);
  /** @type {ReferralRow} */
  const row = {
    key,
    name,
    contact,
    legend,
    removeLabel,
    el: h(
      'fieldset',
      { className: 'referral' },
      legend,
      h('div', { className: 'referral-fields' }, name.wrap, contact.wrap),
      removeButton,
    ),
  };
  return { row, removeButton };
}

const HELP =
  'Optional. People or services the client can turn to, given in the closing email and whenever an update cannot be accepted.';

/**
 * @param {{ limits: Limits, onChange: () => void, path?: string, help?: string }} options the API's
 *   limits (for a new policy, or a profile's with `path` 'defaultRules.referrals'); what to do when
 *   a row is added or removed by the therapist; the group's help
 */
export function referralList({ limits, onChange, path = 'referrals', help: helpText = HELP }) {
  const max = maxItemsAt(limits, path);
  let lastKey = 0;
  /** @type {ReferralRow[]} */
  const rows = [];
  const list = h('div', { className: 'referrals' });
  const addButton = h('button', { type: 'button', className: 'button button-secondary' }, 'Add a referral');
  const help = h('p', { className: 'help', id: 'referrals-help' }, helpText);

  function renumber() {
    rows.forEach((row, i) => {
      row.legend.textContent = `Referral ${i + 1}`;
      row.removeLabel.textContent = ` referral ${i + 1}`;
    });
    addButton.hidden = rows.length >= max;
  }

  /** @param {ReferralRow} row */
  function remove(row) {
    const index = rows.indexOf(row);
    rows.splice(index, 1);
    row.el.remove();
    renumber();
    (rows[index]?.name.input ?? rows[index - 1]?.name.input ?? addButton).focus();
    onChange();
  }

  /**
   * @param {{ name?: string, contact?: string }} [values]
   * @param {{ focus?: boolean }} [options]
   */
  function add(values = {}, { focus = false } = {}) {
    lastKey += 1;
    const { row, removeButton } = referralRow(limits, path, lastKey, values);
    removeButton.addEventListener('click', () => remove(row));
    rows.push(row);
    list.append(row.el);
    renumber();
    if (focus) row.name.input.focus();
  }

  addButton.addEventListener('click', () => {
    add({}, { focus: true });
    onChange();
  });

  return {
    rows,
    add,
    group: h(
      'fieldset',
      { className: 'field referrals-group', 'aria-describedby': 'referrals-help' },
      h('legend', {}, 'Referrals'),
      help,
      list,
      addButton,
    ),
    /** @returns {ReferralValues[]} */
    values: () => rows.map((r) => ({ key: r.key, name: r.name.input.value, contact: r.contact.input.value })),
    /**
     * The control a referral problem names, if its row is still there.
     * @param {string} id
     */
    fieldById: (id) => rows.flatMap((r) => [r.name, r.contact]).find((f) => f.input.id === id) ?? null,
  };
}

/** @typedef {ReturnType<typeof referralList>} ReferralList */
