// @ts-check
/** Problems shown where they belong: beside each field, in the summary, and in the preview. */
import { labelFor, NEW_LABELS } from './new-problems.js';

/** @import { ErrorTarget } from './fields.js' */
/** @import { NewField } from './new-problems.js' */
/** @import { ReferralList } from './new-referrals.js' */
/** @import { Problem } from './types.js' */

/**
 * For the new-arrangement form, and for any form with some of its fields (the edit screen):
 * `F` holds the fields by their NewField names; `parts.exactDates` opens when its dates are wrong.
 * @param {{ F: Partial<Record<NewField, ErrorTarget>>, parts?: { exactDates?: HTMLDetailsElement }, referrals: ReferralList }} form
 */
export function errorDisplay({ F, parts, referrals }) {
  /** @param {string | null} name @returns {ErrorTarget | null} */
  const targetOf = (name) => {
    if (name === null) return null;
    return Object.hasOwn(NEW_LABELS, name) ? (F[/** @type {NewField} */ (name)] ?? null) : referrals.fieldById(name);
  };
  /** @returns {ErrorTarget[]} */
  const allTargets = () => [
    ...Object.keys(NEW_LABELS).flatMap((name) => F[/** @type {NewField} */ (name)] ?? []),
    ...referrals.rows.flatMap((r) => [r.name, r.contact]),
  ];
  /** @param {Problem} p */
  const line = (p) => (targetOf(p.field) && p.field ? `${labelFor(p.field)}: ${p.message}` : p.message);

  return {
    line,
    /**
     * Shows these problems beside their fields and clears every other field's message.
     * @param {Problem[]} problems
     */
    show(problems) {
      /** @type {Map<ErrorTarget, string>} */
      const byTarget = new Map();
      for (const p of problems) {
        const target = targetOf(p.field);
        if (target && !byTarget.has(target)) byTarget.set(target, p.message);
      }
      for (const target of allTargets()) target.setError(byTarget.get(target) ?? '');
      const dates = [F.from, F.until].some((t) => t && byTarget.has(t));
      if (dates && parts?.exactDates) parts.exactDates.open = true;
    },
    /**
     * For the summary at the top of the form: each line links to its field.
     * @param {Problem[]} problems
     */
    summaryItems: (problems) =>
      problems.map((p) => ({ message: line(p), target: targetOf(p.field)?.focusTarget ?? null })),
  };
}

/** @typedef {ReturnType<typeof errorDisplay>} ErrorDisplay */
