// @ts-check
/**
 * A half-written form, kept while the therapist moves between screens (in this tab's memory
 * only), so nothing is lost by looking something up first.
 */

/** @import { ReferralList } from './new-referrals.js' */

/**
 * @typedef {object} Draft
 * @property {Record<string, string>} controls values by control id; radio choices as "radio:<name>"
 * @property {{ name: string, contact: string }[]} referrals
 * @property {boolean} exactDatesOpen
 */

/** @type {Draft | null} */
let draft = null;

/** @param {HTMLFormElement} form */
const controlsOf = (form) =>
  /** @type {NodeListOf<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>} */ (
    form.querySelectorAll('input, select, textarea')
  );

/**
 * @param {HTMLFormElement} form
 * @param {ReferralList} referrals
 * @param {HTMLDetailsElement} exactDates
 */
export function saveDraft(form, referrals, exactDates) {
  /** @type {Record<string, string>} */
  const controls = {};
  for (const el of controlsOf(form)) {
    if (el.type === 'radio') {
      if (/** @type {HTMLInputElement} */ (el).checked) controls[`radio:${el.name}`] = el.value;
    } else if (el.id && !el.id.startsWith('referral-')) {
      controls[el.id] = el.value;
    }
  }
  draft = {
    controls,
    referrals: referrals.values().map(({ name, contact }) => ({ name, contact })),
    exactDatesOpen: exactDates.open,
  };
}

/**
 * Puts the kept draft back, if there is one.
 * @param {HTMLFormElement} form
 * @param {ReferralList} referrals
 * @param {HTMLDetailsElement} exactDates
 */
export function restoreDraft(form, referrals, exactDates) {
  if (!draft) return;
  const { controls } = draft;
  for (const el of controlsOf(form)) {
    if (el.type === 'radio') /** @type {HTMLInputElement} */ (el).checked = controls[`radio:${el.name}`] === el.value;
    else if (Object.hasOwn(controls, el.id)) el.value = controls[el.id] ?? '';
  }
  for (const r of draft.referrals) referrals.add(r);
  exactDates.open = draft.exactDatesOpen;
}

export function clearDraft() {
  draft = null;
}
