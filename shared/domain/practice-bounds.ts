/**
 * How a practice's bounds meet its defaults and its arrangements' changes. Pure: rules,
 * defaults and bounds in, what goes beyond a bound out (said in words in wording/practice.ts).
 */
import { boundBreaches, type BoundBreach, type PracticeBounds, type PracticeDefaults } from './practice.js';
import { DEFAULTS, type PolicyRules } from './policy.js';

/**
 * The bounds a change to an arrangement goes beyond that it did not already: a bound the
 * practice tightened after the arrangement was made does not block every later change, only
 * one that offers more of what the bound limits (or a check-in format it does not allow).
 */
export function breachesAdded(before: PolicyRules, after: PolicyRules, bounds: PracticeBounds): BoundBreach[] {
  const already = new Map(boundBreaches(before, bounds).map((b) => [b.bound, b]));
  return boundBreaches(after, bounds).filter((breach) => {
    const earlier = already.get(breach.bound);
    if (!earlier) return true;
    if (typeof breach.offered === 'number' && typeof earlier.offered === 'number')
      return breach.offered > earlier.offered;
    return breach.offered !== earlier.offered;
  });
}

/** One default of a practice that a new arrangement could not keep to: where it is, and the bound it breaks. */
export interface DefaultBeyondBound {
  /** The field of PUT /practice to change, e.g. `defaults.updates.limit`. */
  path: string;
  breach: BoundBreach;
  /** The value came from the product, not the practice: the practice has not set it. */
  fromProduct: boolean;
}

/**
 * Where the rules a new arrangement starts from (the practice's defaults over the product's)
 * would go beyond the practice's own bounds. A practice that allows no check-in format starts
 * arrangements without a check-in, so only a default check-in it names can break that bound.
 */
export function defaultsBeyondBounds(defaults: PracticeDefaults, bounds: PracticeBounds): DefaultBeyondBound[] {
  const found: DefaultBeyondBound[] = [];
  const updates = defaults.updates ?? {};
  const limit = updates.limit ?? DEFAULTS.updateLimit;
  const characters = updates.maxCharacters ?? DEFAULTS.maxCharacters;
  // The window is counted as the bound counts it: from the day therapy ended to its last day.
  const days = (updates.windowDays ?? DEFAULTS.windowDays) + 1;
  if (limit > bounds.maxUpdates)
    found.push({
      path: 'defaults.updates.limit',
      breach: { bound: 'maxUpdates', allowed: bounds.maxUpdates, offered: limit },
      fromProduct: updates.limit === undefined,
    });
  if (characters > bounds.maxCharacters)
    found.push({
      path: 'defaults.updates.maxCharacters',
      breach: { bound: 'maxCharacters', allowed: bounds.maxCharacters, offered: characters },
      fromProduct: updates.maxCharacters === undefined,
    });
  if (limit > 0 && days > bounds.maxWindowDays)
    found.push({
      path: 'defaults.updates.windowDays',
      breach: { bound: 'maxWindowDays', allowed: bounds.maxWindowDays, offered: days },
      fromProduct: updates.windowDays === undefined,
    });
  const format = defaults.checkIn?.format ?? 'message';
  const namesCheckIn = defaults.checkIn !== undefined;
  if ((bounds.checkInFormats.length > 0 || namesCheckIn) && !bounds.checkInFormats.includes(format))
    found.push({
      path: 'defaults.checkIn.format',
      breach: { bound: 'checkInFormats', allowed: bounds.checkInFormats, offered: format },
      fromProduct: defaults.checkIn?.format === undefined,
    });
  return found;
}
