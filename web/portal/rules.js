// @ts-check
/**
 * The service's defaults and limits, as GET /portal/rules.json gives them (built by
 * functions/web.ts from the domain's own definitions). The portal copies none of them: it
 * reads this once at start and passes it to every screen.
 */

/** @import { Bounds, Limits, PortalRules } from './types.js' */

/** @returns {Promise<PortalRules>} */
export async function loadRules() {
  const res = await fetch('/portal/rules.json', { cache: 'no-store', headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`rules ${res.status}`);
  return checkRules(await res.json());
}

/**
 * The document, if it has the parts every screen relies on; otherwise the portal does not start.
 * @param {unknown} value
 * @returns {PortalRules}
 */
export function checkRules(value) {
  const rules = /** @type {Partial<PortalRules> | null} */ (value);
  const complete = Boolean(
    rules?.defaults?.updates &&
    rules.defaults.checkIn &&
    rules.limits?.policy &&
    rules.limits.profile &&
    Array.isArray(rules.crisisLocales),
  );
  if (!complete) throw new Error('The rules document is incomplete.');
  return /** @type {PortalRules} */ (rules);
}

/**
 * One field's bounds. A missing entry is a mistake in the portal, not the therapist's.
 * @param {Limits} limits
 * @param {string} path
 * @returns {Bounds}
 */
export function boundsAt(limits, path) {
  const bounds = limits[path];
  if (!bounds) throw new Error(`The service gives no limits for ${path}.`);
  return bounds;
}

/**
 * @param {Bounds} bounds
 * @param {keyof Bounds} key
 * @returns {number}
 */
function need(bounds, key) {
  const value = bounds[key];
  if (value === undefined) throw new Error(`The service gives no ${key} here.`);
  return value;
}

/**
 * The smallest and largest whole number a field takes.
 * @param {Limits} limits
 * @param {string} path
 */
export function rangeAt(limits, path) {
  const bounds = boundsAt(limits, path);
  return { min: need(bounds, 'minimum'), max: need(bounds, 'maximum') };
}

/**
 * The longest text a field takes.
 * @param {Limits} limits
 * @param {string} path
 */
export function maxLengthAt(limits, path) {
  return need(boundsAt(limits, path), 'maxLength');
}

/**
 * The most entries a list takes.
 * @param {Limits} limits
 * @param {string} path
 */
export function maxItemsAt(limits, path) {
  return need(boundsAt(limits, path), 'maxItems');
}

/**
 * The crisis locales as [code, label] pairs, for a select.
 * @param {PortalRules} rules
 * @returns {[string, string][]}
 */
export function crisisOptions(rules) {
  return rules.crisisLocales.map(({ code, label }) => [code, label]);
}

/**
 * @param {PortalRules} rules
 * @param {string} code
 */
export function crisisLabel(rules, code) {
  return rules.crisisLocales.find((locale) => locale.code === code)?.label;
}
