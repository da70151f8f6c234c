import type { DomainEvent } from '../domain/events.js';

/** Publishes domain events for integrations. Best effort after the commit: see the README, Architecture. */
export interface EventPublisher {
  publish(events: DomainEvent[]): Promise<void>;
}
