/**
 * The dispatcher: runs everything that is due. DynamoDB is the only source of truth for
 * what is due (a sparse index), each job is claimed with a conditional write before it
 * runs, so a missed run simply catches up and two overlapping runs never send twice.
 *
 * Steps: query due jobs → claim each → mail jobs send; scheduled jobs (reminders,
 * check-in day, closing) change the policy and enqueue their emails in one transaction →
 * repeat until nothing is due or the budget is spent.
 */
import { VersionConflictError } from '../domain/errors.js';
import { addDays, instantAt } from '../domain/dates.js';
import { DEFAULTS, type Policy } from '../domain/policy.js';
import type { ScheduledJob } from '../domain/schedule.js';
import { errorFields } from '../ports/logger.js';
import type { Job, MailJob, PolicyChange } from '../ports/store.js';
import { mail } from './mail.js';
import type { Deps } from './deps.js';
import { failJob, leaseUntil, runMailJob, type JobOutcome } from './deliver.js';
import { closeChange } from './lifecycle.js';
import { afterCommit, next, today } from './mutate.js';

export interface DispatchSummary {
  ran: number;
  outcomes: Record<JobOutcome, number>;
}

const BATCH = 25;

export async function dispatch(deps: Deps, budget = 500): Promise<DispatchSummary> {
  const summary: DispatchSummary = { ran: 0, outcomes: { done: 0, skipped: 0, retry: 0, dead: 0, lost: 0 } };
  while (summary.ran < budget) {
    const due = await deps.store.dueJobs(deps.clock.now(), BATCH);
    if (due.length === 0) break;
    let progressed = false;
    for (const job of due) {
      const claimed = await deps.store.claimJob(job, leaseUntil(deps));
      summary.ran += 1;
      if (!claimed) {
        summary.outcomes.lost += 1;
        continue;
      }
      progressed = true;
      const outcome = await runJob(deps, claimed).catch((err: unknown) => failJob(deps, claimed, err));
      summary.outcomes[outcome] += 1;
    }
    // Every job in the batch was taken by a concurrent run: let that run finish them.
    if (!progressed) break;
  }
  if (summary.ran > 0) deps.log.info('dispatch.finished', { count: summary.ran, ...summary.outcomes });
  return summary;
}

async function runJob(deps: Deps, job: Job): Promise<JobOutcome> {
  if (job.mail) return runMailJob(deps, job as Job & { mail: MailJob });
  if (job.scheduled) return runScheduledJob(deps, job, job.scheduled);
  await deps.store.completeJob(job);
  return 'skipped';
}

async function runScheduledJob(deps: Deps, job: Job, scheduled: ScheduledJob): Promise<JobOutcome> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const policy = await deps.store.getPolicy(job.policyId);
    if (!policy) {
      await deps.store.completeJob(job);
      return 'skipped';
    }
    const todayDate = today(deps, policy);
    const decided = decideScheduled(policy, todayDate, scheduled, deps.clock.now().toISOString());
    if ('deferTo' in decided) {
      // Paused: look again tomorrow at 09:00; once resumed it runs (or is skipped as stale).
      await deps.store.retryJob(job, new Date(decided.deferTo));
      return 'skipped';
    }
    const change = decided;
    change.completeJob = job;
    try {
      const mails = await deps.store.commit(change);
      deps.log.info('scheduled.ran', { policyId: policy.id, jobKind: scheduled.kind, count: mails.length });
      await afterCommit(deps, change, mails);
      return mails.length > 0 || change.policy.state !== policy.state ? 'done' : 'skipped';
    } catch (err) {
      if (!(err instanceof VersionConflictError)) throw err;
      // The policy changed (or another run completed this job): read again. If the job is
      // gone, the next commit fails on its lease as well and the loop ends as "lost".
    }
  }
  deps.log.warn('scheduled.lost', {
    policyId: job.policyId,
    jobKind: scheduled.kind,
    ...errorFields(new VersionConflictError()),
  });
  return 'lost';
}

/** The check-in day email still makes sense: its day, or the message window still open. */
function checkInStillOpen(policy: Policy, todayDate: string): boolean {
  const c = policy.rules.checkIn;
  if (!c) return false;
  return todayDate <= (c.format === 'message' ? c.messageUntil : c.on);
}

/** What a scheduled job does to a policy as it is now. Pure. */
export function decideScheduled(
  policy: Policy,
  todayDate: string,
  scheduled: ScheduledJob,
  at: string,
): PolicyChange | { deferTo: string } {
  const quiet: PolicyChange = { at, policy: next(policy, {}), expectedVersion: policy.version };
  // A pause holds the check-in emails back rather than dropping them.
  if (policy.state === 'paused' && scheduled.kind !== 'closing') {
    return { deferTo: instantAt(addDays(todayDate, 1), DEFAULTS.sendAt, policy.rules.timeZone) };
  }
  switch (scheduled.kind) {
    case 'check-in-reminder': {
      if (policy.state !== 'active' || policy.checkIn !== 'pending') return quiet;
      // After downtime, a reminder whose day has passed would only confuse ("in 7 days", late).
      if (todayDate > scheduled.on) return quiet;
      const data = { daysBefore: scheduled.daysBefore ?? 0 };
      return {
        ...quiet,
        events: [{ at, type: 'check-in-reminder', data }],
        mails: [mail('check-in-reminder', data), mail('therapist-check-in-reminder', data)],
      };
    }
    case 'check-in-day': {
      if (policy.state !== 'active' || policy.checkIn !== 'pending') return quiet;
      if (!checkInStillOpen(policy, todayDate)) return quiet;
      return {
        ...quiet,
        events: [{ at, type: 'check-in-day' }],
        mails: [mail('check-in-day', {}), mail('therapist-check-in-day', {})],
      };
    }
    case 'closing': {
      if (policy.state === 'closed' || policy.state === 'declined') return quiet;
      if (scheduled.on !== policy.rules.closesOn || todayDate < policy.rules.closesOn) return quiet;
      return closeChange(policy, 'closing-date', at);
    }
  }
}
