/**
 * The table's stream → domain events on the bus. Lambda invokes it with new timeline entries
 * only (the mapping's filter, shared/adapters/dynamodb/outbox.ts) and retries from the record
 * it reports as failed; after the mapping's retries the batch goes to its on-failure queue.
 */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { outboxEntryOf } from '../shared/adapters/dynamodb/outbox.js';
import { relayEvents, type RelayDeps } from '../shared/use-cases/relay-events.js';
import { relayDeps } from './relay-deps.js';

export const makeHandler =
  (getDeps: () => RelayDeps) =>
  async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const failed = await relayEvents(
      getDeps(),
      event.Records.map((record) => ({
        sequenceNumber: record.dynamodb?.SequenceNumber ?? '',
        read: () => outboxEntryOf(record),
      })),
    );
    return { batchItemFailures: failed === null ? [] : [{ itemIdentifier: failed }] };
  };

export const handler = makeHandler(() => relayDeps('event-relay'));
