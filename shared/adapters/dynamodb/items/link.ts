/** A client link, stop link or reply address, keyed by the token's hash (the token itself is never stored). */
import * as z from 'zod/mini';
import type { LinkRecord } from '../../../ports/store.js';
import { keys } from '../table-design.js';
import { parseItem, storedAs } from '../stored-schema.js';
import type { Item } from '../table-client.js';

const linkSchema = storedAs<LinkRecord>()(
  z.object({
    policyId: z.string(),
    generation: z.number(),
    purpose: z.optional(z.enum(['page', 'reply', 'stop'])),
    addressGeneration: z.optional(z.number()),
  }),
);

const linkItem = z.object({ link: linkSchema });

export function linkItemOf(tokenHash: string, link: LinkRecord, expiresAt: number): Record<string, unknown> {
  return { ...keys.link(tokenHash), link, expiresAt };
}

export function linkFromItem(item: Item): LinkRecord {
  return parseItem(linkItem, item).link;
}
