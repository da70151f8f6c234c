// @ts-check
/**
 * The starting points for a new arrangement. "Gentle" is exactly what the service does when
 * nothing is chosen (its defaults, from rules.json); "Your practice's rules" are the practice's
 * defaults; "Your usual rules" are the therapist's own, over the practice's.
 */
import { plural } from './words.js';

/** @import { NewValues } from './new-read-form.js' */
/** @import { CheckInFormat, DefaultRules, PracticeBounds, Profile, PortalRules, Replies } from './types.js' */

/**
 * What a preset fills in. '' leaves a field empty (the service's default applies).
 * @typedef {object} PresetRules
 * @property {number} limit
 * @property {number | ''} gap
 * @property {number | ''} weeks
 * @property {number | ''} maxChars
 * @property {CheckInFormat | 'none'} format
 * @property {number} months
 * @property {number[]} remind
 * @property {Replies} replies
 * @property {number} [days] the window in days, said when it is not whole weeks (weeks is then '')
 */

/** @typedef {{ value: string, label: string, hint: string, rules: PresetRules }} Preset */

/**
 * "Up to 3 updates over 6 weeks, at least 7 days apart, and a check-in message after 3 months."
 * @param {Pick<PresetRules, 'limit' | 'gap' | 'weeks' | 'format' | 'months' | 'days'>} r
 */
export function describePreset(r) {
  const over = r.weeks === '' && r.days ? plural(r.days, 'day') : `${r.weeks} weeks`;
  const updates =
    r.limit === 0
      ? 'No written updates'
      : `Up to ${plural(r.limit, 'update')} over ${over}, at least ${plural(Number(r.gap), 'day')} apart`;
  const checkIn =
    r.format === 'none'
      ? 'no check-in'
      : `a check-in ${r.format === 'session' ? 'session' : 'message'} after ${plural(r.months, 'month')}`;
  return `${updates}, and ${checkIn}.`;
}

/**
 * The service's own defaults, as a preset.
 * @param {PortalRules['defaults']} d
 * @returns {PresetRules}
 */
export function serviceDefaults(d) {
  return {
    limit: d.updates.limit,
    gap: d.updates.minDaysBetween,
    weeks: Math.round(d.updates.windowDays / 7),
    maxChars: d.updates.maxCharacters,
    format: d.checkIn.format,
    months: d.checkIn.afterMonths,
    remind: d.checkIn.remindDaysBefore,
    replies: d.replies,
  };
}

/**
 * Rules set somewhere (the practice's defaults, or the therapist's usual rules) over `base`,
 * each gap filled from it; null when they set none of the rules.
 * @param {DefaultRules | null | undefined} d
 * @param {PresetRules} base
 * @returns {PresetRules | null}
 */
function layered(d, base) {
  const some = (/** @type {object | undefined} */ part) => Object.keys(part ?? {}).length > 0;
  if (!(d && (some(d.updates) || some(d.checkIn) || d.replies))) return null;
  // A window of whole weeks fills in the weeks; any other is left to the service, which ends it as the settings say.
  const days = d.updates?.windowDays;
  /** @type {Pick<PresetRules, 'weeks' | 'days'>} */
  const span =
    days === undefined
      ? { weeks: base.weeks, ...(base.days ? { days: base.days } : {}) }
      : days % 7 === 0
        ? { weeks: days / 7 }
        : { weeks: '', days };
  return {
    limit: d.updates?.limit ?? base.limit,
    gap: d.updates?.minDaysBetween ?? base.gap,
    ...span,
    maxChars: d.updates?.maxCharacters ?? base.maxChars,
    format: d.checkIn?.format ?? base.format,
    months: d.checkIn?.afterMonths ?? base.months,
    remind: d.checkIn?.remindDaysBefore ?? base.remind,
    replies: d.replies ?? base.replies,
  };
}

/**
 * Whether a preset keeps to the practice's bounds. The window counts its first and last day,
 * as the service does: six weeks after the end of therapy is 43 days.
 * @param {PresetRules} r
 * @param {PracticeBounds} bounds
 */
export function presetFits(r, bounds) {
  if (r.limit > bounds.maxUpdates) return false;
  if (r.limit > 0 && r.maxChars !== '' && r.maxChars > bounds.maxCharacters) return false;
  const windowDays = r.weeks !== '' ? r.weeks * 7 + 1 : r.days ? r.days + 1 : 0;
  if (r.limit > 0 && windowDays > bounds.maxWindowDays) return false;
  return r.format === 'none' || bounds.checkInFormats.includes(r.format);
}

/**
 * The presets offered, the first one chosen: the therapist's usual rules (over the practice's
 * defaults), then the practice's defaults (the same for every therapist of the practice), then
 * the service's own starting points that keep to the practice's bounds.
 * @param {Profile} profile
 * @param {PortalRules['defaults']} defaults
 * @returns {[Preset, ...Preset[]]}
 */
export function presetsFor(profile, defaults) {
  const bounds = profile.practice?.bounds;
  // A practice that offers no check-in starts every arrangement without one.
  const noCheckIn = bounds?.checkInFormats.length === 0;
  /** @param {PresetRules | null} r @returns {PresetRules | null} */
  const fit = (r) => (r && noCheckIn ? { ...r, format: 'none' } : r);
  const system = /** @type {PresetRules} */ (fit(serviceDefaults(defaults)));
  const practice = fit(layered(profile.practice?.defaults, system));
  const usual = fit(layered(profile.defaultRules, practice ?? system));
  /** @type {Preset[]} */
  const own = [];
  if (usual)
    own.push({
      value: 'usual',
      label: 'Your usual rules',
      hint: `${describePreset(usual)} (Set in your profile.)`,
      rules: usual,
    });
  if (practice)
    own.push({
      value: 'practice',
      label: 'Your practice’s rules',
      hint: `${describePreset(practice)} (Set by your practice, the same for every therapist.)`,
      rules: practice,
    });
  const [gentle, ...others] = builtIn(system, own.length > 0, noCheckIn);
  const fitting = bounds ? [gentle, ...others].filter((p) => presetFits(p.rules, bounds)) : [gentle, ...others];
  const [first = gentle, ...rest] = [...own, ...fitting];
  return [first, ...rest];
}

/**
 * The service's own starting points.
 * @param {PresetRules} system
 * @param {boolean} othersFirst whether a preset of the therapist's or the practice's comes before these
 * @param {boolean} noCheckIn the practice offers no check-in
 * @returns {[Preset, ...Preset[]]}
 */
function builtIn(system, othersFirst, noCheckIn) {
  /** @type {PresetRules} */
  const checkInOnly = {
    limit: 0,
    gap: '',
    weeks: '',
    maxChars: '',
    format: 'session',
    months: system.months,
    remind: system.remind,
    replies: system.replies,
  };
  /** @type {PresetRules} */
  const more = {
    limit: 6,
    gap: 5,
    weeks: 12,
    maxChars: system.maxChars,
    format: noCheckIn ? 'none' : 'message',
    months: system.months,
    remind: system.remind,
    replies: system.replies,
  };
  return [
    {
      value: 'gentle',
      label: othersFirst ? 'Gentle' : 'Gentle (the usual choice)',
      hint: describePreset(system),
      rules: system,
    },
    {
      value: 'check-in-only',
      label: 'Check-in only',
      hint: `No written updates, and one check-in session after ${plural(checkInOnly.months, 'month')}.`,
      rules: checkInOnly,
    },
    { value: 'more', label: 'More contact', hint: describePreset(more), rules: more },
  ];
}

/**
 * What a preset puts in the form's rule fields; exact dates are cleared, so the rules follow
 * from the day therapy ended.
 * @param {PresetRules} r
 * @returns {Pick<NewValues, 'limit' | 'gap' | 'weeks' | 'maxChars' | 'from' | 'until' | 'format' | 'months' | 'checkinOn' | 'remind' | 'replies' | 'closesOn'>}
 */
export function presetValues(r) {
  return {
    limit: String(r.limit),
    gap: r.gap === '' ? '' : String(r.gap),
    weeks: r.weeks === '' ? '' : String(r.weeks),
    maxChars: r.maxChars === '' ? '' : String(r.maxChars),
    from: '',
    until: '',
    format: r.format,
    months: String(r.months),
    checkinOn: '',
    remind: r.remind.length ? r.remind.join(', ') : 'none',
    replies: r.replies,
    closesOn: '',
  };
}
