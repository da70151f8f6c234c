/**
 * Policies and their partitions: a policy's items are read in one query, and every change
 * to them is one transaction (commit-transaction.ts) whose cancellation is told in the
 * domain's terms.
 */
import {
  ConditionalCheckFailedException,
  GetItemCommand,
  PutItemCommand,
  TransactionCanceledException,
  TransactionConflictException,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { VersionConflictError } from '../../domain/errors.js';
import type { Policy } from '../../domain/policy.js';
import type { Clock } from '../../ports/clock.js';
import type { Ids } from '../../ports/ids.js';
import {
  IdempotencyTakenError,
  type Conversation,
  type Job,
  type PolicyChange,
  type PolicyDetail,
  type PolicyStore,
} from '../../ports/store.js';
import { commitTransaction } from './commit-transaction.js';
import { checkInMessageFromItem } from './items/check-in-message.js';
import { eventFromItem } from './items/event.js';
import { jobFromItem } from './items/job.js';
import { policyFromItem, policyItemOf, retentionExpiry } from './items/policy.js';
import { replyFromItem } from './items/reply.js';
import { updateFromItem } from './items/update.js';
import { itemKey, parseItem } from './stored-schema.js';
import { TABLE, keys } from './table-design.js';
import { toItem, unlessConditionFailed, type Item, type TableClient } from './table-client.js';

export class DynamoPolicies implements PolicyStore {
  constructor(
    private readonly table: TableClient,
    private readonly clock: Clock,
    private readonly ids: Ids,
    private readonly onHousekeepingError: (policyId: string, err: unknown) => void,
  ) {}

  async getPolicy(id: string): Promise<Policy | null> {
    const { client, tableName } = this.table;
    const out = await this.table.metered(
      'getPolicy',
      client.send(
        new GetItemCommand({
          TableName: tableName,
          Key: toItem(keys.policy(id)),
          ConsistentRead: true,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      ),
    );
    return out.Item ? policyFromItem(out.Item) : null;
  }

  async getPolicyDetail(id: string): Promise<PolicyDetail | null> {
    const items = await this.table.queryAll({
      TableName: this.table.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: toItem({ ':pk': keys.policyPk(id) }),
      ConsistentRead: true,
    });
    return detailFromItems(items);
  }

  async listPolicies(therapistId: string): Promise<Policy[]> {
    const { byTherapist } = TABLE.indexes;
    const items = await this.table.queryAll({
      TableName: this.table.tableName,
      IndexName: byTherapist.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': byTherapist.partitionKey },
      ExpressionAttributeValues: toItem({ ':pk': keys.therapistPartition(therapistId) }),
      ScanIndexForward: false,
    });
    return items.map(policyFromItem);
  }

  async getConversation(id: string): Promise<Conversation> {
    const { update, checkIn } = keys.sortPrefix;
    // Two small ranges of the partition (messages and their replies), not its events and jobs.
    const [updates, checkIns] = await Promise.all(
      [update, checkIn].map((prefix) =>
        this.table.queryAll({
          TableName: this.table.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: toItem({ ':pk': keys.policyPk(id), ':prefix': prefix }),
          ConsistentRead: true,
        }),
      ),
    );
    const conversation: Conversation = { updates: [], checkInMessage: null, replies: [] };
    for (const item of [...(updates ?? []), ...(checkIns ?? [])]) addToConversation(conversation, item);
    return conversation;
  }

  async commit(change: PolicyChange): Promise<Job[]> {
    const tx = commitTransaction(change, this.table.tableName, this.clock, this.ids);
    try {
      await this.table.metered(
        'commit',
        this.table.client.send(
          new TransactWriteItemsCommand({ TransactItems: tx.items, ReturnConsumedCapacity: 'TOTAL' }),
        ),
      );
    } catch (err) {
      throw translateCancellation(err, tx.idempotencyIndex);
    }
    if (tx.stampRetention !== undefined) {
      const policyId = change.policy.id;
      // The close is committed; stamping the expiry on older items is housekeeping that must
      // not turn the request into a failure. A failure is logged at error level (alarmed).
      await this.stampRetention(policyId, tx.stampRetention).catch((err: unknown) =>
        this.onHousekeepingError(policyId, err),
      );
    }
    return tx.created;
  }

  async setRetention(policy: Policy, retentionDays: number): Promise<void> {
    const updated: Policy = { ...policy, retentionDays, version: policy.version + 1 };
    const expiresAt = retentionExpiry(updated);
    // The partition first, the policy last: until the policy holds the new value, running this
    // again (after a crash, or a conflict) sees the old one and stamps everything once more.
    if (expiresAt !== undefined) await this.stampRetention(policy.id, expiresAt);
    const put = new PutItemCommand({
      TableName: this.table.tableName,
      Item: toItem(policyItemOf(updated, expiresAt)),
      // Over exactly the snapshot read: a change in between is decided again on what it wrote.
      ConditionExpression: 'version = :v',
      ExpressionAttributeValues: toItem({ ':v': policy.version }),
      ReturnConsumedCapacity: 'TOTAL',
    });
    try {
      await this.table.metered('setRetention', this.table.client.send(put));
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new VersionConflictError({ cause: err });
      throw err;
    }
  }

  /** Every item already in the policy's partition gets `expiresAt`: when it closes, and when its retention changes. */
  private async stampRetention(policyId: string, expiresAt: number): Promise<void> {
    const { client, tableName } = this.table;
    const items = await this.table.queryAll({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: toItem({ ':pk': keys.policyPk(policyId) }),
      ProjectionExpression: 'pk, sk',
      // Also the items written a moment ago (the last emails' jobs, a dead-lettered job's entry).
      ConsistentRead: true,
    });
    for (const item of items) {
      const { pk, sk } = parseItem(itemKey, item);
      const stamp = new UpdateItemCommand({
        TableName: tableName,
        Key: toItem({ pk, sk }),
        UpdateExpression: 'SET expiresAt = :e',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: toItem({ ':e': expiresAt }),
        ReturnConsumedCapacity: 'TOTAL',
      });
      // An item deleted in the meantime (a job just completed) needs no expiry.
      const out = await unlessConditionFailed(client.send(stamp), undefined);
      if (out) this.table.record('stampRetention', out.ConsumedCapacity);
    }
  }
}

function detailFromItems(items: Item[]): PolicyDetail | null {
  const policyItem = items.find((i) => i.sk?.S === keys.sortPrefix.policy);
  if (!policyItem) return null;
  const detail: PolicyDetail = {
    policy: policyFromItem(policyItem),
    updates: [],
    checkInMessage: null,
    replies: [],
    events: [],
    jobs: [],
  };
  for (const item of items) {
    const sk = item.sk?.S ?? '';
    if (sk.startsWith(keys.sortPrefix.event)) detail.events.push(eventFromItem(item));
    else if (sk.startsWith(keys.sortPrefix.job)) detail.jobs.push(jobFromItem(item));
    else addToConversation(detail, item);
  }
  return detail;
}

/** A message or a reply (replies sit right after their message: UPDATE#0002#REPLY). */
function addToConversation(conversation: Conversation, item: Item): void {
  const sk = item.sk?.S ?? '';
  if (sk.endsWith(keys.replySuffix)) conversation.replies.push(replyFromItem(item));
  else if (sk.startsWith(keys.sortPrefix.update)) conversation.updates.push(updateFromItem(item));
  else if (sk === keys.sortPrefix.checkIn) conversation.checkInMessage = checkInMessageFromItem(item);
}

function translateCancellation(err: unknown, idempotencyIndex: number): unknown {
  if (err instanceof TransactionCanceledException) {
    const reason = idempotencyIndex >= 0 ? err.CancellationReasons?.[idempotencyIndex] : undefined;
    if (reason?.Code === 'ConditionalCheckFailed') return new IdempotencyTakenError({ cause: err });
    // Any other cancellation (version check, a conflicting concurrent transaction, a job
    // someone else completed) means: read again and decide again.
    return new VersionConflictError({ cause: err });
  }
  if (err instanceof TransactionConflictException) return new VersionConflictError({ cause: err });
  return err;
}
