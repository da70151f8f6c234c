/** Therapist profiles, one item each in the therapist's partition. */
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { ProfileStore, TherapistProfile } from '../../ports/store.js';
import { profileFromItem, profileItemOf } from './items/profile.js';
import { keys } from './table-design.js';
import { toItem, type TableClient } from './table-client.js';

export class DynamoProfiles implements ProfileStore {
  constructor(private readonly table: TableClient) {}

  async getProfile(therapistId: string): Promise<TherapistProfile | null> {
    const get = new GetItemCommand({
      TableName: this.table.tableName,
      Key: toItem(keys.profile(therapistId)),
      ReturnConsumedCapacity: 'TOTAL',
    });
    const out = await this.table.metered('getProfile', this.table.client.send(get));
    return out.Item ? profileFromItem(out.Item) : null;
  }

  async putProfile(profile: TherapistProfile): Promise<void> {
    // A profile belongs to exactly one signed-in therapist and is written whole by them:
    // last write wins by design, there is nothing to merge.
    const put = new PutItemCommand({
      TableName: this.table.tableName,
      Item: toItem(profileItemOf(profile)),
      ReturnConsumedCapacity: 'TOTAL',
    });
    await this.table.metered('putProfile', this.table.client.send(put));
  }
}
