/** The practice's settings item and its timeline entries (admin actions). */
import * as z from 'zod/mini';
import { CRISIS_LOCALES } from '../../../domain/crisis.js';
import type { Practice } from '../../../domain/practice.js';
import type { PracticeEvent } from '../../../ports/store.js';
import { keys } from '../table-design.js';
import { defaultRules } from './profile.js';
import { itemKey, parseItem, storedAs } from '../stored-schema.js';
import type { Item } from '../table-client.js';

const formats = z.array(z.enum(['message', 'session']));

const practiceSchema = storedAs<Practice>()(
  z.object({
    id: z.string(),
    name: z.string(),
    defaults: z.object({ ...defaultRules.shape, crisisLocale: z.optional(z.enum(CRISIS_LOCALES)) }),
    bounds: z.object({
      maxUpdates: z.number(),
      maxCharacters: z.number(),
      maxWindowDays: z.number(),
      checkInFormats: formats,
    }),
    retentionDays: z.number(),
    version: z.nullable(z.number()),
  }),
);

const practiceItem = z.object({ practice: practiceSchema });

export function practiceItemOf(practice: Practice): Record<string, unknown> {
  return { ...keys.practice(practice.id), version: practice.version, practice };
}

export function practiceFromItem(item: Item): Practice {
  return parseItem(practiceItem, item).practice;
}

export const practiceEventSchema = storedAs<PracticeEvent>()(
  z.object({
    at: z.string(),
    type: z.string(),
    by: z.string(),
    therapistId: z.optional(z.string()),
    data: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
  }),
);

/** `practiceEvent`, not `event`: the relay tells a practice's entries from a policy's by it. */
export function practiceEventItemOf(practiceId: string, event: PracticeEvent, unique: string): Record<string, unknown> {
  return { ...keys.practiceEvent(practiceId, event.at, unique), practiceId, practiceEvent: event };
}

const practiceEventItem = z.object({ practiceEvent: practiceEventSchema });

/** What the relay reads of a new practice timeline item: its key (the event's identity), practice and entry. */
export const publishedPracticeEventItem = z.object({
  ...itemKey.shape,
  practiceId: z.string(),
  practiceEvent: practiceEventSchema,
});

export function practiceEventFromItem(item: Item): PracticeEvent {
  return parseItem(practiceEventItem, item).practiceEvent;
}
