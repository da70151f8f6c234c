/**
 * The OperationsStore port on the same table: the dead-letter and suppressed lists are
 * partitions of the sparse `due` index (table-design.ts), so listing them is a Query, never
 * a Scan, and each list holds only what needs attention.
 */
import {
  QueryCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import * as z from 'zod/mini';
import type { DeadLetter, DueItem, OperationsStore } from '../../ports/operations.js';
import type { Ids } from '../../ports/ids.js';
import type { HistoryEvent } from '../../ports/store.js';
import { eventItemOf } from './items/event.js';
import { DUE_PARTITIONS, TABLE, keys } from './table-design.js';
import { toItem } from './table-client.js';

/** What an operator may see of a job, as the index projects it: ids (from the keys), kind, counts, dates. */
const jobItem = z.object({
  pk: z.string(),
  sk: z.string(),
  attempts: z.optional(z.number()),
  dueAt: z.string(),
  dueSk: z.string(),
  jobKind: z.optional(z.string()),
});
/** Policies suppressed before due work was sharded carry no top-level therapistId until next written. */
const suppressedItem = z.object({ pk: z.string(), therapistId: z.optional(z.string()) });

export class DynamoOperations implements OperationsStore {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly ids: Pick<Ids, 'uniqueId'>,
  ) {}

  private async list(partition: string, until?: string, limit = 100) {
    const { due } = TABLE.indexes;
    const out = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: due.name,
        KeyConditionExpression: until ? '#pk = :pk AND #sk <= :until' : '#pk = :pk',
        ExpressionAttributeNames: { '#pk': due.partitionKey, ...(until ? { '#sk': due.sortKey } : {}) },
        ExpressionAttributeValues: toItem({ ':pk': partition, ...(until ? { ':until': until } : {}) }),
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((i) => unmarshall(i));
  }

  async deadLetters(limit: number): Promise<DeadLetter[]> {
    return (await this.list(keys.deadPk, undefined, limit)).map((raw) => {
      const job = jobItem.parse(raw);
      return {
        policyId: keys.policyIdOf(job.pk),
        jobId: keys.jobIdOf(job.sk),
        kind: job.jobKind ?? 'unknown',
        attempts: job.attempts ?? 0,
        deadAt: job.dueSk.split('#')[0]!,
      };
    });
  }

  async requeue(policyId: string, jobId: string, dueAt: Date, event: HistoryEvent): Promise<boolean> {
    try {
      await this.client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: toItem(keys.job(policyId, jobId)),
                // Back into due work with a fresh count of tries; only if it is still dead-lettered.
                UpdateExpression: 'SET duePk = :due, dueSk = :sk, dueAt = :at, attempts = :zero REMOVE deadLettered',
                ConditionExpression: 'duePk = :dead',
                ExpressionAttributeValues: toItem({
                  ':due': keys.duePk(policyId),
                  ':dead': keys.deadPk,
                  ':sk': keys.dueSk(dueAt.toISOString(), policyId, jobId),
                  ':at': dueAt.toISOString(),
                  ':zero': 0,
                }),
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: toItem(eventItemOf(policyId, event, this.ids.uniqueId())),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof TransactionCanceledException) return false;
      throw err;
    }
  }

  async suppressed(limit: number): Promise<{ policyId: string; therapistId: string }[]> {
    return (await this.list(keys.suppressedPk, undefined, limit)).map((raw) => {
      const item = suppressedItem.parse(raw);
      return { policyId: keys.policyIdOf(item.pk), therapistId: item.therapistId ?? 'unknown' };
    });
  }

  /** Every shard is read (in parallel), up to `limit` each: the count is of what is due, whichever shard holds it. */
  async dueBefore(until: Date, limit: number): Promise<DueItem[]> {
    const pages = await Promise.all(DUE_PARTITIONS.map((pk) => this.list(pk, `${until.toISOString()}~`, limit)));
    return pages.flat().map((raw) => {
      const job = jobItem.parse(raw);
      const policyId = keys.isTherapistPk(job.pk) ? null : keys.policyIdOf(job.pk);
      return { policyId, kind: job.jobKind ?? 'unknown', dueAt: job.dueAt };
    });
  }
}
