/**
 * The daily digests on the table: each therapist's job and pending entries in their partition.
 * Every write after the claim is conditional on its lease, as for a policy's jobs; the job's
 * `pending` count moves in the same transaction as the entries it counts, so a run can tell
 * whether anything arrived while it was sending.
 */
import {
  DeleteItemCommand,
  TransactionCanceledException,
  TransactionConflictException,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DigestFinish, DigestJob, DigestStore, DueDigest, StoredDigestEntry } from '../../ports/store.js';
import { digestEntryFromItem, digestJobFromItem } from './items/digest.js';
import { keys } from './table-design.js';
import { toItem, unlessConditionFailed, type TableClient } from './table-client.js';

/** A transaction holds at most 100 items: the entries of one step and the job's count. */
const ENTRIES_PER_STEP = 99;
/** Steps lost to a message being accepted for the same therapist at that moment are tried again. */
const CONFLICT_RETRIES = 5;

/** How moving the job treats its count of tries (DynamoDB refuses values an expression does not use). */
const ATTEMPTS = {
  reset: { clause: ', attempts = :zero', values: { ':zero': 0 } },
  'give-back': { clause: ', attempts = attempts - :one', values: { ':one': 1 } },
  keep: { clause: '', values: {} },
} as const;

/**
 * A single-item write to the job that a message's transaction is writing at the same moment
 * fails with TransactionConflictException, which the SDK does not retry. Left alone, the job
 * would stay leased and its digest go out a second time when the lease ends; it is tried again.
 */
async function despiteConflicts<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (err) {
      if (!(err instanceof TransactionConflictException) || attempt >= CONFLICT_RETRIES) throw err;
      await sleep(Math.random() * 20 * attempt);
    }
  }
}

export class DynamoDigests implements DigestStore {
  constructor(private readonly table: TableClient) {}

  async claimDigest(due: DueDigest, leaseUntil: Date): Promise<DigestJob | null> {
    const claim = new UpdateItemCommand({
      TableName: this.table.tableName,
      Key: toItem(keys.digestJob(due.therapistId)),
      // As for a policy's job: moving the sort key past the lease claims it, and brings it back if this run dies.
      UpdateExpression: 'SET dueSk = :lease, attempts = if_not_exists(attempts, :zero) + :one',
      ConditionExpression: 'dueSk = :seen',
      ExpressionAttributeValues: toItem({
        ':lease': keys.digestDueSk(leaseUntil.toISOString(), due.therapistId),
        ':seen': due.lease,
        ':zero': 0,
        ':one': 1,
      }),
      ReturnValues: 'ALL_NEW',
      ReturnConsumedCapacity: 'TOTAL',
    });
    const out = await despiteConflicts(() => unlessConditionFailed(this.table.client.send(claim), null));
    if (!out?.Attributes) return null;
    this.table.record('claimDigest', out.ConsumedCapacity);
    return digestJobFromItem(out.Attributes);
  }

  async digestEntries(therapistId: string): Promise<StoredDigestEntry[]> {
    const items = await this.table.queryAll({
      TableName: this.table.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: toItem({
        ':pk': keys.therapistPartition(therapistId),
        ':prefix': keys.sortPrefix.digestEntry,
      }),
      ConsistentRead: true,
    });
    return items.map(digestEntryFromItem);
  }

  async finishDigest(job: DigestJob, entries: StoredDigestEntry[], nextDueAt: string): Promise<DigestFinish> {
    for (let i = 0; i < entries.length; i += ENTRIES_PER_STEP) {
      if (!(await this.removeEntries(job, entries.slice(i, i + ENTRIES_PER_STEP)))) return 'lost';
    }
    // Nothing pending but what was just removed: the job goes, and the next message plans a new one.
    const remove = new DeleteItemCommand({
      TableName: this.table.tableName,
      Key: toItem(keys.digestJob(job.therapistId)),
      ConditionExpression: 'dueSk = :lease AND (attribute_not_exists(pending) OR pending <= :zero)',
      ExpressionAttributeValues: toItem({ ':lease': job.lease, ':zero': 0 }),
      ReturnConsumedCapacity: 'TOTAL',
    });
    const removed = await despiteConflicts(() => unlessConditionFailed(this.table.client.send(remove), undefined));
    if (removed) {
      this.table.record('finishDigest', removed.ConsumedCapacity);
      return 'finished';
    }
    // More arrived while this digest went out (or the lease is gone, which this write finds out).
    return (await this.moveJob(job, nextDueAt, 'reset')) ? 'rescheduled' : 'lost';
  }

  async retryDigest(job: DigestJob, dueAt: Date, options: { countAttempt?: boolean } = {}): Promise<void> {
    // A hold (SES throttling, a paused account) gives back the try the claim counted.
    await this.moveJob(job, dueAt.toISOString(), options.countAttempt === false ? 'give-back' : 'keep');
  }

  /** Due again at `dueAt` if the lease still holds, its count of tries reset, given back one, or kept. */
  private async moveJob(job: DigestJob, dueAt: string, attempts: keyof typeof ATTEMPTS): Promise<boolean> {
    const { clause, values } = ATTEMPTS[attempts];
    const move = new UpdateItemCommand({
      TableName: this.table.tableName,
      Key: toItem(keys.digestJob(job.therapistId)),
      UpdateExpression: `SET dueSk = :next, dueAt = :dueAt${clause}`,
      ConditionExpression: 'dueSk = :lease',
      ExpressionAttributeValues: toItem({
        ':next': keys.digestDueSk(dueAt, job.therapistId),
        ':dueAt': dueAt,
        ':lease': job.lease,
        ...values,
      }),
      ReturnConsumedCapacity: 'TOTAL',
    });
    const out = await despiteConflicts(() => unlessConditionFailed(this.table.client.send(move), undefined));
    if (out) this.table.record('moveDigest', out.ConsumedCapacity);
    return out !== undefined;
  }

  /** Removes these entries and counts them off the job, in one transaction, while the lease holds. */
  private async removeEntries(job: DigestJob, entries: StoredDigestEntry[]): Promise<boolean> {
    const items: TransactWriteItem[] = [
      ...entries.map((e) => ({
        Delete: {
          TableName: this.table.tableName,
          Key: toItem({ pk: keys.therapistPartition(job.therapistId), sk: e.key }),
          ConditionExpression: 'attribute_exists(pk)',
        },
      })),
      {
        Update: {
          TableName: this.table.tableName,
          Key: toItem(keys.digestJob(job.therapistId)),
          UpdateExpression: 'SET pending = pending - :count',
          ConditionExpression: 'dueSk = :lease',
          ExpressionAttributeValues: toItem({ ':count': entries.length, ':lease': job.lease }),
        },
      },
    ];
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.table.metered(
          'finishDigest',
          this.table.client.send(
            new TransactWriteItemsCommand({ TransactItems: items, ReturnConsumedCapacity: 'TOTAL' }),
          ),
        );
        return true;
      } catch (err) {
        if (!(err instanceof TransactionCanceledException)) throw err;
        // A message accepted at this moment writes the same job: not a lost lease, just try again.
        const conflict = err.CancellationReasons?.some((r) => r.Code === 'TransactionConflict') ?? false;
        const failed = err.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed') ?? false;
        if (failed || !conflict || attempt >= CONFLICT_RETRIES) return false;
        await sleep(Math.random() * 20 * attempt);
      }
    }
  }
}
