/**
 * What the dispatcher will do for a policy, and when. Scheduled work goes out at 09:00 in
 * the policy's time zone on its day. Consent first: before the client accepts, only the
 * closing date is planned (so an unanswered invitation still ends quietly).
 */
import { addDays, instantAt, type IsoDate } from './dates.js';
import { DEFAULTS, type Policy } from './policy.js';

export type ScheduledKind = 'check-in-reminder' | 'check-in-day' | 'closing' | 'resume';

export interface ScheduledJob {
  kind: ScheduledKind;
  /** Stable per policy, so re-planning replaces instead of duplicating. */
  key: string;
  /** The calendar day it belongs to, in the policy's zone. */
  on: IsoDate;
  /** UTC instant it becomes due. */
  dueAt: string;
  daysBefore?: number;
}

/** Every job a policy's rules describe, whatever its state: the stable key → due time map. */
export function scheduleCandidates(policy: Policy): ScheduledJob[] {
  const { timeZone, checkIn, closesOn } = policy.rules;
  const at = (on: IsoDate) => instantAt(on, DEFAULTS.sendAt, timeZone);
  const jobs: ScheduledJob[] = [];
  if (checkIn) {
    for (const daysBefore of checkIn.remindDaysBefore) {
      const on = addDays(checkIn.on, -daysBefore);
      jobs.push({ kind: 'check-in-reminder', key: `check-in-reminder-${daysBefore}`, on, dueAt: at(on), daysBefore });
    }
    jobs.push({ kind: 'check-in-day', key: 'check-in-day', on: checkIn.on, dueAt: at(checkIn.on) });
  }
  jobs.push({ kind: 'closing', key: 'closing', on: closesOn, dueAt: at(closesOn) });
  // A pause with an end date opens again by itself that morning.
  const until = policy.pause?.until;
  if (until) jobs.push({ kind: 'resume', key: 'resume', on: until, dueAt: at(until) });
  return jobs;
}

export function planSchedule(policy: Policy, today: IsoDate): ScheduledJob[] {
  if (policy.state === 'closed' || policy.state === 'declined') return [];
  const checkInAhead = policy.state !== 'invited' && policy.checkIn === 'pending';
  return scheduleCandidates(policy).filter((job) => {
    switch (job.kind) {
      case 'closing':
        return true;
      case 'check-in-reminder':
        // A reminder whose day has passed (a late acceptance) would only confuse.
        return checkInAhead && job.on > today;
      case 'check-in-day':
        return checkInAhead && job.on >= today;
      case 'resume':
        return policy.state === 'paused';
    }
  });
}
