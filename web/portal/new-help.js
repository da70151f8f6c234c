// @ts-check
/**
 * Help under the date fields once the service has worked the rules out: what an empty field
 * will mean ("If left empty: 1 January 2027"), so no date is a surprise.
 */
import { formatDate, formatDay } from './dates.js';
import { fromTo } from './hints.js';
import { span } from './words.js';

/** @import { NewValues } from './new-read-form.js' */
/** @import { PolicyRules, PortalRules } from './types.js' */

/**
 * @typedef {object} HelpTexts
 * @property {string} [weeks] only when updates are offered
 * @property {string} from
 * @property {string} until
 * @property {string} [months] only when there is a check-in
 * @property {string} closesOn
 */

/**
 * @param {PolicyRules} resolved the rules as the preview worked them out
 * @param {Pick<NewValues, 'from' | 'until' | 'closesOn'>} values what the fields hold now
 * @param {PortalRules} service
 * @returns {HelpTexts}
 */
export function helpAfterPreview(resolved, values, service) {
  const u = resolved.updates;
  const c = resolved.checkIn;
  const closeAfter = span(service.defaults.closeDaysAfterCheckIn);
  return {
    ...(u.limit > 0
      ? { weeks: `Counted from the day therapy ended. Now: from ${formatDate(u.from)} to ${formatDate(u.until)}.` }
      : {}),
    from: values.from ? 'Optional.' : `Optional. If left empty: ${formatDate(u.from)}, the day therapy ended.`,
    until: values.until
      ? 'Used instead of the weeks above.'
      : `Optional. If left empty: ${formatDate(u.until)}. A date here is used instead of the weeks above.`,
    ...(c
      ? { months: `${fromTo(service.limits.policy, 'checkIn.afterMonths')} The check-in is on ${formatDay(c.on)}.` }
      : {}),
    closesOn: values.closesOn
      ? 'After this day nothing more is sent, except a short goodbye to the client and a summary to you.'
      : `Optional. If left empty: ${formatDate(resolved.closesOn)}, ${c ? `the later of the end of updates and ${closeAfter} after the check-in` : 'the day updates end'}. After this day nothing more is sent except a short goodbye.`,
  };
}
