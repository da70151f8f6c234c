// @ts-check
/**
 * The practice settings form as the body of PUT /practice: the name, the defaults every new
 * arrangement starts from (read as a profile's usual rules are), the bounds, and how long closed
 * arrangements are kept; with the problems found before sending, and the service's problems
 * placed on the fields. Pure: the page reads the controls, this decides.
 */
import { friendlier, profileHints, rangeHint } from './hints.js';
import { boundSentence } from './new-bounds.js';
import { asProfilePath } from './practice-limits.js';
import { parseWhole } from './parse.js';
import { PROFILE_LABELS, profileFieldForPath, startingWords, usualRules } from './profile-read-form.js';
import { rangeAt } from './rules.js';
import { number } from './words.js';

/** @import { UsualValues } from './profile-read-form.js' */
/** @import { ReferralValues } from './new-read-form.js' */
/** @import { ApiIssue, BoundBreach, CheckInFormat, Limits, PortalRules, PracticeDefaults, Problem } from './types.js' */

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

/** The default a bound is measured against, when the service refuses the defaults as beyond it. */
const DEFAULT_FOR_BOUND = /** @type {const} */ ({
  maxUpdates: 'limit',
  maxCharacters: 'maxChars',
  maxWindowDays: 'windowDays',
  checkInFormats: 'format',
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
 * The service's answers, beside the fields they concern, in words for people: its problems
 * (400), or defaults beyond the bounds (409 outside-practice-bounds).
 * @param {{ errors: ApiIssue[], breaches: BoundBreach[] }} answer
 * @param {Pick<PracticeValues, 'referrals'>} values
 * @param {{ profile: Limits, practice: Limits }} limits
 * @returns {Problem[]}
 */
export function practiceProblemsFromServer({ errors, breaches }, values, limits) {
  /** @type {Record<string, string>} */
  const hints = { ...profileHints(limits.profile), ...practiceHints(limits.practice) };
  const placed = errors.map((e) => {
    const path = e.path ?? '';
    const field = practiceFieldForPath(path, values);
    const hint = hints[asProfilePath(path)] ?? (field ? hints[field] : undefined);
    return { field, message: friendlier(e.message ?? 'Please check this.', hint) };
  });
  const beyond = breaches.map((b) => ({
    field: Object.hasOwn(DEFAULT_FOR_BOUND, b.bound)
      ? DEFAULT_FOR_BOUND[/** @type {keyof typeof DEFAULT_FOR_BOUND} */ (b.bound)]
      : null,
    message: `This default goes beyond the bounds: ${boundSentence(b.bound, b.allowed).replace('Your practice allows', 'the most is')}`,
  }));
  return [...placed, ...beyond];
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
 * "More than the most updates you allow (2). Enter 2 or fewer." For a default left empty, the
 * service's own default is the one measured, and said.
 * @param {number | undefined} set the default, if one was entered
 * @param {number} fallback the service's default
 * @param {number} allowed
 * @param {string} what "updates", "characters in an update"
 */
function overBound(set, fallback, allowed, what) {
  const subject =
    set === undefined ? `Left empty, this is Afterword’s default of ${number(fallback)}, which is` : 'This is';
  return `${subject} more than the most ${what} you allow (${number(allowed)}). Enter ${number(allowed)} or fewer, or allow more below.`;
}

/**
 * Defaults beyond the bounds would have every therapist's "practice's rules" refused: said
 * beside the default, counting Afterword's own where a default is left empty.
 * @param {PracticeDefaults} d
 * @param {{ maxUpdates?: number, maxCharacters?: number, maxWindowDays?: number, formats: string[] }} b
 * @param {PortalRules['defaults']} service
 * @param {(field: PracticeField, message: string) => void} fail
 */
function checkDefaultsWithinBounds(d, b, service, fail) {
  const format = d.checkIn?.format ?? service.checkIn.format;
  if (b.formats.length && !b.formats.includes(format))
    fail('format', 'Choose a kind of check-in your practice allows (see “Check-ins allowed” below).');
  const u = d.updates ?? {};
  const limit = u.limit ?? service.updates.limit;
  if (b.maxUpdates !== undefined && limit > b.maxUpdates)
    fail('limit', overBound(u.limit, limit, b.maxUpdates, 'updates'));
  if (limit === 0) return;
  const chars = u.maxCharacters ?? service.updates.maxCharacters;
  if (b.maxCharacters !== undefined && chars > b.maxCharacters)
    fail('maxChars', overBound(u.maxCharacters, chars, b.maxCharacters, 'characters in an update'));
  // The window counts its first and last day: ending 42 days after therapy ended is 43 days of updates.
  const window = u.windowDays ?? service.updates.windowDays;
  if (b.maxWindowDays !== undefined && window + 1 > b.maxWindowDays) {
    const empty = u.windowDays === undefined ? `Left empty, this is Afterword’s default of ${window} days. ` : '';
    fail(
      'windowDays',
      `${empty}Updates would be open for ${window + 1} days, counting the first and last, more than the ${b.maxWindowDays} you allow. Enter ${b.maxWindowDays - 1} or fewer.`,
    );
  }
}

/**
 * @param {PracticeValues} values
 * @param {{ rules: PortalRules, limits: Limits }} options the service's rules; the practice's limits
 */
export function readPracticeForm(values, { rules, limits }) {
  /** @type {Problem[]} */
  const problems = [];
  /** @param {string} field @param {string} message */
  const fail = (field, message) => problems.push({ field, message });
  const name = values.name.trim();
  if (!name) fail('name', 'Enter the practice’s name.');
  else if (name.length > (limits.name?.maxLength ?? Infinity)) fail('name', practiceHints(limits).name);
  const profileLimits = rules.limits.profile;
  /** @type {PracticeDefaults} */
  const defaults = {
    ...usualRules(values, profileLimits, fail),
    ...startingWords(values, profileLimits, fail),
    crisisLocale: values.crisis,
  };
  const own = readOwnNumbers(values, limits, fail);
  const formats = /** @type {CheckInFormat[]} */ (values.formats.filter((f) => f === 'message' || f === 'session'));
  checkDefaultsWithinBounds(defaults, { ...own, formats }, rules.defaults, fail);
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
