/**
 * A job item: in its policy's partition (for the timeline and the export) and, while it waits,
 * in the sparse `due` index, whose sort key doubles as the claim marker (the lease).
 */
import * as z from 'zod/mini';
import { CLIENT_EMAILS, THERAPIST_EMAILS } from '../../../domain/email-kinds.js';
import type { ScheduledJob } from '../../../domain/schedule.js';
import { jobKindOf, type DueDigest, type DueJob, type Job, type MailData, type MailJob } from '../../../ports/store.js';
import { dueDigestFromKeys } from './digest.js';
import { keys } from '../table-design.js';
import { parseItem, storedAs } from '../stored-schema.js';
import type { Item } from '../table-client.js';

type Scalar = MailData[string];
const isScalar = (value: unknown): value is Scalar =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * Email data is read forgivingly (emails/read-data.ts falls back on anything missing or
 * malformed), so a value that is not a scalar is dropped here rather than failing the whole job.
 */
const mailData = z.pipe(
  z.record(z.string(), z.unknown()),
  z.transform((raw): MailData =>
    Object.fromEntries(Object.entries(raw).filter((entry): entry is [string, Scalar] => isScalar(entry[1]))),
  ),
);

const mailSchema = storedAs<MailJob>()(
  z.object({ template: z.enum([...CLIENT_EMAILS, ...THERAPIST_EMAILS]), data: mailData }),
);

const scheduledSchema = storedAs<ScheduledJob>()(
  z.object({
    kind: z.enum(['check-in-reminder', 'check-in-day', 'closing', 'resume']),
    key: z.string(),
    on: z.string(),
    dueAt: z.string(),
    daysBefore: z.optional(z.number()),
  }),
);

const jobItem = z.object({
  jobId: z.string(),
  policyId: z.string(),
  dueAt: z.string(),
  attempts: z.optional(z.number()),
  dueSk: z.optional(z.string()),
  mail: z.optional(mailSchema),
  scheduled: z.optional(scheduledSchema),
  sentAt: z.optional(z.string()),
  messageId: z.optional(z.string()),
  deadLettered: z.optional(z.boolean()),
});

/** What the due index carries of a job (its projection, table-design.ts): keys and the lease. */
const dueItem = z.object({ pk: z.string(), sk: z.string(), dueSk: z.string() });

export function jobItemOf(job: Job): Record<string, unknown> {
  return {
    ...keys.job(job.policyId, job.id),
    duePk: keys.duePk(job.policyId),
    dueSk: job.lease,
    dueAt: job.dueAt,
    attempts: job.attempts,
    jobKind: jobKindOf(job),
    jobId: job.id,
    policyId: job.policyId,
    mail: job.mail,
    scheduled: job.scheduled,
  };
}

export function jobFromItem(item: Item): Job {
  const { jobId, policyId, dueAt, attempts, dueSk, mail, scheduled, sentAt, messageId, deadLettered } = parseItem(
    jobItem,
    item,
  );
  return {
    id: jobId,
    policyId,
    dueAt,
    attempts: attempts ?? 0,
    lease: dueSk ?? '',
    ...(mail ? { mail } : {}),
    ...(scheduled ? { scheduled } : {}),
    ...(sentAt ? { sent: { at: sentAt, messageId: messageId ?? '' } } : {}),
    ...(deadLettered ? { deadLettered } : {}),
  };
}

/**
 * A due-index entry: the job's ids come from its table keys (POLICY#<id>, JOB#<id>); one in a
 * therapist's partition is their daily digest.
 */
export function dueJobFromItem(item: Item): DueJob | DueDigest {
  const { pk, sk, dueSk } = parseItem(dueItem, item);
  if (keys.isTherapistPk(pk)) return dueDigestFromKeys(pk, dueSk);
  return {
    policyId: keys.policyIdOf(pk),
    id: keys.jobIdOf(sk),
    lease: dueSk,
  };
}
