/**
 * A therapist's daily digest, run by the dispatcher when their digest job is due (09:00 in
 * their zone). Steps: claim the job → read their profile and every pending entry (leaving out
 * arrangements no longer theirs to hear of) → one email, notice style, with a line per arrangement → right after SES answers, remove exactly the
 * entries it listed, and the job with them, or (when more arrived while it was sent) move the
 * job to the next 09:00. A failed send keeps everything and tries again later, with an email
 * job's backoff; the digest is never dead-lettered (nothing would send it again), but once it
 * has failed as often as an email job may, every further try logs an error, which the alarm watches.
 */
import { digestLines, nextDigestAt } from '../domain/notifications.js';
import type { renderDigest as RenderDigest } from '../emails/therapist/daily-digest.js';
import { errorFields } from '../ports/logger.js';
import { MailHeldError } from '../ports/sending.js';
import type { DigestJob, DueDigest, StoredDigestEntry } from '../ports/store.js';
import type { Deps } from './deps.js';
import { MAX_ATTEMPTS, holdMs, leaseUntil, retryDelayMs, type JobOutcome } from './deliver.js';
import { DEFAULT_TIME_ZONE } from './profile.js';

/** Like the other templates, loaded with the first digest. */
let template: Promise<{ renderDigest: typeof RenderDigest }> | undefined;

export async function runDigest(deps: Deps, due: DueDigest): Promise<JobOutcome> {
  const job = await deps.store.claimDigest(due, leaseUntil(deps));
  if (!job) return 'lost';
  // One read after another: the dispatcher's connections are sized for one call per job in flight.
  const profile = await deps.store.getProfile(job.therapistId);
  const entries = await deps.store.digestEntries(job.therapistId);
  const nextDueAt = nextDigestAt(deps.clock.now(), profile?.timeZone ?? DEFAULT_TIME_ZONE);
  const told = entries.length > 0 ? await stillTheirs(deps, job.therapistId, entries) : [];
  if (!profile || told.length === 0) {
    // Nothing to tell, or no one to tell it to (profiles are never removed): the job goes, with every entry.
    await finish(deps, job, entries, nextDueAt);
    return 'skipped';
  }
  const { renderDigest } = await (template ??= import('../emails/therapist/daily-digest.js'));
  const email = renderDigest({ lines: digestLines(told), portalUrl: `${deps.config.publicBaseUrl}/portal` });
  try {
    await deps.mailer.send({
      to: profile.email,
      headers: [],
      tags: [{ name: 'audience', value: 'therapist' }],
      ...email,
    });
  } catch (err) {
    return failDigest(deps, job, err);
  }
  await finish(deps, job, entries, nextDueAt);
  deps.log.info('digest.sent', { therapistId: job.therapistId, count: entries.length });
  return 'done';
}

/**
 * The entries whose arrangement is still the therapist's to hear of. Only a therapist who is
 * leaving (or has left) can have others: an arrangement handed to a colleague since (the
 * colleague's summary told them), or one the practice closed when they left. So only then is
 * each arrangement read, one after another.
 */
async function stillTheirs(deps: Deps, therapistId: string, entries: StoredDigestEntry[]) {
  const member = await deps.store.getMember(therapistId);
  if (!member || member.status === 'active') return entries;
  const theirs = new Set<string>();
  for (const policyId of new Set(entries.map((e) => e.policyId))) {
    const policy = await deps.store.getPolicy(policyId);
    if (policy && policy.therapistId === therapistId && policy.closedReason !== 'therapist-left') theirs.add(policyId);
  }
  return entries.filter((e) => theirs.has(e.policyId));
}

/**
 * Written right after SES answers, as an email job's record: the digest can go twice only if
 * this process dies (or SES's answer is lost) between SES accepting it and this write.
 */
async function finish(deps: Deps, job: DigestJob, entries: StoredDigestEntry[], nextDueAt: string): Promise<void> {
  const fields = { therapistId: job.therapistId, count: entries.length };
  try {
    const finished = await deps.store.finishDigest(job, entries, nextDueAt);
    if (finished === 'lost') deps.log.error('digest.lease-lost', fields);
  } catch (err) {
    deps.log.error('digest.unrecorded', { ...fields, ...errorFields(err) });
  }
}

async function failDigest(deps: Deps, job: DigestJob, err: unknown): Promise<JobOutcome> {
  const fields = { therapistId: job.therapistId, jobKind: 'daily-digest', attempts: job.attempts, ...errorFields(err) };
  const now = deps.clock.now().getTime();
  if (err instanceof MailHeldError) {
    await deps.store.retryDigest(job, new Date(now + holdMs(err.reason)), { countAttempt: false });
    deps.log.warn('mail.held', { ...fields, reason: err.reason });
    return 'held';
  }
  await deps.store.retryDigest(job, new Date(now + retryDelayMs(job.attempts)));
  if (job.attempts >= MAX_ATTEMPTS) deps.log.error('digest.failing', fields);
  else deps.log.warn('job.retry', fields);
  return 'retry';
}
