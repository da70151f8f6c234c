/**
 * The Store port on one DynamoDB table. Every write is conditional; a request's whole effect
 * (policy snapshot, update, emails to send, schedule, idempotency record) is one transaction.
 */
import {
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type AttributeValue,
  type ConsumedCapacity,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { randomUUID } from 'node:crypto';
import { DEFAULTS, type Policy } from '../../domain/policy.js';
import { VersionConflictError } from '../../domain/errors.js';
import {
  IdempotencyTakenError,
  type CheckInMessageRecord,
  type HistoryEvent,
  type Job,
  type LinkRecord,
  type PolicyChange,
  type PolicyDetail,
  type Store,
  type StoredOutcome,
  type TherapistProfile,
  type UpdateRecord,
} from '../../ports/store.js';
import { TABLE, keys } from './table-design.js';

type Item = Record<string, AttributeValue>;
/** Receives the capacity each call consumed; the benchmark uses it to report units per operation. */
export type CapacityMeter = (operation: string, units: number) => void;

const toItem = (value: Record<string, unknown>): Item => marshall(value, { removeUndefinedValues: true });

const DAY_SECONDS = 86_400;

/** Retention: everything of a closed policy expires this long after it closed. */
export function retentionExpiry(policy: Policy): number | undefined {
  if (!policy.closedAt) return undefined;
  return Math.floor(Date.parse(policy.closedAt) / 1000) + DEFAULTS.retentionDays * DAY_SECONDS;
}

export class DynamoStore implements Store {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly meter: CapacityMeter = () => {},
    private readonly onHousekeepingError: (policyId: string, err: unknown) => void = () => {},
  ) {}

  private record(operation: string, consumed: ConsumedCapacity | ConsumedCapacity[] | undefined) {
    const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
    this.meter(operation, list.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0));
  }

  async getPolicy(id: string): Promise<Policy | null> {
    const out = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: toItem(keys.policy(id)), ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' }),
    );
    this.record('getPolicy', out.ConsumedCapacity);
    return out.Item ? policyFromItem(out.Item) : null;
  }

  async getPolicyDetail(id: string): Promise<PolicyDetail | null> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: toItem({ ':pk': keys.policyPk(id) }),
      ConsistentRead: true,
    });
    const policyItem = items.find((i) => i.sk?.S === keys.sortPrefix.policy);
    if (!policyItem) return null;
    const detail: PolicyDetail = { policy: policyFromItem(policyItem), updates: [], checkInMessage: null, events: [], jobs: [] };
    for (const raw of items) {
      const sk = raw.sk?.S ?? '';
      const item = unmarshall(raw);
      if (sk.startsWith(keys.sortPrefix.update)) detail.updates.push(item.update as UpdateRecord);
      else if (sk === keys.sortPrefix.checkIn) detail.checkInMessage = item.message as CheckInMessageRecord;
      else if (sk.startsWith(keys.sortPrefix.event)) detail.events.push(item.event as HistoryEvent);
      else if (sk.startsWith(keys.sortPrefix.job)) detail.jobs.push(jobFromItem(item));
    }
    return detail;
  }

  async listPolicies(therapistId: string): Promise<Policy[]> {
    const { byTherapist } = TABLE.indexes;
    const items = await this.queryAll({
      TableName: this.tableName,
      IndexName: byTherapist.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': byTherapist.partitionKey },
      ExpressionAttributeValues: toItem({ ':pk': keys.therapistPartition(therapistId) }),
      ScanIndexForward: false,
    });
    return items.map(policyFromItem);
  }

  async commit(change: PolicyChange): Promise<Job[]> {
    const { policy } = change;
    const pk = keys.policyPk(policy.id);
    const expiresAt = retentionExpiry(policy);
    const tx: TransactWriteItem[] = [];
    // Index 0 is always the policy: a cancellation there means someone else changed it first.
    tx.push({
      Put: {
        TableName: this.tableName,
        Item: policyToItem(policy, expiresAt),
        ...(change.expectedVersion === null
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'version = :v', ExpressionAttributeValues: toItem({ ':v': change.expectedVersion }) }),
      },
    });
    // Items of a closed policy share its expiry; an item with its own (idempotency) keeps it.
    const putNew = (item: Record<string, unknown>) =>
      tx.push({ Put: { TableName: this.tableName, Item: toItem({ expiresAt, ...item }), ConditionExpression: 'attribute_not_exists(pk)' } });

    if (change.addUpdate) putNew({ ...keys.update(policy.id, change.addUpdate.seq), update: change.addUpdate });
    if (change.addCheckInMessage) putNew({ ...keys.checkInMessage(policy.id), message: change.addCheckInMessage });
    for (const event of change.events ?? []) putNew({ ...keys.event(policy.id, event.at, randomUUID().slice(0, 8)), event });

    const created: Job[] = [];
    for (const mail of change.mails ?? []) {
      const job: Job = { id: keys.mailJobId(randomUUID()), policyId: policy.id, dueAt: change.at, attempts: 0, lease: '', mail };
      job.lease = keys.dueSk(job.dueAt, policy.id, job.id);
      created.push(job);
      putNew(jobToItem(job));
    }
    const scheduledIds = new Set<string>();
    for (const scheduled of change.schedule ?? []) {
      const id = keys.scheduledJobId(scheduled.key);
      scheduledIds.add(id);
      const job: Job = { id, policyId: policy.id, dueAt: scheduled.dueAt, attempts: 0, lease: keys.dueSk(scheduled.dueAt, policy.id, id), scheduled };
      // Re-planning overwrites the job of the same key; the policy's version condition above
      // makes the whole transaction, this Put included, conditional on what was read.
      tx.push({ Put: { TableName: this.tableName, Item: toItem({ ...jobToItem(job), expiresAt }) } });
    }
    const completeId = change.completeJob?.id;
    for (const key of change.unschedule ?? []) {
      const id = keys.scheduledJobId(key);
      if (scheduledIds.has(id) || id === completeId) continue; // one action per item in a transaction
      tx.push({ Delete: { TableName: this.tableName, Key: toItem(keys.job(policy.id, id)) } });
    }
    if (change.completeJob) {
      tx.push({
        Delete: {
          TableName: this.tableName,
          Key: toItem(keys.job(policy.id, change.completeJob.id)),
          // Only the dispatcher run that holds the claim may complete the job.
          ConditionExpression: 'dueSk = :lease',
          ExpressionAttributeValues: toItem({ ':lease': change.completeJob.lease }),
        },
      });
    }
    let idempotencyIndex = -1;
    if (change.idempotency) {
      idempotencyIndex = tx.length;
      putNew({ ...keys.idempotency(policy.id, change.idempotency.keyHash), outcome: change.idempotency.outcome, expiresAt: expiresAt ?? idempotencyExpiry() });
    }

    try {
      const out = await this.client.send(new TransactWriteItemsCommand({ TransactItems: tx, ReturnConsumedCapacity: 'TOTAL' }));
      this.record('commit', out.ConsumedCapacity);
    } catch (err) {
      throw translateCancellation(err, idempotencyIndex);
    }
    if (expiresAt && endsPolicy(change)) {
      // The close is committed; stamping the expiry on older items is housekeeping that must
      // not turn the request into a failure. A failure is logged at error level (alarmed).
      await this.stampRetention(pk, expiresAt).catch((err: unknown) => this.onHousekeepingError(policy.id, err));
    }
    return created;
  }

  /** When a policy closes, every item already in its partition gets the same expiry. */
  private async stampRetention(pk: string, expiresAt: number) {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: toItem({ ':pk': pk }),
      ProjectionExpression: 'pk, sk',
    });
    for (const item of items) {
      const out = await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: { pk: item.pk!, sk: item.sk! },
          UpdateExpression: 'SET expiresAt = :e',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: toItem({ ':e': expiresAt }),
          ReturnConsumedCapacity: 'TOTAL',
        }),
      ).catch((err: Error) => {
        // An item deleted in the meantime (a job just completed) needs no expiry.
        if (err.name !== 'ConditionalCheckFailedException') throw err;
        return undefined;
      });
      if (out) this.record('stampRetention', out.ConsumedCapacity);
    }
  }

  async putLink(tokenHash: string, link: LinkRecord, expiresAt: number): Promise<void> {
    const out = await this.client.send(
      new PutItemCommand({
        TableName: this.tableName,
        Item: toItem({ ...keys.link(tokenHash), link, expiresAt }),
        // 256 random bits never collide in practice; the condition makes sure of it.
        ConditionExpression: 'attribute_not_exists(pk)',
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.record('putLink', out.ConsumedCapacity);
  }

  async getLink(tokenHash: string): Promise<LinkRecord | null> {
    const out = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: toItem(keys.link(tokenHash)), ReturnConsumedCapacity: 'TOTAL' }),
    );
    this.record('getLink', out.ConsumedCapacity);
    return out.Item ? (unmarshall(out.Item).link as LinkRecord) : null;
  }

  async getIdempotency(policyId: string, keyHash: string): Promise<StoredOutcome | null> {
    const out = await this.client.send(
      new GetItemCommand({
        TableName: this.tableName,
        Key: toItem(keys.idempotency(policyId, keyHash)),
        ConsistentRead: true,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.record('getIdempotency', out.ConsumedCapacity);
    return out.Item ? (unmarshall(out.Item).outcome as StoredOutcome) : null;
  }

  async putIdempotency(policyId: string, keyHash: string, outcome: StoredOutcome): Promise<boolean> {
    try {
      const out = await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: toItem({ ...keys.idempotency(policyId, keyHash), outcome, expiresAt: idempotencyExpiry() }),
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.record('putIdempotency', out.ConsumedCapacity);
      return true;
    } catch (err) {
      if ((err as Error).name === 'ConditionalCheckFailedException') return false;
      throw err;
    }
  }

  async dueJobs(now: Date, limit: number): Promise<Job[]> {
    const { due } = TABLE.indexes;
    const out = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: due.name,
        KeyConditionExpression: '#pk = :pk AND #sk <= :now',
        ExpressionAttributeNames: { '#pk': due.partitionKey, '#sk': due.sortKey },
        // '~' sorts after every character used in the rest of the key, so "<= now~" includes
        // every job due at or before `now` whatever follows the timestamp.
        ExpressionAttributeValues: toItem({ ':pk': keys.duePk, ':now': `${now.toISOString()}~` }),
        Limit: limit,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.record('dueJobs', out.ConsumedCapacity);
    return (out.Items ?? []).map((i) => jobFromItem(unmarshall(i)));
  }

  async claimJob(job: Job, leaseUntil: Date): Promise<Job | null> {
    const lease = keys.dueSk(leaseUntil.toISOString(), job.policyId, job.id);
    try {
      const out = await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: toItem(keys.job(job.policyId, job.id)),
          // Moving the sort key past the lease both claims the job and brings it back
          // automatically if this run dies before finishing it.
          UpdateExpression: 'SET dueSk = :lease, attempts = attempts + :one',
          ConditionExpression: 'dueSk = :seen',
          ExpressionAttributeValues: toItem({ ':lease': lease, ':seen': job.lease, ':one': 1 }),
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.record('claimJob', out.ConsumedCapacity);
      return { ...job, lease, attempts: job.attempts + 1 };
    } catch (err) {
      if ((err as Error).name === 'ConditionalCheckFailedException') return null;
      throw err;
    }
  }

  async completeJob(job: Job): Promise<void> {
    await this.conditionalOnLease(job, (common) =>
      this.client.send(new DeleteItemCommand({ ...common, ReturnConsumedCapacity: 'TOTAL' })),
    );
  }

  async retryJob(job: Job, dueAt: Date): Promise<void> {
    await this.conditionalOnLease(job, (common) =>
      this.client.send(
        new UpdateItemCommand({
          ...common,
          UpdateExpression: 'SET dueSk = :next, dueAt = :dueAt',
          ExpressionAttributeValues: {
            ...common.ExpressionAttributeValues,
            ...toItem({ ':next': keys.dueSk(dueAt.toISOString(), job.policyId, job.id), ':dueAt': dueAt.toISOString() }),
          },
          ReturnConsumedCapacity: 'TOTAL',
        }),
      ),
    );
  }

  async deadLetterJob(job: Job, event: HistoryEvent): Promise<void> {
    const out = await this.client.send(
      new TransactWriteItemsCommand({
        ReturnConsumedCapacity: 'TOTAL',
        TransactItems: [
          {
            Update: {
              TableName: this.tableName,
              Key: toItem(keys.job(job.policyId, job.id)),
              // Out of due work into the dead-letter list (same sparse index, its own partition),
              // kept in the policy's partition for the timeline, the export and a later re-send.
              UpdateExpression: 'SET duePk = :dead, dueSk = :deadSk, deadLettered = :true',
              ConditionExpression: 'dueSk = :lease',
              ExpressionAttributeValues: toItem({ ':lease': job.lease, ':true': true, ':dead': keys.deadPk, ':deadSk': keys.deadSk(event.at, job.policyId, job.id) }),
            },
          },
          {
            Put: {
              TableName: this.tableName,
              Item: toItem({ ...keys.event(job.policyId, event.at, randomUUID().slice(0, 8)), event }),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
    this.record('deadLetterJob', out.ConsumedCapacity);
  }

  private async conditionalOnLease(
    job: Job,
    run: (common: { TableName: string; Key: Item; ConditionExpression: string; ExpressionAttributeValues: Item }) => Promise<{ ConsumedCapacity?: ConsumedCapacity }>,
  ): Promise<void> {
    try {
      const out = await run({
        TableName: this.tableName,
        Key: toItem(keys.job(job.policyId, job.id)),
        ConditionExpression: 'dueSk = :lease',
        ExpressionAttributeValues: toItem({ ':lease': job.lease }),
      });
      this.record('job', out.ConsumedCapacity);
    } catch (err) {
      // Lost the lease (this run was too slow): the next holder owns the job now.
      if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
    }
  }

  async getProfile(therapistId: string): Promise<TherapistProfile | null> {
    const out = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: toItem(keys.profile(therapistId)), ReturnConsumedCapacity: 'TOTAL' }),
    );
    this.record('getProfile', out.ConsumedCapacity);
    return out.Item ? (unmarshall(out.Item).profile as TherapistProfile) : null;
  }

  async putProfile(profile: TherapistProfile): Promise<void> {
    // A profile belongs to exactly one signed-in therapist and is written whole by them:
    // last write wins by design, there is nothing to merge.
    const out = await this.client.send(
      new PutItemCommand({
        TableName: this.tableName,
        Item: toItem({ ...keys.profile(profile.therapistId), profile }),
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.record('putProfile', out.ConsumedCapacity);
  }

  private async queryAll(input: ConstructorParameters<typeof QueryCommand>[0]): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Item | undefined;
    do {
      const out = await this.client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey, ReturnConsumedCapacity: 'TOTAL' }));
      this.record('query', out.ConsumedCapacity);
      items.push(...(out.Items ?? []));
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return items;
  }
}

/** Retention is stamped once, on the transition into a terminal state, not on every later write. */
function endsPolicy(change: PolicyChange): boolean {
  return change.events?.some((e) => e.type === 'closed' || e.type === 'declined') ?? false;
}

function idempotencyExpiry(): number {
  return Math.floor(Date.now() / 1000) + 7 * DAY_SECONDS;
}

function policyToItem(policy: Policy, expiresAt: number | undefined): Item {
  return toItem({
    ...keys.policy(policy.id),
    ...keys.byTherapist(policy.therapistId, policy.createdAt, policy.id),
    version: policy.version,
    state: policy.state,
    policy,
    expiresAt,
    // Listed for operations while mail to the client is stopped; a later snapshot without the flag leaves the list.
    ...(policy.clientEmailSuppressed ? { duePk: keys.suppressedPk, dueSk: policy.id } : {}),
  });
}

function policyFromItem(item: Item): Policy {
  return unmarshall(item).policy as Policy;
}

function jobToItem(job: Job): Record<string, unknown> {
  return {
    ...keys.job(job.policyId, job.id),
    duePk: keys.duePk,
    dueSk: job.lease,
    dueAt: job.dueAt,
    attempts: job.attempts,
    jobId: job.id,
    policyId: job.policyId,
    mail: job.mail,
    scheduled: job.scheduled,
  };
}

function jobFromItem(item: Record<string, unknown>): Job {
  return {
    id: item.jobId as string,
    policyId: item.policyId as string,
    dueAt: item.dueAt as string,
    attempts: (item.attempts as number) ?? 0,
    lease: (item.dueSk as string) ?? '',
    ...(item.mail ? { mail: item.mail as Job['mail'] } : {}),
    ...(item.scheduled ? { scheduled: item.scheduled as Job['scheduled'] } : {}),
  };
}

function translateCancellation(err: unknown, idempotencyIndex: number): unknown {
  if (!(err instanceof Error) || err.name !== 'TransactionCanceledException') {
    if (err instanceof Error && err.name === 'TransactionConflictException') return new VersionConflictError();
    return err;
  }
  const reasons = (err as Error & { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  if (idempotencyIndex >= 0 && reasons[idempotencyIndex]?.Code === 'ConditionalCheckFailed') return new IdempotencyTakenError();
  // Any other cancellation (version check, a conflicting concurrent transaction, a job
  // someone else completed) means: read again and decide again.
  return new VersionConflictError();
}
