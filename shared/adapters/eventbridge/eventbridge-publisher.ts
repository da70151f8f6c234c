/** The EventPublisher port on an EventBridge custom bus (PutEvents, at most 10 entries a call). */
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { EVENT_SOURCE, type DomainEvent } from '../../domain/events.js';
import type { EventPublisher } from '../../ports/events.js';

export function eventBridgePublisher(client: EventBridgeClient, eventBusName: string): EventPublisher {
  return {
    async publish(events: DomainEvent[]) {
      for (let i = 0; i < events.length; i += 10) {
        const batch = events.slice(i, i + 10);
        const out = await client.send(
          new PutEventsCommand({
            Entries: batch.map((e) => ({
              EventBusName: eventBusName,
              Source: EVENT_SOURCE,
              DetailType: e.type,
              Detail: JSON.stringify(e.detail),
              Time: new Date(e.detail.occurredAt),
            })),
          }),
        );
        if (out.FailedEntryCount)
          throw Object.assign(new Error('EventBridge refused some entries'), { name: 'PutEventsPartialFailure' });
      }
    },
  };
}
