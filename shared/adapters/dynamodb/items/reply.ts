/** A therapist's reply, in the sort key right after the message it answers (table-design.ts). */
import * as z from 'zod/mini';
import type { ReplyRecord } from '../../../ports/store.js';
import { keys } from '../table-design.js';
import { parseItem, storedAs } from '../stored-schema.js';
import type { Item } from '../table-client.js';

const target = z.union([z.object({ update: z.number() }), z.object({ checkIn: z.literal(true) })]);

const replySchema = storedAs<ReplyRecord>()(
  z.object({ inReplyTo: target, text: z.string(), characters: z.number(), sentAt: z.string() }),
);

const replyItem = z.object({ reply: replySchema });

export function replyItemOf(policyId: string, reply: ReplyRecord): Record<string, unknown> {
  return { ...keys.reply(policyId, reply.inReplyTo), reply };
}

export function replyFromItem(item: Item): ReplyRecord {
  return parseItem(replyItem, item).reply;
}
