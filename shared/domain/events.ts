/**
 * Domain events for practices to integrate with (EventBridge, source "afterword").
 * Versioned and validated: a consumer can rely on `detail-type` + `version` to know the
 * shape. Events carry ids, dates, counts and reasons only: never names, addresses or text.
 */
import * as z from 'zod/mini';
import type { Role } from './practice.js';

export const EVENT_SOURCE = 'afterword';

const base = () => ({
  policyId: z.uuid(),
  therapistId: z.string(),
  occurredAt: z.iso.datetime(),
  /**
   * The same for every delivery of one event (delivery is at least once): consumers that must
   * act once keep the ids they have seen. Optional only so events published before it validate.
   */
  eventId: z.optional(z.uuid()),
});
/**
 * Each schema is built on its first parse (z.lazy): a function that publishes one kind of
 * event, or none, does not build sixty zod schemas at its cold start.
 */
const v1 = <T extends z.core.$ZodShape>(shape: T) =>
  z.lazy(() => z.strictObject({ version: z.literal(1), ...base(), ...shape }));

/**
 * A practice's events concern the practice, not one arrangement: no policyId. `by` is the admin
 * who acted (`ops` for the operations command, the therapist themselves when they joined).
 */
const practiceBase = () => ({
  practiceId: z.string(),
  therapistId: z.optional(z.string()),
  by: z.string(),
  occurredAt: z.iso.datetime(),
  eventId: z.optional(z.uuid()),
});
const practiceV1 = <T extends z.core.$ZodShape>(shape: T) =>
  z.lazy(() => z.strictObject({ version: z.literal(1), ...practiceBase(), ...shape }));
const count = () => z.int().check(z.gte(0));
/** The roles of domain/practice.ts, by type only: importing it would bring the date library into the relay. */
const ROLES = ['therapist', 'admin'] as const satisfies readonly Role[];

/** detail-type → schema of `detail`. Adding a type or an optional field is fine; changing one needs version 2. */
export const DOMAIN_EVENTS = {
  'policy.created': v1({}),
  'policy.accepted': v1({}),
  'policy.declined': v1({}),
  'policy.paused': v1({ until: z.optional(z.iso.date()) }),
  'policy.resumed': v1({ by: z.optional(z.enum(['therapist', 'schedule'])) }),
  'policy.changed': v1({ changed: z.optional(z.string()) }),
  'policy.address-corrected': v1({}),
  'reply.sent': v1({ to: z.string() }),
  'policy.link-reissued': v1({}),
  'policy.closed': v1({ reason: z.enum(['closing-date', 'therapist', 'opted-out', 'declined', 'therapist-left']) }),
  'policy.handed-over': v1({ from: z.string(), to: z.string() }),
  'update.accepted': v1({ seq: z.int().check(z.gte(1)) }),
  'update.refused': v1({ reason: z.string() }),
  'checkin.reminded': v1({ daysBefore: z.int().check(z.gte(1)) }),
  'checkin.day': v1({}),
  'checkin.message-received': v1({}),
  'checkin.skipped': v1({}),
  'checkin.restored': v1({}),
  'email.undeliverable': v1({ job: z.string(), attempts: z.optional(z.int().check(z.gte(1))) }),
  'email.suppressed': v1({ kind: z.enum(['bounce', 'complaint']) }),
  'practice.therapist-added': practiceV1({ role: z.enum(ROLES) }),
  'practice.therapist-removed': practiceV1({}),
  'practice.role-changed': practiceV1({ role: z.enum(ROLES) }),
  'practice.settings-changed': practiceV1({ changed: z.string() }),
  'practice.handover-started': practiceV1({ to: z.nullable(z.string()), replanned: z.optional(z.boolean()) }),
  'practice.handover-finished': practiceV1({ handedOver: count(), closed: count() }),
} as const;

export type DomainEventType = keyof typeof DOMAIN_EVENTS;
type DetailOf = { [K in DomainEventType]: z.infer<(typeof DOMAIN_EVENTS)[K]> };
/** The event of one type (of each type in `K`): its detail is that type's, never another's. */
export type DomainEventOf<K extends DomainEventType> = { [P in K]: { type: P; detail: DetailOf[P] } }[K];
export type DomainEvent = DomainEventOf<DomainEventType>;

/** The same schemas, typed by what each parses to, so a type and its detail stay paired. */
const DETAIL_SCHEMAS: { [K in DomainEventType]: z.ZodMiniType<DetailOf[K]> } = DOMAIN_EVENTS;

export function isDomainEventType(type: string): type is DomainEventType {
  return Object.hasOwn(DOMAIN_EVENTS, type);
}

/** An event whose detail keeps to its type's contract; throws when it does not. */
function parsedDomainEvent<K extends DomainEventType>(type: K, detail: unknown): DomainEventOf<K> {
  return { type, detail: DETAIL_SCHEMAS[type].parse(detail) };
}

/** An event whose detail keeps to its type's contract, or null when it does not. */
export function checkedDomainEvent<K extends DomainEventType>(type: K, detail: unknown): DomainEventOf<K> | null {
  const parsed = DETAIL_SCHEMAS[type].safeParse(detail);
  return parsed.success ? { type, detail: parsed.data } : null;
}

/** Timeline entries → domain events: one vocabulary inside, a stable public one outside. */
const FROM_HISTORY: Record<string, DomainEventType> = {
  invited: 'policy.created',
  accepted: 'policy.accepted',
  declined: 'policy.declined',
  paused: 'policy.paused',
  resumed: 'policy.resumed',
  'rules-changed': 'policy.changed',
  'link-reissued': 'policy.link-reissued',
  closed: 'policy.closed',
  'update-accepted': 'update.accepted',
  'update-refused': 'update.refused',
  'check-in-reminder': 'checkin.reminded',
  'check-in-day': 'checkin.day',
  'check-in-message': 'checkin.message-received',
  'check-in-skipped': 'checkin.skipped',
  'check-in-restored': 'checkin.restored',
  replied: 'reply.sent',
  'client-address-corrected': 'policy.address-corrected',
  'delivery-failed': 'email.undeliverable',
  'client-email-suppressed': 'email.suppressed',
  'handed-over': 'policy.handed-over',
};

export function toDomainEvents(
  policy: { id: string; therapistId: string },
  history: { at: string; type: string; data?: Record<string, string | number | boolean>; eventId?: string }[],
): DomainEvent[] {
  const events: DomainEvent[] = [];
  for (const entry of history) {
    // Own keys only: a timeline type such as "constructor" is no event either.
    if (!Object.hasOwn(FROM_HISTORY, entry.type)) continue;
    const type = FROM_HISTORY[entry.type]!;
    const detail = {
      version: 1,
      policyId: policy.id,
      therapistId: policy.therapistId,
      occurredAt: entry.at,
      ...(entry.data ?? {}),
      ...(entry.eventId ? { eventId: entry.eventId } : {}),
    };
    // Validated on the way out: a malformed event is a bug here, never something to publish.
    events.push(parsedDomainEvent(type, detail));
  }
  return events;
}

/** The practice's timeline entries → domain events (a therapist who joined or was invited is "added"). */
const FROM_PRACTICE_TIMELINE: Record<string, DomainEventType> = {
  'therapist-joined': 'practice.therapist-added',
  'therapist-invited': 'practice.therapist-added',
  'therapist-removed': 'practice.therapist-removed',
  'role-changed': 'practice.role-changed',
  'settings-changed': 'practice.settings-changed',
  'handover-started': 'practice.handover-started',
  'handover-finished': 'practice.handover-finished',
};

export interface PracticeTimelineEntry {
  at: string;
  type: string;
  by: string;
  therapistId?: string;
  data?: Record<string, string | number | boolean>;
  eventId?: string;
}

/**
 * A timeline holds no nulls: a handover that closes every arrangement names no colleague (the
 * entry says `closing: true`, with `to` absent or empty), which the event says as `to: null`.
 */
function practiceData(type: DomainEventType, data: PracticeTimelineEntry['data'] = {}) {
  if (type !== 'practice.handover-started') return data;
  const rest = Object.fromEntries(Object.entries(data).filter(([key]) => key !== 'to' && key !== 'closing'));
  return { ...rest, to: typeof data.to === 'string' && data.to !== '' ? data.to : null };
}

export function toPracticeDomainEvents(practiceId: string, entries: PracticeTimelineEntry[]): DomainEvent[] {
  const events: DomainEvent[] = [];
  for (const entry of entries) {
    if (!Object.hasOwn(FROM_PRACTICE_TIMELINE, entry.type)) continue;
    const type = FROM_PRACTICE_TIMELINE[entry.type]!;
    const detail = {
      version: 1,
      practiceId,
      ...(entry.therapistId ? { therapistId: entry.therapistId } : {}),
      by: entry.by,
      occurredAt: entry.at,
      ...practiceData(type, entry.data),
      ...(entry.eventId ? { eventId: entry.eventId } : {}),
    };
    events.push(parsedDomainEvent(type, detail));
  }
  return events;
}
