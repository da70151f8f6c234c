/**
 * Contract tests for the domain events practices integrate with. The fixtures are the
 * published contract: an EventBridge envelope per detail-type, as a consumer receives it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { eventBridgePublisher } from '../../shared/adapters/eventbridge/eventbridge-publisher.js';
import {
  checkedDomainEvent,
  DOMAIN_EVENTS,
  EVENT_SOURCE,
  isDomainEventType,
  toDomainEvents,
  type DomainEventType,
} from '../../shared/domain/events.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'events');
const fixtures = readdirSync(dir).map(
  (f) =>
    JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
      'detail-type': DomainEventType;
      source: string;
      detail: Record<string, unknown>;
    },
);
const policy = { id: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', therapistId: 'therapist-1' };

describe('domain event contract', () => {
  it('has a fixture for every detail-type and a detail-type for every fixture', () => {
    expect(fixtures.map((f) => f['detail-type']).sort()).toEqual(Object.keys(DOMAIN_EVENTS).sort());
  });

  it.each(fixtures.map((f) => [f['detail-type'], f] as const))('accepts the published %s fixture', (type, fixture) => {
    expect(fixture.source).toBe(EVENT_SOURCE);
    expect(DOMAIN_EVENTS[type].safeParse(fixture.detail).success).toBe(true);
  });

  it('rejects an event that carries personal data the contract does not allow', () => {
    const fixture = fixtures.find((f) => f['detail-type'] === 'update.accepted')!;
    expect(DOMAIN_EVENTS['update.accepted'].safeParse({ ...fixture.detail, text: 'a client’s words' }).success).toBe(
      false,
    );
    expect(
      DOMAIN_EVENTS['update.accepted'].safeParse({ ...fixture.detail, clientEmail: 'sam@example.com' }).success,
    ).toBe(false);
  });

  it('turns timeline entries into versioned events and leaves internal ones out', () => {
    const events = toDomainEvents(policy, [
      { at: '2027-01-01T14:00:00.000Z', type: 'update-accepted', data: { seq: 2 } },
      { at: '2027-01-01T14:00:00.000Z', type: 'closed', data: { reason: 'therapist' } },
      { at: '2027-01-01T14:00:00.000Z', type: 'something-internal' },
    ]);
    expect(events).toEqual([
      {
        type: 'update.accepted',
        detail: {
          version: 1,
          policyId: policy.id,
          therapistId: 'therapist-1',
          occurredAt: '2027-01-01T14:00:00.000Z',
          seq: 2,
        },
      },
      {
        type: 'policy.closed',
        detail: {
          version: 1,
          policyId: policy.id,
          therapistId: 'therapist-1',
          occurredAt: '2027-01-01T14:00:00.000Z',
          reason: 'therapist',
        },
      },
    ]);
  });

  it('carries the stable event id it is given, and refuses one that is not a UUID', () => {
    const eventId = '4475593b-1811-83c0-bf0d-62788779780e';
    const [event] = toDomainEvents(policy, [{ at: '2027-01-01T14:00:00.000Z', type: 'paused', eventId }]);
    expect(event!.detail.eventId).toBe(eventId);
    expect(() =>
      toDomainEvents(policy, [{ at: '2027-01-01T14:00:00.000Z', type: 'paused', eventId: 'EVENT#1' }]),
    ).toThrow();
    // Timeline types that happen to be names of Object.prototype are no events either.
    expect(toDomainEvents(policy, [{ at: '2027-01-01T14:00:00.000Z', type: 'constructor' }])).toEqual([]);
  });

  it('refuses to build an event whose data breaks the contract', () => {
    expect(() =>
      toDomainEvents(policy, [{ at: '2027-01-01T14:00:00.000Z', type: 'update-accepted', data: { seq: 0 } }]),
    ).toThrow();
  });

  it('publishes to the bus in batches of ten with source, detail-type and JSON detail', async () => {
    const sent: PutEventsCommand[] = [];
    const client = {
      send: async (command: PutEventsCommand) => (sent.push(command), { FailedEntryCount: 0 }),
    } as unknown as EventBridgeClient;
    const history = Array.from({ length: 12 }, (_, i) => ({
      at: '2027-01-01T14:00:00.000Z',
      type: 'update-accepted',
      data: { seq: i + 1 },
    }));
    await eventBridgePublisher(client, 'Afterword-Data-events').publish(toDomainEvents(policy, history));
    expect(sent.map((c) => c.input.Entries!.length)).toEqual([10, 2]);
    const first = sent[0]!.input.Entries![0]!;
    expect(first).toMatchObject({
      EventBusName: 'Afterword-Data-events',
      Source: 'afterword',
      DetailType: 'update.accepted',
    });
    expect(JSON.parse(first.Detail!)).toMatchObject({ version: 1, seq: 1, policyId: policy.id });
  });

  it('reports a partial failure from EventBridge instead of losing it silently', async () => {
    const client = { send: async () => ({ FailedEntryCount: 1 }) } as unknown as EventBridgeClient;
    await expect(
      eventBridgePublisher(client, 'bus').publish(
        toDomainEvents(policy, [{ at: '2027-01-01T14:00:00.000Z', type: 'paused' }]),
      ),
    ).rejects.toThrow(/refused/);
  });
});

describe('reading an event from outside', () => {
  const detail = {
    version: 1,
    policyId: policy.id,
    therapistId: policy.therapistId,
    occurredAt: '2027-01-01T14:00:00.000Z',
    seq: 2,
  };

  it('knows the published detail-types and nothing else, not even what every object has', () => {
    expect(isDomainEventType('update.accepted')).toBe(true);
    expect(isDomainEventType('update.deleted')).toBe(false);
    expect(isDomainEventType('toString')).toBe(false);
  });

  it('pairs a detail with its type when it keeps to that type', () => {
    expect(checkedDomainEvent('update.accepted', detail)).toEqual({ type: 'update.accepted', detail });
  });

  it('refuses a detail that belongs to another type, or to none', () => {
    expect(checkedDomainEvent('policy.created', detail)).toBeNull();
    expect(checkedDomainEvent('update.accepted', { ...detail, seq: 0 })).toBeNull();
    expect(checkedDomainEvent('update.accepted', 'not an object')).toBeNull();
  });
});
