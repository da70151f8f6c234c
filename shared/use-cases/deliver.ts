/**
 * Sending one email job. Client emails get a freshly minted private link and stop link (only
 * their hashes are stored); therapist emails never carry them. Consent and opt-out are checked
 * at send time, against the policy as it is now, so nothing slips out after a client said stop.
 */
import { todayIn } from '../domain/dates.js';
import type { Policy } from '../domain/policy.js';
import { isClientEmail, type EmailKind } from '../domain/email-kinds.js';
import type { renderEmail as RenderEmail } from '../emails/render.js';
import { errorFields } from '../ports/logger.js';
import type { OutgoingEmail } from '../ports/mailer.js';
import { JOB_LEASE_MS, jobKindOf, type Job, type MailJob } from '../ports/store.js';
import { MailHeldError, type HoldReason } from '../ports/sending.js';
import { mintLink } from './client-links.js';
import type { MemberStatus } from '../domain/practice.js';
import type { Deps } from './deps.js';

export const MAX_ATTEMPTS = 8;
/**
 * How long the emails of a request may take after its commit: the person gets an answer
 * within a few seconds even when SES is slow or down (the dispatcher sends what is left).
 */
export const SEND_NOW_MS = 3_000;

export type JobOutcome = 'done' | 'skipped' | 'held' | 'retry' | 'dead' | 'lost';

/** Emails that may still go to a client in each situation (consent first; stop means stop). */
function clientMayReceive(policy: Policy, kind: EmailKind): boolean {
  if (policy.clientEmailSuppressed) return false;
  if (policy.closedReason === 'opted-out') return kind === 'opted-out';
  if (policy.state === 'declined') return false;
  // Closed: the one goodbye, and nothing else ("a closed policy sends nothing more"); the practice's, when it closed it.
  if (policy.state === 'closed')
    return kind === (policy.closedReason === 'therapist-left' ? 'closed-by-practice' : 'closing');
  // Invited: the invitation, and the practice's word if a colleague takes the offer over.
  if (policy.state === 'invited') return kind === 'invitation' || kind === 'handed-over';
  // A pause email retried after the pause ended (or the other way round) would say something no longer true.
  if (kind === 'paused') return policy.state === 'paused';
  if (kind === 'resumed') return policy.state === 'active';
  return true;
}

/**
 * A therapist email goes to whoever the arrangement's therapist is when it is sent (after a
 * handover, the colleague), except once the practice closed it because that therapist left:
 * they left, and nobody is told of it any more.
 */
function mayReceive(policy: Policy, kind: EmailKind): boolean {
  if (isClientEmail(kind)) return clientMayReceive(policy, kind);
  return policy.closedReason !== 'therapist-left';
}

/** How long a leaving therapist's email waits before it is looked at again (by then usually handed over). */
const LEAVING_HOLD_MS = 15 * 60_000;

/** Therapists from before practices have no member record yet: they are active. */
async function standingOf(deps: Deps, therapistId: string): Promise<MemberStatus> {
  return (await deps.store.getMember(therapistId))?.status ?? 'active';
}

/** SES echoes these back with a bounce or complaint, so feedback finds its policy without any address. */
function tagsFor(policy: Policy, audience: 'client' | 'therapist') {
  return [
    { name: 'policy', value: policy.id },
    { name: 'audience', value: audience },
    // Which client address it went to: a late bounce from a corrected, mistyped one must not stop the right one.
    ...(audience === 'client' ? [{ name: 'address', value: String(policy.clientAddressGeneration) }] : []),
  ];
}

/** Templates load with the first email, so requests that send nothing never pay for them. */
let templates: Promise<{ renderEmail: typeof RenderEmail }> | undefined;

async function compose(deps: Deps, policy: Policy, mail: MailJob): Promise<OutgoingEmail> {
  const { renderEmail } = await (templates ??= import('../emails/render.js'));
  const base = deps.config.publicBaseUrl;
  const ctx = {
    policy,
    data: mail.data,
    today: todayIn(policy.rules.timeZone, deps.clock.now()),
    links: null,
    portalUrl: `${base}/portal`,
  };
  if (!isClientEmail(mail.template)) {
    return {
      to: policy.therapist.email,
      headers: [],
      tags: tagsFor(policy, 'therapist'),
      ...renderEmail(mail.template, ctx),
    };
  }
  // One write after another: the dispatcher's connections are sized for one call per job in flight.
  const pageToken = deps.ids.linkToken();
  await mintLink(deps, policy, 'page', pageToken);
  // A stop link of its own, not the page link's, so this email's stop still works after a new link.
  const stopToken = deps.ids.linkToken();
  await mintLink(deps, policy, 'stop', stopToken);
  const reply = await replyAddress(deps, policy);
  const page = `${base}/c/${pageToken}`;
  const stop = `${base}/c/${stopToken}/stop`;
  return {
    to: policy.client.email,
    tags: tagsFor(policy, 'client'),
    ...(reply ? { replyTo: reply } : {}),
    // RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" to this URL.
    headers: [
      { name: 'List-Unsubscribe', value: `<${stop}>` },
      { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
    ],
    ...renderEmail(mail.template, { ...ctx, links: { page, stop, reply } }),
  };
}

/**
 * Replying to a client email sends an update, when inbound mail is set up and updates are
 * part of the arrangement. The address carries its own token (hashed at rest like links).
 */
async function replyAddress(deps: Deps, policy: Policy): Promise<string | null> {
  const domain = deps.config.inboundDomain;
  if (!domain || policy.rules.updates.limit === 0 || (policy.state !== 'active' && policy.state !== 'paused'))
    return null;
  const token = deps.ids.replyToken();
  await mintLink(deps, policy, 'reply', token);
  return `reply+${token}@${domain}`;
}

/**
 * Runs one held mail job to its end: sent, skipped, held back, rescheduled, or dead-lettered.
 * `known`: the policy exactly as a request just committed it, so sending right after the
 * commit needs no second read. The dispatcher passes nothing and reads the current one.
 * `signal`: gives up sending when it fires (the failure is retried like any other).
 */
export async function runMailJob(
  deps: Deps,
  job: Job & { mail: MailJob },
  known?: Policy,
  signal?: AbortSignal,
): Promise<JobOutcome> {
  const fields = { policyId: job.policyId, template: job.mail.template, attempts: job.attempts };
  const policy = known ?? (await deps.store.getPolicy(job.policyId));
  if (!policy || !mayReceive(policy, job.mail.template)) {
    await deps.store.completeJob(job);
    deps.log.info('mail.skipped', fields);
    return 'skipped';
  }
  // A therapist who is leaving hears nothing more; their email waits for the colleague the handover gives it to.
  const standing = isClientEmail(job.mail.template) ? 'active' : await standingOf(deps, policy.therapistId);
  if (standing === 'removed') {
    await deps.store.completeJob(job);
    deps.log.info('mail.skipped', { ...fields, reason: 'therapist-removed' });
    return 'skipped';
  }
  if (standing === 'leaving') {
    await deps.store.retryJob(job, new Date(deps.clock.now().getTime() + LEAVING_HOLD_MS), { countAttempt: false });
    deps.log.info('mail.held', { ...fields, reason: 'therapist-leaving' });
    return 'held';
  }
  let messageId: string;
  try {
    ({ messageId } = await deps.mailer.send(await compose(deps, policy, job.mail), { signal }));
  } catch (err) {
    return failJob(deps, job, err);
  }
  await recordSent(deps, job, messageId);
  deps.log.info('mail.sent', fields);
  return 'done';
}

/**
 * Written right after SES answers, so the email can only go twice if this process dies (or
 * SES's answer is lost) between SES accepting it and this write. A failed write here is not a
 * failed send: it is logged (the error alarm) and never retried as a send.
 */
async function recordSent(deps: Deps, job: Job, messageId: string): Promise<void> {
  const fields = { policyId: job.policyId, template: job.mail?.template ?? 'unknown' };
  try {
    const recorded = await deps.store.recordSent(job, { at: deps.clock.now().toISOString(), messageId });
    // Lost lease: this run outlived its hold and another may already have sent it too.
    if (!recorded) deps.log.error('mail.sent-lease-lost', fields);
  } catch (err) {
    deps.log.error('mail.sent-unrecorded', { ...fields, ...errorFields(err) });
  }
}

/** How long SES's "not now" holds an email back, by reason. */
const HOLD_MS: Record<HoldReason, number> = {
  throttled: 30_000,
  paused: 15 * 60_000,
  'daily-quota': 60 * 60_000,
  // The next run, a minute later, has its whole time for it.
  'out-of-time': 1_000,
};

/** A hold's length, spread a little so held emails do not all come back at once. */
export const holdMs = (reason: HoldReason) => HOLD_MS[reason] * (1 + Math.random() / 2);

/** Backoff after a failed try: 1, 2, 4 … minutes, at most 6 hours. */
export const retryDelayMs = (attempts: number) => Math.min(2 ** (attempts - 1) * 60_000, 6 * 3_600_000);

/**
 * Backs off (1, 2, 4 … minutes) and dead-letters after MAX_ATTEMPTS, with an error log the
 * alarm watches. SES's "not now" (throttling, a paused account, the daily quota) only holds
 * the job back: it uses up no try and is never dead-lettered for it.
 */
export async function failJob(deps: Deps, job: Job, err: unknown): Promise<JobOutcome> {
  const fields = { policyId: job.policyId, jobKind: jobKindOf(job), attempts: job.attempts, ...errorFields(err) };
  const now = deps.clock.now().getTime();
  if (err instanceof MailHeldError) {
    await deps.store.retryJob(job, new Date(now + holdMs(err.reason)), { countAttempt: false });
    if (err.reason === 'paused') deps.log.error('mail.sending-paused', fields);
    else deps.log.warn('mail.held', { ...fields, reason: err.reason });
    return 'held';
  }
  if (job.attempts >= MAX_ATTEMPTS) {
    const event = {
      at: deps.clock.now().toISOString(),
      type: 'delivery-failed',
      data: { job: jobKindOf(job), attempts: job.attempts },
    };
    // The timeline entry names the therapist, so its email.undeliverable event can leave through the stream.
    const policy = await deps.store.getPolicy(job.policyId);
    await deps.store.deadLetterJob(job, event, policy?.therapistId);
    deps.log.error('job.dead-lettered', fields);
    return 'dead';
  }
  await deps.store.retryJob(job, new Date(now + retryDelayMs(job.attempts)));
  deps.log.warn('job.retry', fields);
  return 'retry';
}

export function leaseUntil(deps: Deps): Date {
  return new Date(deps.clock.now().getTime() + JOB_LEASE_MS);
}

/**
 * Right after a change commits, send its emails at once so the invitation or receipt
 * arrives now. The commit created them held by this process (no claim needed); anything that
 * fails here stays due and the dispatcher retries it.
 */
export async function deliverNow(deps: Deps, jobs: Job[], committed: Policy): Promise<void> {
  // One deadline for all of them: they go out in parallel, and the answer waits for the last.
  const signal = AbortSignal.timeout(SEND_NOW_MS);
  await Promise.all(
    jobs.map(async (job) => {
      if (!job.mail) return;
      try {
        await runMailJob(deps, { ...job, mail: job.mail }, committed, signal);
      } catch (err) {
        deps.log.warn('mail.deferred', { policyId: job.policyId, template: job.mail.template, ...errorFields(err) });
      }
    }),
  );
}
