/**
 * The dispatcher: runs everything that is due. DynamoDB is the only source of truth for
 * what is due (a sparse index, spread over shards), each job is claimed with a conditional
 * write before it runs, so a missed run simply catches up and overlapping runs never send twice.
 *
 * Steps: read the account's sending rate → query every shard in parallel → claim each job
 * (at most `concurrency` in flight) → mail jobs send, paced under the rate; scheduled jobs
 * (reminders, check-in day, closing) change the policy and send their emails in one go; a
 * therapist's daily digest sends its one email (daily-digest.ts) →
 * repeat per shard until nothing is due or too little time is left to finish a job.
 */
import { VersionConflictError } from '../domain/errors.js';
import { addDays, instantAt } from '../domain/dates.js';
import { checkInLastDay, DEFAULTS, type Policy } from '../domain/policy.js';
import type { ScheduledJob } from '../domain/schedule.js';
import { errorFields } from '../ports/logger.js';
import type { SendingLimits } from '../ports/sending.js';
import type { DueDigest, DueJob, Job, PolicyChange } from '../ports/store.js';
import { runDigest } from './daily-digest.js';
import { mail } from './mail.js';
import type { Deps } from './deps.js';
import { failJob, leaseUntil, runMailJob, type JobOutcome } from './deliver.js';
import { closeChange, resumeChange } from './lifecycle.js';
import { afterCommit, next, today } from './mutate.js';
import { CallWindow, pacedMailer, pool, RateLimiter } from './pacing.js';

export interface DispatchSummary {
  ran: number;
  outcomes: Record<JobOutcome, number>;
  /** Emails a second this run allowed itself (a share of the account's rate). */
  rate: number;
}

export interface DispatchOptions {
  /** Time left before the platform stops this run (Lambda's getRemainingTimeInMillis). Default: 50 s from now. */
  remainingMs?: () => number;
  /** Jobs in flight at once. */
  concurrency?: number;
  /** Stop taking jobs after this many (local mode and tests). */
  maxJobs?: number;
}

/** Jobs read from one shard at a time. */
const PAGE = 25;
/**
 * Jobs in flight: enough to keep up with the rate when each email takes about a quarter of a
 * second of calls (DynamoDB, SES), and no more (each in-flight job holds a lease and memory).
 */
export const MAX_JOBS_IN_FLIGHT = 128;
const concurrencyFor = (rate: number) => Math.min(MAX_JOBS_IN_FLIGHT, Math.max(8, Math.ceil(rate / 4)));
/** No new job is taken with less than this left: its own calls, then a send that still fits SEND_RESERVE_MS. */
const RESERVE_MS = 25_000;
const DEFAULT_BUDGET_MS = 50_000;
/** The dispatcher keeps a fifth of the account's rate free for the emails requests send at once. */
const RATE_SHARE = 0.8;
/** SES's rate for a new account out of the sandbox, used when the account cannot be read. */
const FALLBACK_RATE = 14;

export async function dispatch(deps: Deps, options: DispatchOptions = {}): Promise<DispatchSummary> {
  const started = performance.now();
  const remainingMs = options.remainingMs ?? (() => DEFAULT_BUDGET_MS - (performance.now() - started));
  const limits = await sendingLimits(deps);
  const rate = Math.max(1, limits.maxSendRate * RATE_SHARE);
  const limiter = new RateLimiter(rate);
  const summary: DispatchSummary = {
    ran: 0,
    outcomes: { done: 0, skipped: 0, held: 0, retry: 0, dead: 0, lost: 0 },
    rate,
  };
  const run = {
    deps: {
      ...deps,
      mailer: pacedMailer(deps.mailer, {
        limiter,
        window: new CallWindow(MAX_JOBS_IN_FLIGHT),
        sendingEnabled: limits.sendingEnabled,
        remainingMs,
      }),
    },
    inFlight: pool(options.concurrency ?? concurrencyFor(rate)),
    stopping: () => remainingMs() < RESERVE_MS || summary.ran >= (options.maxJobs ?? Infinity),
    summary,
  };
  const shards = Array.from({ length: deps.store.dueShards }, (_, shard) => shard);
  await Promise.all(shards.map((shard) => drainShard(run, shard)));
  if (summary.ran > 0) deps.log.info('dispatch.finished', { count: summary.ran, ...summary.outcomes });
  return summary;
}

interface Run {
  deps: Deps;
  inFlight: ReturnType<typeof pool>;
  stopping: () => boolean;
  summary: DispatchSummary;
}

async function drainShard(run: Run, shard: number): Promise<void> {
  while (!run.stopping()) {
    let due: (DueJob | DueDigest)[];
    try {
      due = await run.deps.store.dueJobs(shard, run.deps.clock.now(), PAGE);
    } catch (err) {
      // This shard waits for the next run; the others' work in flight finishes first, since a
      // run that ended with sends still open would resume them later, outside any lease.
      run.deps.log.error('dispatch.query-failed', { reason: `shard ${shard}`, ...errorFields(err) });
      return;
    }
    const outcomes = await Promise.all(due.map((job) => run.inFlight(() => claimAndRun(run, job))));
    // A short page was the whole shard; a page taken entirely by another run is that run's to finish.
    if (due.length < PAGE || !outcomes.some((o) => o !== null && o !== 'lost')) return;
  }
}

/** null: not taken (time is up); the job stays due for the next run. */
async function claimAndRun(run: Run, due: DueJob | DueDigest): Promise<JobOutcome | null> {
  if (run.stopping()) return null;
  const { deps, summary } = run;
  summary.ran += 1;
  try {
    const outcome = 'therapistId' in due ? await runDigest(deps, due) : await claimAndRunJob(deps, due);
    summary.outcomes[outcome] += 1;
    return outcome;
  } catch (err) {
    // A claim or a retry write that failed (DynamoDB unavailable): the job stays due or leased,
    // and comes back on its own; the other shards' work goes on.
    const owner = 'therapistId' in due ? { therapistId: due.therapistId } : { policyId: due.policyId };
    deps.log.error('dispatch.job-failed', { ...owner, ...errorFields(err) });
    summary.outcomes.lost += 1;
    return 'lost';
  }
}

async function claimAndRunJob(deps: Deps, due: DueJob): Promise<JobOutcome> {
  const claimed = await deps.store.claimJob(due, leaseUntil(deps));
  return claimed ? runJob(deps, claimed).catch((err: unknown) => failJob(deps, claimed, err)) : 'lost';
}

/** The account's limits; if they cannot be read, a conservative rate (throttling slows it further). */
async function sendingLimits(deps: Deps): Promise<SendingLimits> {
  try {
    const limits = await deps.sending.limits();
    if (!limits.sendingEnabled) deps.log.error('mail.sending-paused', { reason: 'account' });
    return limits;
  } catch (err) {
    deps.log.warn('mail.limits-unknown', { ...errorFields(err), count: FALLBACK_RATE });
    return { maxSendRate: FALLBACK_RATE, sendingEnabled: true };
  }
}

async function runJob(deps: Deps, job: Job): Promise<JobOutcome> {
  const { mail } = job;
  if (mail) return runMailJob(deps, { ...job, mail });
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
  return todayDate <= checkInLastDay(c);
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
  if (policy.state === 'paused' && scheduled.kind !== 'closing' && scheduled.kind !== 'resume') {
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
    case 'resume':
      // Only the pause it was planned for: resumed by hand, or paused again with another date, it does nothing.
      if (policy.state !== 'paused' || policy.pause?.until !== scheduled.on) return quiet;
      return resumeChange(policy, at, 'schedule');
  }
}
