/** Small facts about a policy that both client and therapist emails put into words. */
import { todayIn, type IsoDate } from '../domain/dates.js';
import type { Policy } from '../domain/policy.js';

/**
 * The day the arrangement closed, in its own time zone. A retried email sent a day later
 * still names the right day; `today` is the fallback for a policy not (yet) marked closed.
 */
export function closedOn(policy: Policy, today: IsoDate, reason: string | null = policy.closedReason): IsoDate {
  if (reason === 'closing-date') return policy.rules.closesOn;
  if (policy.closedAt) {
    const instant = new Date(policy.closedAt);
    if (!Number.isNaN(instant.getTime())) return todayIn(policy.rules.timeZone, instant);
  }
  return today;
}
