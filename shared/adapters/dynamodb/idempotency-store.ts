/**
 * Idempotency records written on their own, for refusals (which change no policy). A change
 * that commits writes its record inside the commit's transaction instead.
 */
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { Clock } from '../../ports/clock.js';
import type { IdempotencyStore, StoredOutcome } from '../../ports/store.js';
import { idempotencyExpiry, idempotencyItemOf, outcomeFromItem } from './items/idempotency.js';
import { keys } from './table-design.js';
import { toItem, unlessConditionFailed, type TableClient } from './table-client.js';

export class DynamoIdempotency implements IdempotencyStore {
  constructor(
    private readonly table: TableClient,
    private readonly clock: Clock,
  ) {}

  async getIdempotency(policyId: string, keyHash: string): Promise<StoredOutcome | null> {
    const get = new GetItemCommand({
      TableName: this.table.tableName,
      Key: toItem(keys.idempotency(policyId, keyHash)),
      ConsistentRead: true,
      ReturnConsumedCapacity: 'TOTAL',
    });
    const out = await this.table.metered('getIdempotency', this.table.client.send(get));
    return out.Item ? outcomeFromItem(out.Item) : null;
  }

  async putIdempotency(policyId: string, keyHash: string, outcome: StoredOutcome): Promise<boolean> {
    const put = new PutItemCommand({
      TableName: this.table.tableName,
      Item: toItem(idempotencyItemOf(policyId, keyHash, outcome, idempotencyExpiry(this.clock))),
      ConditionExpression: 'attribute_not_exists(pk)',
      ReturnConsumedCapacity: 'TOTAL',
    });
    const out = await unlessConditionFailed(this.table.client.send(put), null);
    if (!out) return false;
    this.table.record('putIdempotency', out.ConsumedCapacity);
    return true;
  }
}
