/** A therapist's profile and usual rules, in the therapist's own partition. */
import * as z from 'zod/mini';
import { CRISIS_LOCALES } from '../../../domain/crisis.js';
import { DEFAULT_NOTIFICATIONS, NOTIFICATIONS } from '../../../domain/notifications.js';
import type { TherapistProfile } from '../../../ports/store.js';
import { keys } from '../table-design.js';
import { parseItem, storedAs } from '../stored-schema.js';
import type { Item } from '../table-client.js';

/** The usual rules as stored: a therapist's profile holds them, and a practice's defaults are these plus a crisis locale. */
export const defaultRules = z.object({
  updates: z.optional(
    z.object({
      limit: z.optional(z.number()),
      minDaysBetween: z.optional(z.number()),
      maxCharacters: z.optional(z.number()),
      windowDays: z.optional(z.number()),
    }),
  ),
  checkIn: z.optional(
    z.object({
      afterMonths: z.optional(z.number()),
      format: z.optional(z.enum(['message', 'session'])),
      remindDaysBefore: z.optional(z.array(z.number())),
    }),
  ),
  replies: z.optional(z.enum(['none', 'may-reply'])),
  referrals: z.optional(z.array(z.object({ name: z.string(), contact: z.string() }))),
  invitationNote: z.optional(z.nullable(z.string())),
  closingNote: z.optional(z.nullable(z.string())),
});

const profileSchema = storedAs<TherapistProfile>()(
  z.object({
    therapistId: z.string(),
    email: z.string(),
    displayName: z.string(),
    timeZone: z.string(),
    crisisLocale: z.enum(CRISIS_LOCALES),
    crisisLocaleChosen: z.optional(z.boolean()),
    defaultRules: z.optional(defaultRules),
    // Profiles saved before the choice existed get the default: a notice, without the client's words.
    notifications: z._default(z.enum(NOTIFICATIONS), DEFAULT_NOTIFICATIONS),
  }),
);

const profileItem = z.object({ profile: profileSchema });

export function profileItemOf(profile: TherapistProfile): Record<string, unknown> {
  return { ...keys.profile(profile.therapistId), profile };
}

export function profileFromItem(item: Item): TherapistProfile {
  return parseItem(profileItem, item).profile;
}
