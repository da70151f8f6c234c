/** The outcome of a request made with an idempotency key, replayed when the same key comes again. */
import * as z from 'zod/mini';
import type { Clock } from '../../../ports/clock.js';
import type { StoredOutcome } from '../../../ports/store.js';
import { keys } from '../table-design.js';
import { parseItem, storedAs } from '../stored-schema.js';
import type { Item } from '../table-client.js';

const outcomeSchema = storedAs<StoredOutcome>()(z.object({ status: z.number(), body: z.unknown() }));

const idempotencyItem = z.object({ outcome: outcomeSchema });

const KEEP_SECONDS = 7 * 86_400;

/** From the store's clock, so a moved local clock ages these records like everything else. */
export function idempotencyExpiry(clock: Clock): number {
  return Math.floor(clock.now().getTime() / 1000) + KEEP_SECONDS;
}

export function idempotencyItemOf(
  policyId: string,
  keyHash: string,
  outcome: StoredOutcome,
  expiresAt: number,
): Record<string, unknown> {
  return { ...keys.idempotency(policyId, keyHash), outcome, expiresAt };
}

export function outcomeFromItem(item: Item): StoredOutcome {
  return parseItem(idempotencyItem, item).outcome;
}
