/** One accepted update: its own item, so the policy snapshot stays small however many arrive. */
import * as z from 'zod/mini';
import type { UpdateRecord } from '../../../ports/store.js';
import { keys } from '../table-design.js';
import { parseItem, storedAs } from '../stored-schema.js';
import type { Item } from '../table-client.js';

const updateSchema = storedAs<UpdateRecord>()(
  z.object({ seq: z.number(), text: z.string(), characters: z.number(), sentOn: z.string(), receivedAt: z.string() }),
);

const updateItem = z.object({ update: updateSchema });

export function updateItemOf(policyId: string, update: UpdateRecord): Record<string, unknown> {
  return { ...keys.update(policyId, update.seq), update };
}

export function updateFromItem(item: Item): UpdateRecord {
  return parseItem(updateItem, item).update;
}
