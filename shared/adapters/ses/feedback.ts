/**
 * SES bounce and complaint records, as published through the configuration set to SNS
 * (`eventType`), or as identity notifications (`notificationType`). Only the fields we act
 * on are read; the rest (addresses, diagnostic text) is deliberately ignored.
 */
import * as z from 'zod/mini';
import type { Feedback } from '../../domain/feedback.js';

const tags = z.optional(z.record(z.string(), z.array(z.string())));

export const sesFeedbackRecord = z.object({
  eventType: z.optional(z.string()),
  notificationType: z.optional(z.string()),
  bounce: z.optional(z.object({ bounceType: z.string() })),
  complaint: z.optional(z.object({})),
  mail: z.object({ messageId: z.string(), tags }),
});

export type SesFeedbackRecord = z.infer<typeof sesFeedbackRecord>;

export function readFeedback(record: SesFeedbackRecord): Feedback | null {
  const type = record.eventType ?? record.notificationType;
  const tag = (name: string) => record.mail.tags?.[name]?.[0] ?? null;
  const audience = tag('audience');
  const address = tag('address');
  const base: Pick<Feedback, 'policyId' | 'audience' | 'addressGeneration'> = {
    policyId: tag('policy'),
    audience: audience === 'client' || audience === 'therapist' ? audience : null,
    addressGeneration: address && /^\d{1,6}$/.test(address) ? Number(address) : null,
  };
  if (type === 'Bounce') return { kind: 'bounce', permanent: record.bounce?.bounceType === 'Permanent', ...base };
  if (type === 'Complaint') return { kind: 'complaint', permanent: true, ...base };
  return null;
}
