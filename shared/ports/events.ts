import type { DomainEvent } from '../domain/events.js';
import type { HistoryEvent, PracticeEvent } from './store.js';

/**
 * Publishes domain events for integrations. Only the event relay calls it, with what the
 * outbox holds (new timeline entries from the table's stream): see the README, Architecture.
 */
export interface EventPublisher {
  publish(events: DomainEvent[]): Promise<void>;
}

/** One timeline entry as the outbox hands it over: whose it is, and an id that is the same on every delivery. */
export interface PolicyOutboxEntry {
  eventId: string;
  policyId: string;
  therapistId: string;
  event: HistoryEvent;
}

/** An entry of a practice's own timeline (admin actions): the practice's, not one arrangement's. */
export interface PracticeOutboxEntry {
  eventId: string;
  practiceId: string;
  practiceEvent: PracticeEvent;
}

export type OutboxEntry = PolicyOutboxEntry | PracticeOutboxEntry;
