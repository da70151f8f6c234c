/** A timeline entry, sorted by time in its policy's partition. */
import * as z from 'zod/mini';
import type { HistoryEvent } from '../../../ports/store.js';
import { keys } from '../table-design.js';
import { parseItem, storedAs } from '../stored-schema.js';
import type { Item } from '../table-client.js';

const eventSchema = storedAs<HistoryEvent>()(
  z.object({
    at: z.string(),
    type: z.string(),
    data: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
  }),
);

const eventItem = z.object({ event: eventSchema });

/** `unique` is a fresh random id (Ids.uniqueId). */
export function eventItemOf(policyId: string, event: HistoryEvent, unique: string): Record<string, unknown> {
  return { ...keys.event(policyId, event.at, unique), event };
}

export function eventFromItem(item: Item): HistoryEvent {
  return parseItem(eventItem, item).event;
}
