/** The policy snapshot item: the policy whole, plus the attributes its indexes and lists read. */
import * as z from 'zod/mini';
import { CRISIS_LOCALES } from '../../../domain/crisis.js';
import { CLOSED_REASONS, POLICY_STATES, type Policy } from '../../../domain/policy.js';
import { arrangementMeta, type ArrangementMeta } from '../../../domain/arrangement-meta.js';
import { DEFAULT_PRACTICE_ID, RETENTION } from '../../../domain/practice.js';
import { keys } from '../table-design.js';
import { parseItem, storedAs } from '../stored-schema.js';
import type { Item } from '../table-client.js';

const person = z.object({ name: z.string(), email: z.string() });
const referral = z.object({ name: z.string(), contact: z.string() });

const rules = z.object({
  endedOn: z.string(),
  timeZone: z.string(),
  updates: z.object({
    limit: z.number(),
    minDaysBetween: z.number(),
    from: z.string(),
    until: z.string(),
    maxCharacters: z.number(),
  }),
  checkIn: z.nullable(
    z.object({
      on: z.string(),
      format: z.enum(['message', 'session']),
      note: z.nullable(z.string()),
      remindDaysBefore: z.array(z.number()),
      messageUntil: z.string(),
    }),
  ),
  replies: z.enum(['none', 'may-reply']),
  closesOn: z.string(),
  referrals: z.array(referral),
  crisisLocale: z.enum(CRISIS_LOCALES),
  // Policies written before personal notes existed have none.
  invitationNote: z._default(z.nullable(z.string()), null),
  closingNote: z._default(z.nullable(z.string()), null),
});

const policySchema = storedAs<Policy>()(
  z.object({
    id: z.string(),
    // Policies written before practices belong to the default practice and keep 90 days.
    practiceId: z._default(z.string(), DEFAULT_PRACTICE_ID),
    therapistId: z.string(),
    therapist: person,
    client: person,
    rules,
    state: z.enum(POLICY_STATES),
    closedReason: z.nullable(z.enum(CLOSED_REASONS)),
    updatesAccepted: z.number(),
    lastUpdateOn: z.nullable(z.string()),
    checkIn: z.enum(['pending', 'sent', 'skipped', 'none']),
    linkGeneration: z.number(),
    // Policies written before links recorded their address read as the first address.
    clientAddressGeneration: z._default(z.number(), 1),
    clientEmailSuppressed: z.boolean(),
    createdAt: z.string(),
    acceptedAt: z.nullable(z.string()),
    closedAt: z.nullable(z.string()),
    pause: z.optional(z.nullable(z.object({ until: z.nullable(z.string()), note: z.nullable(z.string()) }))),
    repliedTo: z.optional(z.array(z.string())),
    handovers: z.optional(z.array(z.object({ at: z.string(), from: z.string(), fromEmail: z.optional(z.string()) }))),
    closedByPractice: z.optional(
      z.nullable(z.object({ practiceName: z.string(), note: z.nullable(z.string()), referrals: z.array(referral) })),
    ),
    retentionDays: z._default(z.number(), RETENTION.default),
    version: z.number(),
  }),
);

const policyItem = z.object({ policy: policySchema });

const DAY_SECONDS = 86_400;

/** Retention: everything of a closed policy expires this long after it closed. */
export function retentionExpiry(policy: Policy): number | undefined {
  if (!policy.closedAt) return undefined;
  return Math.floor(Date.parse(policy.closedAt) / 1000) + policy.retentionDays * DAY_SECONDS;
}

export function policyItemOf(policy: Policy, expiresAt: number | undefined): Record<string, unknown> {
  return {
    ...keys.policy(policy.id),
    ...keys.byTherapist(policy.therapistId, policy.createdAt, policy.id),
    ...keys.byPracticeArrangement(policy.practiceId, policy.createdAt, policy.id),
    // The only part of the policy the practice index carries: metadata, never the client's name, address or words.
    arrangement: arrangementMeta(policy),
    version: policy.version,
    state: policy.state,
    policy,
    expiresAt,
    // Listed for operations while mail to the client is stopped; a later snapshot without the flag leaves the list.
    // (therapistId is projected into that index: the list names whose arrangement it is, nothing more.)
    ...(policy.clientEmailSuppressed
      ? { duePk: keys.suppressedPk, dueSk: policy.id, therapistId: policy.therapistId }
      : {}),
  };
}

export function policyFromItem(item: Item): Policy {
  return parseItem(policyItem, item).policy;
}

const checkInStatus = z.enum(['pending', 'sent', 'skipped', 'none']);

const arrangementSchema = storedAs<ArrangementMeta>()(
  z.object({
    policyId: z.string(),
    therapistId: z.string(),
    state: z.enum(POLICY_STATES),
    createdAt: z.string(),
    endedOn: z.string(),
    closesOn: z.string(),
    closedAt: z.nullable(z.string()),
    updates: z.object({ used: z.number(), limit: z.number(), until: z.string() }),
    checkIn: z.nullable(z.object({ on: z.string(), status: checkInStatus })),
    pausedUntil: z.nullable(z.string()),
    clientEmailStopped: z.boolean(),
  }),
);

/** An arrangement as the practice index holds it (arrangement-meta.ts). */
export function arrangementFromIndexItem(item: Item): ArrangementMeta {
  return parseItem(z.object({ arrangement: arrangementSchema }), item).arrangement;
}
