/** The client's one check-in message, at a fixed sort key: a second one cannot be written. */
import * as z from 'zod/mini';
import type { CheckInMessageRecord } from '../../../ports/store.js';
import { keys } from '../table-design.js';
import { parseItem, storedAs } from '../stored-schema.js';
import type { Item } from '../table-client.js';

const checkInMessageSchema = storedAs<CheckInMessageRecord>()(
  z.object({ text: z.string(), characters: z.number(), sentOn: z.string(), receivedAt: z.string() }),
);

const checkInMessageItem = z.object({ message: checkInMessageSchema });

export function checkInMessageItemOf(policyId: string, message: CheckInMessageRecord): Record<string, unknown> {
  return { ...keys.checkInMessage(policyId), message };
}

export function checkInMessageFromItem(item: Item): CheckInMessageRecord {
  return parseItem(checkInMessageItem, item).message;
}
