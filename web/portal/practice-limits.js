// @ts-check
/**
 * What PUT /practice accepts for the practice's name, bounds and retention, by its paths
 * ("bounds.maxUpdates"). Its defaults are checked by the same schema parts as a profile's usual
 * rules (the settings form reads them from the profile's limits), and its name and first two
 * bounds by those of a profile's name and a policy's rules, so they are read from rules.json. The
 * window and retention limits are the service's when rules.json gives the practice's own
 * limits; until then they are the domain's (PRODUCT_LIMITS and RETENTION in
 * shared/domain/practice.ts; a unit test keeps the two the same).
 */

/** @import { Limits, PortalRules } from './types.js' */

/** Closed data is kept 30 to 3,650 days (the product's contract); an update window is at most 366 days. */
const STATED = {
  'bounds.maxWindowDays': { minimum: 1, maximum: 366 },
  retentionDays: { minimum: 30, maximum: 3650 },
};

/**
 * The limits of the practice's name, bounds and retention.
 * @param {PortalRules} rules
 * @returns {Limits}
 */
export function practiceLimits(rules) {
  /** @type {Record<string, Limits | undefined>} */
  const all = rules.limits;
  const own = all.practice;
  if (own) return own;
  const { policy, profile } = rules.limits;
  /** @type {Limits} */
  const limits = { ...STATED };
  if (profile.displayName) limits.name = profile.displayName;
  if (policy['updates.limit']) limits['bounds.maxUpdates'] = policy['updates.limit'];
  if (policy['updates.maxCharacters']) limits['bounds.maxCharacters'] = policy['updates.maxCharacters'];
  return limits;
}

/**
 * A PUT /practice path as a profile's usual rules name it ("defaults.updates.limit" →
 * "defaultRules.updates.limit"), so the profile form's pieces place and word its problems.
 * @param {string} path
 */
export const asProfilePath = (path) => (path.startsWith('defaults.') ? `defaultRules.${path.slice(9)}` : path);
