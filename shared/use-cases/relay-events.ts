/**
 * The event relay: domain events out of the outbox, in the order the stream holds them.
 * Delivery is at least once: a batch that failed part-way is delivered again from its
 * first unpublished entry, and entries published before the failure may go out twice, with
 * the same event id. Nothing is dropped here: what cannot be published is reported, so the
 * stream's retries and then its failure destination take it.
 */
import { toDomainEvents, toPracticeDomainEvents, type DomainEvent } from '../domain/events.js';
import type { EventPublisher, OutboxEntry } from '../ports/events.js';
import { errorFields, type Logger } from '../ports/logger.js';

export interface RelayDeps {
  events: EventPublisher;
  log: Logger;
}

/** One stream record: its position in the shard, and its entry (reading throws when it is malformed). */
export interface RelayRecord {
  sequenceNumber: string;
  read(): OutboxEntry;
}

/** A policy's timeline entry, or a practice's (admin actions): each has its own events. */
function domainEventsOf(entry: OutboxEntry): DomainEvent[] {
  if ('practiceEvent' in entry)
    return toPracticeDomainEvents(entry.practiceId, [{ ...entry.practiceEvent, eventId: entry.eventId }]);
  return toDomainEvents({ id: entry.policyId, therapistId: entry.therapistId }, [
    { ...entry.event, eventId: entry.eventId },
  ]);
}

/** EventBridge takes at most ten entries a call. */
const PUT_EVENTS_MAX = 10;

/** Publishes the records' events; returns the sequence number to retry from, or null when all are out. */
export async function relayEvents(deps: RelayDeps, records: RelayRecord[]): Promise<string | null> {
  const ready: { sequenceNumber: string; event: DomainEvent }[] = [];
  let unreadable: string | null = null;
  for (const record of records) {
    try {
      const [event] = domainEventsOf(record.read());
      // Internal timeline entries (a re-send, a lifted stop) have no public event.
      if (event) ready.push({ sequenceNumber: record.sequenceNumber, event });
    } catch (err) {
      // A malformed entry fails the same way on every try: it ends in the failure destination.
      deps.log.error('events.unreadable', { sequenceNumber: record.sequenceNumber, ...errorFields(err) });
      unreadable = record.sequenceNumber;
      break;
    }
  }
  for (let i = 0; i < ready.length; i += PUT_EVENTS_MAX) {
    const batch = ready.slice(i, i + PUT_EVENTS_MAX);
    try {
      await deps.events.publish(batch.map((r) => r.event));
    } catch (err) {
      deps.log.error('events.publish-failed', {
        sequenceNumber: batch[0]!.sequenceNumber,
        count: ready.length - i,
        ...errorFields(err),
      });
      return batch[0]!.sequenceNumber;
    }
  }
  if (ready.length > 0) deps.log.info('events.published', { count: ready.length });
  return unreadable;
}
