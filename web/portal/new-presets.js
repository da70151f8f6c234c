// @ts-check
/**
 * The starting points for a new arrangement. "Gentle" is exactly what the service does when
 * nothing is chosen (its defaults, from rules.json); "Your usual rules" is the therapist's own.
 */
import { plural } from './words.js';

/** @import { NewValues } from './new-read-form.js' */
/** @import { CheckInFormat, Profile, PortalRules, Replies } from './types.js' */

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
 * The therapist's usual rules (from their profile), each gap filled by the service's default;
 * null when they have set none.
 * @param {Profile} profile
 * @param {PresetRules} system
 * @returns {PresetRules | null}
 */
function usualRules(profile, system) {
  const d = profile.defaultRules;
  if (!(d && (d.updates || d.checkIn || d.replies))) return null;
  // A window of whole weeks fills in the weeks; any other is left to the service, which ends it as the profile says.
  const days = d.updates?.windowDays;
  /** @type {Pick<PresetRules, 'weeks' | 'days'>} */
  const span =
    days === undefined ? { weeks: system.weeks } : days % 7 === 0 ? { weeks: days / 7 } : { weeks: '', days };
  return {
    limit: d.updates?.limit ?? system.limit,
    gap: d.updates?.minDaysBetween ?? system.gap,
    ...span,
    maxChars: d.updates?.maxCharacters ?? system.maxChars,
    format: d.checkIn?.format ?? system.format,
    months: d.checkIn?.afterMonths ?? system.months,
    remind: d.checkIn?.remindDaysBefore ?? system.remind,
    replies: d.replies ?? system.replies,
  };
}

/**
 * The presets offered, the first one chosen.
 * @param {Profile} profile
 * @param {PortalRules['defaults']} defaults
 * @returns {[Preset, ...Preset[]]}
 */
export function presetsFor(profile, defaults) {
  const system = serviceDefaults(defaults);
  const usual = usualRules(profile, system);
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
    format: 'message',
    months: system.months,
    remind: system.remind,
    replies: system.replies,
  };
  /** @type {[Preset, ...Preset[]]} */
  const offered = [
    {
      value: 'gentle',
      label: usual ? 'Gentle' : 'Gentle (the usual choice)',
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
  return usual
    ? [
        {
          value: 'usual',
          label: 'Your usual rules',
          hint: `${describePreset(usual)} (Set in your profile.)`,
          rules: usual,
        },
        ...offered,
      ]
    : offered;
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
