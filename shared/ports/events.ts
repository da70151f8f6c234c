import type { DomainEvent } from '../domain/events.js';
import type { HistoryEvent } from './store.js';

/**
 * Publishes domain events for integrations. Only the event relay calls it, with what the
 * outbox holds (new timeline entries from the table's stream): see the README, Architecture.
 */
export interface EventPublisher {
  publish(events: DomainEvent[]): Promise<void>;
}

/** One timeline entry as the outbox hands it over: whose it is, and an id that is the same on every delivery. */
export interface OutboxEntry {
  eventId: string;
  policyId: string;
  therapistId: string;
  event: HistoryEvent;
}
