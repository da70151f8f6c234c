/**
 * The job queue on the sparse, sharded due index. A job's sort key there is its lease:
 * claiming moves it past the lease, and every later write is conditional on still holding it.
 * The index carries keys and a few counters only; the claim returns the whole job.
 */
import {
  DeleteItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type ConsumedCapacity,
} from '@aws-sdk/client-dynamodb';
import type { Ids } from '../../ports/ids.js';
import type { DueDigest, DueJob, HistoryEvent, Job, JobQueue } from '../../ports/store.js';
import { eventItemOf } from './items/event.js';
import { dueJobFromItem, jobFromItem } from './items/job.js';
import { DUE_PARTITIONS, TABLE, duePartition, keys } from './table-design.js';
import { toItem, unlessConditionFailed, type Item, type TableClient } from './table-client.js';

interface LeaseCondition {
  TableName: string;
  Key: Item;
  ConditionExpression: string;
  ExpressionAttributeValues: Item;
}

export class DynamoJobQueue implements JobQueue {
  readonly dueShards = DUE_PARTITIONS.length;

  constructor(
    private readonly table: TableClient,
    private readonly ids: Ids,
  ) {}

  async dueJobs(shard: number, now: Date, limit: number): Promise<(DueJob | DueDigest)[]> {
    const { due } = TABLE.indexes;
    const query = new QueryCommand({
      TableName: this.table.tableName,
      IndexName: due.name,
      KeyConditionExpression: '#pk = :pk AND #sk <= :now',
      ExpressionAttributeNames: { '#pk': due.partitionKey, '#sk': due.sortKey },
      // '~' sorts after every character used in the rest of the key, so "<= now~" includes
      // every job due at or before `now` whatever follows the timestamp.
      ExpressionAttributeValues: toItem({ ':pk': duePartition(shard), ':now': `${now.toISOString()}~` }),
      Limit: limit,
      ReturnConsumedCapacity: 'TOTAL',
    });
    const out = await this.table.metered('dueJobs', this.table.client.send(query));
    return (out.Items ?? []).map(dueJobFromItem);
  }

  async claimJob(job: DueJob, leaseUntil: Date): Promise<Job | null> {
    const lease = keys.dueSk(leaseUntil.toISOString(), job.policyId, job.id);
    const claim = new UpdateItemCommand({
      TableName: this.table.tableName,
      Key: toItem(keys.job(job.policyId, job.id)),
      // Moving the sort key past the lease both claims the job and brings it back
      // automatically if this run dies before finishing it.
      UpdateExpression: 'SET dueSk = :lease, attempts = attempts + :one',
      ConditionExpression: 'dueSk = :seen',
      ExpressionAttributeValues: toItem({ ':lease': lease, ':seen': job.lease, ':one': 1 }),
      // The index holds no more than keys: the claim itself reads the job back, at no extra cost.
      ReturnValues: 'ALL_NEW',
      ReturnConsumedCapacity: 'TOTAL',
    });
    const out = await unlessConditionFailed(this.table.client.send(claim), null);
    if (!out?.Attributes) return null;
    this.table.record('claimJob', out.ConsumedCapacity);
    return jobFromItem(out.Attributes);
  }

  async completeJob(job: DueJob): Promise<void> {
    await this.whileLeased('completeJob', job, (lease) =>
      this.table.client.send(new DeleteItemCommand({ ...lease, ReturnConsumedCapacity: 'TOTAL' })),
    );
  }

  async recordSent(job: DueJob, sent: { at: string; messageId: string }): Promise<boolean> {
    return this.whileLeased('recordSent', job, (lease) =>
      this.table.client.send(
        new UpdateItemCommand({
          ...lease,
          // Kept in the policy's partition as the record that it went out (the timeline, the export);
          // out of the due index, so no later run can send it again.
          UpdateExpression: 'SET sentAt = :at, messageId = :messageId REMOVE duePk, dueSk',
          ExpressionAttributeValues: {
            ...lease.ExpressionAttributeValues,
            ...toItem({ ':at': sent.at, ':messageId': sent.messageId }),
          },
          ReturnConsumedCapacity: 'TOTAL',
        }),
      ),
    );
  }

  async retryJob(job: Job, dueAt: Date, options: { countAttempt?: boolean } = {}): Promise<void> {
    // A hold (SES throttling, a paused account) gives back the try the claim counted.
    const attempts = options.countAttempt === false ? ', attempts = attempts - :one' : '';
    await this.whileLeased('retryJob', job, (lease) =>
      this.table.client.send(
        new UpdateItemCommand({
          ...lease,
          UpdateExpression: `SET dueSk = :next, dueAt = :dueAt${attempts}`,
          ExpressionAttributeValues: {
            ...lease.ExpressionAttributeValues,
            ...toItem({
              ':next': keys.dueSk(dueAt.toISOString(), job.policyId, job.id),
              ':dueAt': dueAt.toISOString(),
              ...(attempts ? { ':one': 1 } : {}),
            }),
          },
          ReturnConsumedCapacity: 'TOTAL',
        }),
      ),
    );
  }

  async deadLetterJob(job: Job, event: HistoryEvent, therapistId: string | undefined): Promise<void> {
    const { tableName } = this.table;
    const values = {
      ':lease': job.lease,
      ':true': true,
      ':dead': keys.deadPk,
      ':deadSk': keys.deadSk(event.at, job.policyId, job.id),
    };
    const tx = new TransactWriteItemsCommand({
      ReturnConsumedCapacity: 'TOTAL',
      TransactItems: [
        {
          Update: {
            TableName: tableName,
            Key: toItem(keys.job(job.policyId, job.id)),
            // Out of due work into the dead-letter list (same sparse index, its own partition),
            // kept in the policy's partition for the timeline, the export and a later re-send.
            UpdateExpression: 'SET duePk = :dead, dueSk = :deadSk, deadLettered = :true',
            ConditionExpression: 'dueSk = :lease',
            ExpressionAttributeValues: toItem(values),
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: toItem(eventItemOf(job.policyId, event, this.ids.uniqueId(), therapistId)),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
    });
    await this.table.metered('deadLetterJob', this.table.client.send(tx));
  }

  /**
   * Runs a write conditional on the job's lease. Losing it (this run was too slow) is no error:
   * the next holder owns the job. Resolves to whether the write happened.
   */
  private async whileLeased(
    operation: string,
    job: DueJob,
    write: (lease: LeaseCondition) => Promise<{ ConsumedCapacity?: ConsumedCapacity }>,
  ): Promise<boolean> {
    const lease: LeaseCondition = {
      TableName: this.table.tableName,
      Key: toItem(keys.job(job.policyId, job.id)),
      ConditionExpression: 'dueSk = :lease',
      ExpressionAttributeValues: toItem({ ':lease': job.lease }),
    };
    const out = await unlessConditionFailed(write(lease), undefined);
    if (out) this.table.record(operation, out.ConsumedCapacity);
    return out !== undefined;
  }
}
