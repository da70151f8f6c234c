/**
 * Pure building blocks shared by the use cases that move a policy between states:
 * closing (three ways), and re-planning the schedule after a change.
 */
import { todayIn } from '../domain/dates.js';
import type { ClosedReason, Pause, Policy } from '../domain/policy.js';
import { planSchedule, scheduleCandidates } from '../domain/schedule.js';
import type { MailJob, PolicyChange } from '../ports/store.js';
import { mail } from './mail.js';
import { next } from './mutate.js';

/**
 * The schedule of `updated`, replacing what `previous` had planned. Only the future is
 * touched: a job whose time has come is either done already (rewriting it would send it
 * twice) or waiting for the dispatcher, which checks the policy's state when it runs it.
 */
export function replan(previous: Policy, updated: Policy, at: string): Pick<PolicyChange, 'schedule' | 'unschedule'> {
  const today = todayIn(updated.rules.timeZone, new Date(at));
  // The closing job is the exception: closing twice is harmless, and a closing date that has
  // come must still close the policy (at the next dispatcher run), never be dropped.
  const touchable = (job: { key: string; dueAt: string }) => job.key === 'closing' || job.dueAt > at;
  const schedule = planSchedule(updated, today).filter(touchable);
  const keep = new Set(schedule.map((j) => j.key));
  const unschedule = [
    ...new Set([...scheduleCandidates(previous), ...scheduleCandidates(updated)].filter(touchable).map((j) => j.key)),
  ].filter((key) => !keep.has(key));
  return { schedule, unschedule };
}

/**
 * The usual shape of a state change: the next snapshot, one timeline entry, the emails it
 * causes, and (unless told otherwise) the schedule re-planned for the new state.
 */
export function transition(
  policy: Policy,
  patch: Partial<Policy>,
  at: string,
  event: { type: string; data?: Record<string, string | number | boolean> },
  mails: MailJob[] = [],
  options: { replan?: boolean } = {},
): PolicyChange {
  const updated = next(policy, patch);
  return {
    at,
    policy: updated,
    expectedVersion: policy.version,
    events: [{ at, ...event }],
    ...(mails.length > 0 ? { mails } : {}),
    ...(options.replan === false ? {} : replan(policy, updated, at)),
  };
}

/**
 * Closing: nothing more is sent except one goodbye to the client (not after an opt-out,
 * and only if they had accepted) and a short word to the therapist.
 */
export function closeChange(policy: Policy, reason: ClosedReason, at: string): PolicyChange {
  const closed = next(policy, { state: 'closed', closedReason: reason, closedAt: at });
  const mails: MailJob[] = [];
  if (reason === 'opted-out') {
    mails.push(mail('opted-out', {}), mail('client-opted-out', {}));
  } else {
    if (policy.acceptedAt) mails.push(mail('closing', {}));
    mails.push(
      mail('closing-summary', {
        reason,
        updatesReceived: policy.updatesAccepted,
        checkIn: policy.rules.checkIn ? policy.checkIn : 'none',
      }),
    );
  }
  return {
    at,
    policy: closed,
    expectedVersion: policy.version,
    events: [{ at, type: 'closed', data: { reason } }],
    mails,
    ...replan(policy, closed, at),
  };
}

/** Pausing: nothing is lost or dropped; the client is told once, and (with `until`) it reopens by itself. */
export function pauseChange(policy: Policy, pause: Pause, at: string): PolicyChange {
  const data = pause.until ? { until: pause.until } : undefined;
  return transition(policy, { state: 'paused', pause }, at, { type: 'paused', ...(data ? { data } : {}) }, [
    mail('paused', { until: pause.until, note: pause.note ?? '' }),
  ]);
}

/** Resuming, by the therapist or on the pause's end date: the client is told it is open again. */
export function resumeChange(policy: Policy, at: string, by: 'therapist' | 'schedule'): PolicyChange {
  return transition(policy, { state: 'active', pause: null }, at, { type: 'resumed', data: { by } }, [
    mail('resumed', {}),
  ]);
}
