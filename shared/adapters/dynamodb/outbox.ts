/**
 * The transactional outbox, read back from the table's stream. Every timeline entry is written
 * in the same transaction as the change it records (commit-transaction.ts, and the dead-letter
 * write in job-queue.ts), so an entry exists exactly when its change does; the stream then
 * carries each new entry to the event relay (functions/event-relay.ts) however the writer
 * fared after its commit. No second "outbox" item is needed: the timeline entry is the record.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { createHash } from 'node:crypto';
import type { OutboxEntry } from '../../ports/events.js';
import { publishedEventItem } from './items/event.js';
import { publishedPracticeEventItem } from './items/practice.js';
import { TABLE, keys } from './table-design.js';

/**
 * Which stream records reach the relay: new timeline entries, told apart by their sort key
 * (Lambda applies this before invoking, on keys only; local mode applies the same pattern).
 * Policies, updates and jobs never reach the function, so their words never do either.
 */
export const OUTBOX_FILTER = {
  eventName: ['INSERT'],
  dynamodb: { Keys: { [TABLE.sortKey]: { S: [{ prefix: keys.sortPrefix.event }] } } },
} as const;

/**
 * An id derived from the item's key, so every delivery of one entry carries the same id
 * (EventBridge has no de-duplication of its own). Formatted as an RFC 9562 version 8 UUID
 * made from SHA-256, the RFC's own example of a name-based custom UUID.
 */
export function stableEventId(pk: string, sk: string): string {
  const bytes = createHash('sha256').update(`${pk}\n${sk}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A new timeline entry from its stream record; throws (naming the bad path, never a value) on
 * anything else. A practice's timeline (admin actions) is told apart by its `practiceEvent`.
 */
export function outboxEntryOf(record: DynamoDBRecord): OutboxEntry {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image) throw new TypeError('Not a new item: the relay reads INSERT records');
  // Lambda's event types describe the same wire format as the SDK's attribute values.
  // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- two typings of one wire format
  const raw = unmarshall(image as Record<string, AttributeValue>);
  if (Object.hasOwn(raw, 'practiceEvent')) {
    const practice = publishedPracticeEventItem.parse(raw);
    return {
      eventId: stableEventId(practice.pk, practice.sk),
      practiceId: practice.practiceId,
      practiceEvent: practice.practiceEvent,
    };
  }
  const item = publishedEventItem.parse(raw);
  return {
    eventId: stableEventId(item.pk, item.sk),
    policyId: item.policyId,
    therapistId: item.therapistId,
    event: item.event,
  };
}
