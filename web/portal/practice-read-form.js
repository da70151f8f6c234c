// @ts-check
/**
 * The practice settings form as the body of PUT /practice: the name, the defaults every new
 * arrangement starts from (read as a profile's usual rules are), the bounds, and how long closed
 * arrangements are kept; with the problems found before sending, and the service's problems
 * placed on the fields. Whether the defaults keep to the bounds is the service's to say (400,
 * beside each default). Pure: the page reads the controls, this decides.
 */
import { friendlier, profileHints, rangeHint } from './hints.js';
import { asProfilePath } from './practice-limits.js';
import { parseWhole } from './parse.js';
import { PROFILE_LABELS, profileFieldForPath, startingWords, usualRules } from './profile-read-form.js';
import { rangeAt } from './rules.js';
import { number } from './words.js';

/** @import { UsualValues } from './profile-read-form.js' */
/** @import { ReferralValues } from './new-read-form.js' */
/** @import { ApiIssue, CheckInFormat, Limits, PortalRules, PracticeDefaults, Problem } from './types.js' */

/**
 * What the controls hold ('' for empty).
 * @typedef {UsualValues & {
 *   name: string, crisis: string, invitationNote: string, closingNote: string, referrals: ReferralValues[],
 *   maxUpdates: string, maxCharacters: string, maxWindowDays: string, formats: string[], retentionDays: string,
 * }} PracticeValues
 */

/** How each field is named in the summary of problems. */
export const PRACTICE_LABELS = /** @type {const} */ ({
  name: 'Practice name',
  limit: PROFILE_LABELS.limit,
  gap: PROFILE_LABELS.gap,
  maxChars: PROFILE_LABELS.maxChars,
  windowDays: PROFILE_LABELS.windowDays,
  months: PROFILE_LABELS.months,
  format: PROFILE_LABELS.format,
  remind: PROFILE_LABELS.remind,
  replies: PROFILE_LABELS.replies,
  crisis: PROFILE_LABELS.crisis,
  invitationNote: PROFILE_LABELS.invitationNote,
  closingNote: PROFILE_LABELS.closingNote,
  maxUpdates: 'Most updates',
  maxCharacters: 'Longest update allowed',
  maxWindowDays: 'Longest update window',
  formats: 'Check-ins allowed',
  retentionDays: 'Keeping closed arrangements',
});

/** @typedef {keyof typeof PRACTICE_LABELS} PracticeField */

/** The bounds' and retention's fields, by their PUT /practice paths. */
const OWN_PATHS = /** @type {const} */ ({
  name: 'name',
  'bounds.maxUpdates': 'maxUpdates',
  'bounds.maxCharacters': 'maxCharacters',
  'bounds.maxWindowDays': 'maxWindowDays',
  'bounds.checkInFormats': 'formats',
  retentionDays: 'retentionDays',
  'defaults.crisisLocale': 'crisis',
});

/**
 * The plain words under each of the practice's own numbers, from the limits it takes.
 * @param {Limits} limits the practice's limits (practiceLimits)
 */
export function practiceHints(limits) {
  const retention = rangeAt(limits, 'retentionDays');
  return {
    name: 'Enter the practice’s name, as clients will read it in emails from the practice.',
    maxUpdates: rangeHint(limits, 'bounds.maxUpdates'),
    maxCharacters: rangeHint(limits, 'bounds.maxCharacters'),
    maxWindowDays: rangeHint(limits, 'bounds.maxWindowDays', 'days'),
    retentionDays: `Choose a number of days from ${number(retention.min)} to ${number(retention.max)} (10 years).`,
  };
}

/**
 * The field a problem the service reported belongs to: the practice's own, a default, or a referral.
 * @param {string} path
 * @param {Pick<PracticeValues, 'referrals'>} values what was sent
 * @returns {string | null}
 */
export function practiceFieldForPath(path, values) {
  const referral = /^defaults\.referrals\.(\d+)\.(name|contact)/.exec(path);
  if (referral) {
    const sent = values.referrals.filter((r) => r.name.trim() || r.contact.trim());
    const row = sent[Number(referral[1])];
    return row ? `referral-${row.key}-${referral[2]}` : null;
  }
  for (const [prefix, field] of Object.entries(OWN_PATHS)) {
    if (path === prefix || path.startsWith(`${prefix}.`)) return field;
  }
  return path.startsWith('defaults.') ? profileFieldForPath(asProfilePath(path)) : null;
}

/**
 * The service's problems (400), beside the fields they concern, in words for people; defaults
 * beyond the bounds among them, named by the default's path.
 * @param {ApiIssue[]} errors
 * @param {Pick<PracticeValues, 'referrals'>} values
 * @param {{ profile: Limits, practice: Limits }} limits
 * @returns {Problem[]}
 */
export function practiceProblemsFromServer(errors, values, limits) {
  /** @type {Record<string, string>} */
  const hints = { ...profileHints(limits.profile), ...practiceHints(limits.practice) };
  return errors.map((e) => {
    const path = e.path ?? '';
    const field = practiceFieldForPath(path, values);
    const hint = hints[asProfilePath(path)] ?? (field ? hints[field] : undefined);
    return { field, message: friendlier(e.message ?? 'Please check this.', hint) };
  });
}

/**
 * The bounds and retention: whole numbers within the service's limits, each required.
 * @param {PracticeValues} values
 * @param {Limits} limits
 * @param {(field: PracticeField, message: string) => void} fail
 */
function readOwnNumbers(values, limits, fail) {
  const hints = practiceHints(limits);
  /** @param {'maxUpdates' | 'maxCharacters' | 'maxWindowDays' | 'retentionDays'} field @param {string} path */
  const whole = (field, path) => {
    const n = parseWhole(values[field], values.incomplete?.includes(field));
    const { min, max } = rangeAt(limits, path);
    if (n === '' || Number.isNaN(n) || n < min || n > max) {
      fail(field, hints[field]);
      return undefined;
    }
    return n;
  };
  return {
    maxUpdates: whole('maxUpdates', 'bounds.maxUpdates'),
    maxCharacters: whole('maxCharacters', 'bounds.maxCharacters'),
    maxWindowDays: whole('maxWindowDays', 'bounds.maxWindowDays'),
    retentionDays: whole('retentionDays', 'retentionDays'),
  };
}

/**
 * The defaults as PUT /practice replaces them: the service keeps any part the body leaves out,
 * so a part emptied here is sent empty (none), and replies, which cannot be sent empty, as
 * Afterword's own default once the practice had one of its own.
 * @param {PracticeValues} values
 * @param {{ rules: PortalRules, stored: PracticeDefaults }} options
 * @param {(field: string, message: string) => void} fail
 * @returns {PracticeDefaults}
 */
function readDefaults(values, { rules, stored }, fail) {
  const limits = rules.limits.profile;
  const usual = usualRules(values, limits, fail);
  const words = startingWords(values, limits, fail);
  /** @type {PracticeDefaults} */
  const defaults = { updates: usual.updates ?? {} };
  // A practice that allows no check-in has no default check-in, not even an empty one.
  if (usual.checkIn || values.formats.length) defaults.checkIn = usual.checkIn ?? {};
  const replies = usual.replies ?? (stored.replies ? rules.defaults.replies : undefined);
  if (replies) defaults.replies = replies;
  return {
    ...defaults,
    referrals: words.referrals ?? [],
    invitationNote: words.invitationNote ?? null,
    closingNote: words.closingNote ?? null,
    crisisLocale: values.crisis,
  };
}

/**
 * @param {PracticeValues} values
 * @param {{ rules: PortalRules, limits: Limits, stored?: PracticeDefaults }} options the service's
 *   rules; the practice's limits; the defaults as saved before
 */
export function readPracticeForm(values, { rules, limits, stored = {} }) {
  /** @type {Problem[]} */
  const problems = [];
  /** @param {string} field @param {string} message */
  const fail = (field, message) => problems.push({ field, message });
  const name = values.name.trim();
  if (!name) fail('name', 'Enter the practice’s name.');
  else if (name.length > (limits.name?.maxLength ?? Infinity)) fail('name', practiceHints(limits).name);
  const defaults = readDefaults(values, { rules, stored }, fail);
  const own = readOwnNumbers(values, limits, fail);
  const formats = /** @type {CheckInFormat[]} */ (values.formats.filter((f) => f === 'message' || f === 'session'));
  const body = {
    name,
    defaults,
    bounds: {
      maxUpdates: own.maxUpdates,
      maxCharacters: own.maxCharacters,
      maxWindowDays: own.maxWindowDays,
      checkInFormats: formats,
    },
    retentionDays: own.retentionDays,
  };
  return { body, problems };
}
