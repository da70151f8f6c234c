/** Local mode and tests: domain events kept in memory (newest last) for the outbox page and assertions. */
import type { DomainEvent } from '../../domain/events.js';
import type { EventPublisher } from '../../ports/events.js';

export class LocalEventLog implements EventPublisher {
  readonly events: (DomainEvent & { publishedAt: string })[] = [];

  constructor(private readonly max = 1000) {}

  /** The events of one arrangement (a practice's own events name no policy). */
  forPolicy(policyId: string): (DomainEvent & { publishedAt: string })[] {
    return this.events.filter((e) => 'policyId' in e.detail && e.detail.policyId === policyId);
  }

  async publish(events: DomainEvent[]): Promise<void> {
    const publishedAt = new Date().toISOString();
    this.events.push(...events.map((e) => ({ ...e, publishedAt })));
    if (this.events.length > this.max) this.events.splice(0, this.events.length - this.max);
  }
}
