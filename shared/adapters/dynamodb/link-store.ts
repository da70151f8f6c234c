/** Client links and reply addresses, looked up by the hash of their token. */
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { LinkRecord, LinkStore } from '../../ports/store.js';
import { linkFromItem, linkItemOf } from './items/link.js';
import { keys } from './table-design.js';
import { toItem, type TableClient } from './table-client.js';

export class DynamoLinks implements LinkStore {
  constructor(private readonly table: TableClient) {}

  async putLink(tokenHash: string, link: LinkRecord, expiresAt: number): Promise<void> {
    const put = new PutItemCommand({
      TableName: this.table.tableName,
      Item: toItem(linkItemOf(tokenHash, link, expiresAt)),
      // 256 random bits never collide in practice; the condition makes sure of it.
      ConditionExpression: 'attribute_not_exists(pk)',
      ReturnConsumedCapacity: 'TOTAL',
    });
    await this.table.metered('putLink', this.table.client.send(put));
  }

  async getLink(tokenHash: string): Promise<LinkRecord | null> {
    const get = new GetItemCommand({
      TableName: this.table.tableName,
      Key: toItem(keys.link(tokenHash)),
      ReturnConsumedCapacity: 'TOTAL',
    });
    const out = await this.table.metered('getLink', this.table.client.send(get));
    return out.Item ? linkFromItem(out.Item) : null;
  }
}
