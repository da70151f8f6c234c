/**
 * Practices: the settings item and timeline in the practice's partition, each therapist's
 * member record in the therapist's own partition, and the practice index over both members
 * and arrangements (no Scan: every list is one index key).
 */
import {
  GetItemCommand,
  TransactionCanceledException,
  TransactionConflictException,
  TransactWriteItemsCommand,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { VersionConflictError } from '../../domain/errors.js';
import type { ArrangementMeta } from '../../domain/arrangement-meta.js';
import type { Practice } from '../../domain/practice.js';
import type { Ids } from '../../ports/ids.js';
import type { Member, PracticeEvent, PracticeStore } from '../../ports/store.js';
import { arrangementFromIndexItem } from './items/policy.js';
import { memberFromItem, memberItemOf } from './items/member.js';
import { practiceEventFromItem, practiceEventItemOf, practiceFromItem, practiceItemOf } from './items/practice.js';
import { TABLE, keys } from './table-design.js';
import { toItem, type TableClient } from './table-client.js';

export class DynamoPractices implements PracticeStore {
  constructor(
    private readonly table: TableClient,
    private readonly ids: Ids,
  ) {}

  async getPractice(practiceId: string): Promise<Practice | null> {
    const out = await this.table.metered(
      'getPractice',
      this.table.client.send(
        new GetItemCommand({
          TableName: this.table.tableName,
          Key: toItem(keys.practice(practiceId)),
          // A bound or retention just saved applies to the very next arrangement.
          ConsistentRead: true,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      ),
    );
    return out.Item ? practiceFromItem(out.Item) : null;
  }

  async putPractice(practice: Practice, events: PracticeEvent[]): Promise<void> {
    const saved = { ...practice, version: (practice.version ?? 0) + 1 };
    await this.transact('putPractice', [
      {
        Put: {
          TableName: this.table.tableName,
          Item: toItem(practiceItemOf(saved)),
          ...versionCondition(practice.version),
        },
      },
      ...this.eventPuts(practice.id, events),
    ]);
  }

  async getMember(therapistId: string): Promise<Member | null> {
    const out = await this.table.metered(
      'getMember',
      this.table.client.send(
        new GetItemCommand({
          TableName: this.table.tableName,
          Key: toItem(keys.member(therapistId)),
          // Access ends the moment an admin says so: never an older copy.
          ConsistentRead: true,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      ),
    );
    return out.Item ? memberFromItem(out.Item) : null;
  }

  async putMember(member: Member, expectedVersion: number | null, events: PracticeEvent[] = []): Promise<boolean> {
    try {
      await this.transact('putMember', [
        {
          Put: {
            TableName: this.table.tableName,
            Item: toItem(memberItemOf(member)),
            ...versionCondition(expectedVersion),
          },
        },
        ...this.eventPuts(member.practiceId, events),
      ]);
      return true;
    } catch (err) {
      if (err instanceof VersionConflictError) return false;
      throw err;
    }
  }

  async listMembers(practiceId: string): Promise<Member[]> {
    const items = await this.queryIndex(keys.practiceMembers(practiceId), true);
    return items.map(memberFromItem);
  }

  async listArrangements(practiceId: string): Promise<ArrangementMeta[]> {
    // Newest first, like a therapist's own list.
    const items = await this.queryIndex(keys.practiceArrangements(practiceId), false);
    return items.map(arrangementFromIndexItem);
  }

  async practiceTimeline(practiceId: string, limit: number): Promise<PracticeEvent[]> {
    const out = await this.table.queryAll({
      TableName: this.table.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: toItem({ ':pk': keys.practicePk(practiceId), ':prefix': keys.sortPrefix.event }),
      ScanIndexForward: false,
      Limit: limit,
    });
    return out.slice(0, limit).map(practiceEventFromItem);
  }

  private queryIndex(pk: string, forward: boolean) {
    const { byPractice } = TABLE.indexes;
    return this.table.queryAll({
      TableName: this.table.tableName,
      IndexName: byPractice.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': byPractice.partitionKey },
      ExpressionAttributeValues: toItem({ ':pk': pk }),
      ScanIndexForward: forward,
    });
  }

  private eventPuts(practiceId: string, events: PracticeEvent[]): TransactWriteItem[] {
    return events.map((event) => ({
      Put: {
        TableName: this.table.tableName,
        Item: toItem(practiceEventItemOf(practiceId, event, this.ids.uniqueId())),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    }));
  }

  private async transact(operation: string, items: TransactWriteItem[]): Promise<void> {
    try {
      await this.table.metered(
        operation,
        this.table.client.send(
          new TransactWriteItemsCommand({ TransactItems: items, ReturnConsumedCapacity: 'TOTAL' }),
        ),
      );
    } catch (err) {
      if (err instanceof TransactionCanceledException || err instanceof TransactionConflictException)
        throw new VersionConflictError({ cause: err });
      throw err;
    }
  }
}

/** Written only over the version read, or (null) only where nothing is yet. */
function versionCondition(expected: number | null) {
  return expected === null
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : { ConditionExpression: 'version = :v', ExpressionAttributeValues: toItem({ ':v': expected }) };
}
