import type { DomainEvent } from '../domain/events.js';

/** Publishes domain events for integrations. Best effort after the commit: see README. */
export interface EventPublisher {
  publish(events: DomainEvent[]): Promise<void>;
}
