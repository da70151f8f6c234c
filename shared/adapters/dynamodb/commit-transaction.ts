/**
 * The one transaction a PolicyChange becomes: policy snapshot, update, timeline entries (the
 * outbox of its domain events), emails to send, schedule, a daily digest's entry, idempotency record. Pure: time and ids come from the ports, nothing is sent.
 */
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { Clock } from '../../ports/clock.js';
import type { Ids } from '../../ports/ids.js';
import { JOB_LEASE_MS, type Job, type PolicyChange } from '../../ports/store.js';
import { checkInMessageItemOf } from './items/check-in-message.js';
import { digestWrites } from './items/digest.js';
import { eventItemOf } from './items/event.js';
import { idempotencyExpiry, idempotencyItemOf } from './items/idempotency.js';
import { jobItemOf } from './items/job.js';
import { policyItemOf, retentionExpiry } from './items/policy.js';
import { replyItemOf } from './items/reply.js';
import { updateItemOf } from './items/update.js';
import { keys } from './table-design.js';
import { toItem } from './table-client.js';

export interface CommitTransaction {
  items: TransactWriteItem[];
  /** The mail jobs the change creates, as the caller returns them. */
  created: Job[];
  /** Position of the idempotency Put, -1 without one: its cancellation reason means the key was taken. */
  idempotencyIndex: number;
  /** Set when the change ends the policy: the expiry the partition's older items get once it is committed. */
  stampRetention: number | undefined;
}

export function commitTransaction(change: PolicyChange, tableName: string, clock: Clock, ids: Ids): CommitTransaction {
  const { policy } = change;
  const expiresAt = retentionExpiry(policy);
  // Index 0 is always the policy: a cancellation there means someone else changed it first.
  const items: TransactWriteItem[] = [policyPut(change, tableName, expiresAt)];
  // Items of a closed policy share its expiry; an item with its own (idempotency) keeps it.
  const putNew = (item: Record<string, unknown>) =>
    items.push({
      Put: {
        TableName: tableName,
        Item: toItem({ expiresAt, ...item }),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });

  if (change.addUpdate) putNew(updateItemOf(policy.id, change.addUpdate));
  if (change.addCheckInMessage) putNew(checkInMessageItemOf(policy.id, change.addCheckInMessage));
  // One reply per message: a second one at the same key cancels the whole change.
  if (change.addReply) putNew(replyItemOf(policy.id, change.addReply));
  // Timeline entries are the outbox: written with the change, published from the table's stream.
  for (const event of change.events ?? []) putNew(eventItemOf(policy.id, event, ids.uniqueId(), policy.therapistId));
  const created = mailJobs(change, ids);
  for (const job of created) putNew(jobItemOf(job));
  items.push(...scheduleWrites(change, tableName, expiresAt));
  if (change.completeJob) items.push(completeJobDelete(change.completeJob, tableName));
  // In the therapist's partition, with no retention expiry: the next digest sends and removes it.
  if (change.digest) items.push(...digestWrites(tableName, change.digest, ids.uniqueId()));

  let idempotencyIndex = -1;
  if (change.idempotency) {
    idempotencyIndex = items.length;
    const { keyHash, outcome } = change.idempotency;
    putNew(idempotencyItemOf(policy.id, keyHash, outcome, expiresAt ?? idempotencyExpiry(clock)));
  }
  return { items, created, idempotencyIndex, stampRetention: endsPolicy(change) ? expiresAt : undefined };
}

function policyPut(change: PolicyChange, tableName: string, expiresAt: number | undefined): TransactWriteItem {
  return {
    Put: {
      TableName: tableName,
      Item: toItem(policyItemOf(change.policy, expiresAt)),
      ...(change.expectedVersion === null
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'version = :v', ExpressionAttributeValues: toItem({ ':v': change.expectedVersion }) }),
    },
  };
}

/**
 * Each email becomes a job, so none is lost if sending fails. It is created already held by
 * the process that commits it (which sends it right after): no claim to write, and if that
 * process dies the job falls due when the hold runs out.
 */
function mailJobs(change: PolicyChange, ids: Ids): Job[] {
  const policyId = change.policy.id;
  const heldUntil = new Date(Date.parse(change.at) + JOB_LEASE_MS).toISOString();
  return (change.mails ?? []).map((mail) => {
    const id = keys.mailJobId(ids.uniqueId());
    // The creator's send is the first try.
    return { id, policyId, dueAt: change.at, attempts: 1, lease: keys.dueSk(heldUntil, policyId, id), mail };
  });
}

function scheduleWrites(change: PolicyChange, tableName: string, expiresAt: number | undefined): TransactWriteItem[] {
  const policyId = change.policy.id;
  const writes: TransactWriteItem[] = [];
  const scheduledIds = new Set<string>();
  for (const scheduled of change.schedule ?? []) {
    const id = keys.scheduledJobId(scheduled.key);
    scheduledIds.add(id);
    const job: Job = {
      id,
      policyId,
      dueAt: scheduled.dueAt,
      attempts: 0,
      lease: keys.dueSk(scheduled.dueAt, policyId, id),
      scheduled,
    };
    // Re-planning overwrites the job of the same key; the policy's version condition
    // makes the whole transaction, this Put included, conditional on what was read.
    writes.push({ Put: { TableName: tableName, Item: toItem({ ...jobItemOf(job), expiresAt }) } });
  }
  const completeId = change.completeJob?.id;
  for (const key of change.unschedule ?? []) {
    const id = keys.scheduledJobId(key);
    // A transaction allows one action per item.
    if (scheduledIds.has(id) || id === completeId) continue;
    writes.push({ Delete: { TableName: tableName, Key: toItem(keys.job(policyId, id)) } });
  }
  return writes;
}

function completeJobDelete(job: Job, tableName: string): TransactWriteItem {
  return {
    Delete: {
      TableName: tableName,
      Key: toItem(keys.job(job.policyId, job.id)),
      // Only the dispatcher run that holds the claim may complete the job.
      ConditionExpression: 'dueSk = :lease',
      ExpressionAttributeValues: toItem({ ':lease': job.lease }),
    },
  };
}

/** Retention is stamped once, on the transition into a terminal state, not on every later write. */
function endsPolicy(change: PolicyChange): boolean {
  return change.events?.some((e) => e.type === 'closed' || e.type === 'declined') ?? false;
}
