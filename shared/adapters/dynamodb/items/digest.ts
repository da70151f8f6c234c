/**
 * A therapist's daily digest, in the therapist's partition: one entry per message it will count
 * (ids and dates only, never words or names), and one job, which waits in the sparse due index
 * like a policy's jobs (its sort key there is its lease) and counts the entries still pending.
 */
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import * as z from 'zod/mini';
import type { DigestEntry } from '../../../domain/notifications.js';
import type { DigestAddition, DigestJob, DueDigest, StoredDigestEntry } from '../../../ports/store.js';
import { keys } from '../table-design.js';
import { parseItem, storedAs } from '../stored-schema.js';
import { toItem, type Item } from '../table-client.js';

/** What logs, the operations lists and the due index call the digest job. */
export const DIGEST_JOB_KIND = 'daily-digest';

const entrySchema = storedAs<DigestEntry>()(
  z.object({
    policyId: z.string(),
    kind: z.enum(['update', 'check-in-message']),
    at: z.string(),
    createdOn: z.string(),
    handedOverOn: z.optional(z.string()),
  }),
);

const entryItem = z.object({ sk: z.string(), entry: entrySchema });

const jobItem = z.object({
  pk: z.string(),
  dueAt: z.string(),
  dueSk: z.string(),
  attempts: z.optional(z.number()),
  pending: z.optional(z.number()),
});

/** `unique`: a fresh random id (Ids.uniqueId), so messages accepted at the same instant stay apart. */
export function digestEntryItemOf(therapistId: string, entry: DigestEntry, unique: string): Record<string, unknown> {
  return { ...keys.digestEntry(therapistId, entry.at, entry.policyId, unique), entry };
}

export function digestEntryFromItem(item: Item): StoredDigestEntry {
  const { sk, entry } = parseItem(entryItem, item);
  return { ...entry, key: sk };
}

export function digestJobFromItem(item: Item): DigestJob {
  const { pk, dueAt, dueSk, attempts, pending } = parseItem(jobItem, item);
  return { therapistId: keys.therapistIdOf(pk), lease: dueSk, dueAt, attempts: attempts ?? 0, pending: pending ?? 0 };
}

/** A due-index entry of a therapist's partition: the digest job. */
export function dueDigestFromKeys(pk: string, dueSk: string): DueDigest {
  return { therapistId: keys.therapistIdOf(pk), lease: dueSk };
}

/**
 * The two writes that put a message in the digest, for the transaction that accepts it: the entry
 * (new), and one more pending on the job. The job's due keys are set only when absent, so a digest
 * already planned keeps its time, and one being sent right now keeps its lease: its run then sees
 * more pending than it sent and plans the next digest instead of removing the job.
 */
export function digestWrites(tableName: string, digest: DigestAddition, unique: string): TransactWriteItem[] {
  const { therapistId, entry, dueAt } = digest;
  const values = {
    ':zero': 0,
    ':one': 1,
    ':duePk': keys.digestDuePk(therapistId),
    ':dueSk': keys.digestDueSk(dueAt, therapistId),
    ':dueAt': dueAt,
    ':kind': DIGEST_JOB_KIND,
    ':therapistId': therapistId,
  };
  return [
    {
      Put: {
        TableName: tableName,
        Item: toItem(digestEntryItemOf(therapistId, entry, unique)),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: tableName,
        Key: toItem(keys.digestJob(therapistId)),
        UpdateExpression: [
          'SET pending = if_not_exists(pending, :zero) + :one',
          'duePk = if_not_exists(duePk, :duePk)',
          'dueSk = if_not_exists(dueSk, :dueSk)',
          'dueAt = if_not_exists(dueAt, :dueAt)',
          'attempts = if_not_exists(attempts, :zero)',
          'jobKind = :kind',
          'therapistId = :therapistId',
        ].join(', '),
        ExpressionAttributeValues: toItem(values),
      },
    },
  ];
}
