/**
 * A timeline entry, sorted by time in its policy's partition. It is also the outbox: the
 * table's stream carries each new entry to the event relay, which publishes the domain
 * event (shared/adapters/dynamodb/outbox.ts). So the item names whose event it is (the policy
 * and its therapist, as of the change that wrote it): the relay needs nothing else.
 */
import * as z from 'zod/mini';
import type { HistoryEvent } from '../../../ports/store.js';
import { keys } from '../table-design.js';
import { itemKey, parseItem, storedAs } from '../stored-schema.js';
import type { Item } from '../table-client.js';

const eventSchema = storedAs<HistoryEvent>()(
  z.object({
    at: z.string(),
    type: z.string(),
    data: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
  }),
);

const eventItem = z.object({ event: eventSchema });

/** What the relay reads of a new timeline item: its key (the event's identity), owner and entry. */
export const publishedEventItem = z.object({
  ...itemKey.shape,
  policyId: z.string(),
  therapistId: z.string(),
  event: eventSchema,
});

/**
 * `unique` is a fresh random id (Ids.uniqueId). `therapistId` is left out only where the writer
 * does not know it; such an entry cannot be published, and the relay reports it as a failure.
 */
export function eventItemOf(
  policyId: string,
  event: HistoryEvent,
  unique: string,
  therapistId?: string,
): Record<string, unknown> {
  return { ...keys.event(policyId, event.at, unique), policyId, therapistId, event };
}

export function eventFromItem(item: Item): HistoryEvent {
  return parseItem(eventItem, item).event;
}
