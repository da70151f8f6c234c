/**
 * Pure building blocks shared by the use cases that move a policy between states:
 * closing (three ways), and re-planning the schedule after a change.
 */
import type { IsoDate } from '../domain/dates.js';
import type { ClosedReason, Policy } from '../domain/policy.js';
import { planSchedule } from '../domain/schedule.js';
import type { MailJob, PolicyChange } from '../ports/store.js';
import { mail } from './mail.js';
import { next } from './mutate.js';

/** Every scheduled-job key a policy's rules could have produced. */
function possibleKeys(policy: Policy): string[] {
  const reminders = policy.rules.checkIn?.remindDaysBefore.map((d) => `check-in-reminder-${d}`) ?? [];
  return ['closing', 'check-in-day', ...reminders];
}

/** The schedule of `updated`, replacing whatever `previous` had planned. */
export function replan(previous: Policy, updated: Policy, today: IsoDate): Pick<PolicyChange, 'schedule' | 'unschedule'> {
  const schedule = planSchedule(updated, today);
  const keep = new Set(schedule.map((j) => j.key));
  const unschedule = [...new Set([...possibleKeys(previous), ...possibleKeys(updated)])].filter((k) => !keep.has(k));
  return { schedule, unschedule };
}

/**
 * Closing: nothing more is sent except one goodbye to the client (not after an opt-out,
 * and only if they had accepted) and a short word to the therapist.
 */
export function closeChange(policy: Policy, today: IsoDate, reason: ClosedReason, at: string): PolicyChange {
  const closed = next(policy, { state: 'closed', closedReason: reason, closedAt: at });
  const mails: MailJob[] = [];
  if (reason === 'opted-out') {
    mails.push(mail('opted-out', {}), mail('client-opted-out', {}));
  } else {
    if (policy.acceptedAt) mails.push(mail('closing', {}));
    mails.push(mail('closing-summary', { reason, updatesReceived: policy.updatesAccepted, checkIn: policy.rules.checkIn ? policy.checkIn : 'none' }));
  }
  return {
    at,
    policy: closed,
    expectedVersion: policy.version,
    events: [{ at, type: 'closed', data: { reason } }],
    mails,
    ...replan(policy, closed, today),
  };
}
