/**
 * How long an arrangement's data is kept once it has ended: `retentionDays` (its practice's
 * setting, re-applied when the practice changes it) after the day it closed or was declined.
 */
import { addDays, todayIn, type IsoDate } from './dates.js';
import type { Policy } from './policy.js';

/** The day it ended, in its own time zone; null while it is open. A close on the closing date is that date. */
export function endedOnDay(policy: Pick<Policy, 'closedAt' | 'closedReason' | 'rules'>): IsoDate | null {
  if (!policy.closedAt) return null;
  if (policy.closedReason === 'closing-date') return policy.rules.closesOn;
  return todayIn(policy.rules.timeZone, new Date(policy.closedAt));
}

/** The day its data is deleted (as the emails and the record say it); null while it is open. */
export function deletionDay(
  policy: Pick<Policy, 'closedAt' | 'closedReason' | 'rules' | 'retentionDays'>,
): IsoDate | null {
  const ended = endedOnDay(policy);
  return ended === null ? null : addDays(ended, policy.retentionDays);
}
