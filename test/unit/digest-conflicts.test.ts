/**
 * A message accepted for the same therapist at the moment a digest finishes writes the same
 * job item; DynamoDB answers the digest's single-item write with TransactionConflictException,
 * which the SDK does not retry. The store tries again instead of leaving the job leased (its
 * digest would then go out a second time when the lease ends).
 */
import { DynamoDBClient, TransactionConflictException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { DynamoDigests } from '../../shared/adapters/dynamodb/digest-store.js';
import { TableClient } from '../../shared/adapters/dynamodb/table-client.js';

/** A client whose first `conflicts` calls fail as a conflicting transaction would make them, then succeed. */
function conflictingClient(conflicts: number) {
  const client = new DynamoDBClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  const calls: string[] = [];
  client.send = (async (command: { constructor: { name: string } }) => {
    calls.push(command.constructor.name);
    if (calls.length <= conflicts)
      throw new TransactionConflictException({ message: 'Transaction is ongoing for the item', $metadata: {} });
    return { Attributes: undefined, ConsumedCapacity: undefined };
  }) as unknown as DynamoDBClient['send'];
  return { client, calls };
}

const job = {
  therapistId: 'th-1',
  lease: '2026-12-01T14:02:00.000Z#th-1',
  dueAt: '2026-12-01T14:00:00.000Z',
  attempts: 1,
  pending: 0,
};

describe('digest writes that meet a message being accepted', () => {
  it('finishes the digest after a conflict instead of leaving it leased', async () => {
    const { client, calls } = conflictingClient(2);
    const digests = new DynamoDigests(new TableClient(client, 'afterword-test'));
    expect(await digests.finishDigest(job, [], '2026-12-02T14:00:00.000Z')).toBe('finished');
    expect(calls).toEqual(['DeleteItemCommand', 'DeleteItemCommand', 'DeleteItemCommand']);
  });

  it('gives up after a few tries, so a run cannot spin on a hot item', async () => {
    const { client, calls } = conflictingClient(99);
    const digests = new DynamoDigests(new TableClient(client, 'afterword-test'));
    await expect(digests.finishDigest(job, [], '2026-12-02T14:00:00.000Z')).rejects.toBeInstanceOf(
      TransactionConflictException,
    );
    expect(calls).toHaveLength(5);
  });
});
