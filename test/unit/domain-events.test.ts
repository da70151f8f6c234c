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
  toPracticeDomainEvents,
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

  it('turns a handover on the timeline into policy.handed-over, and a handover that closes into policy.closed', () => {
    const events = toDomainEvents(policy, [
      { at: '2027-03-01T14:20:08.640Z', type: 'handed-over', data: { from: 'therapist-0', to: 'therapist-1' } },
      { at: '2027-03-01T14:20:08.640Z', type: 'closed', data: { reason: 'therapist-left' } },
    ]);
    expect(events.map((e) => [e.type, e.detail])).toEqual([
      ['policy.handed-over', expect.objectContaining({ from: 'therapist-0', to: 'therapist-1' })],
      ['policy.closed', expect.objectContaining({ reason: 'therapist-left' })],
    ]);
  });

  it('publishes the handover entries exactly as the handover writes them: to a colleague, closing, and a new plan', async () => {
    const { startHandover } = await import('../../shared/use-cases/handover-plan.js');
    const written: { type: string; data?: Record<string, string | number | boolean> }[] = [];
    let member: Record<string, unknown> = {
      therapistId: 'th-2',
      practiceId: 'northside',
      email: 'dana@practice.example',
      name: 'Dana',
      role: 'therapist',
      status: 'active',
      since: '2026-01-01T00:00:00.000Z',
      version: 1,
    };
    const deps = {
      clock: { now: () => new Date('2026-12-01T10:15:02.118Z') },
      store: {
        getMember: async () => member,
        putMember: async (next: Record<string, unknown>, _v: number, events: typeof written) => {
          member = next;
          written.push(...events);
          return true;
        },
      },
    };
    const admin = { id: 'th-1', email: 'a@p.example', name: 'A', practiceId: 'northside', role: 'admin' as const };
    // @ts-expect-error: only the parts of the deps a plan reads
    await startHandover(deps, admin, 'th-2', { to: null });
    // @ts-expect-error: only the parts of the deps a plan reads
    await startHandover(deps, admin, 'th-2', { to: 'th-3' });
    const at = '2026-12-01T10:15:02.118Z';
    const events = toPracticeDomainEvents(
      'northside',
      written.map((e) => ({ ...e, at, by: 'th-1', therapistId: 'th-2' })),
    );
    expect(events.map((e) => [e.type, e.detail])).toEqual([
      ['practice.handover-started', expect.objectContaining({ to: null })],
      ['practice.handover-started', expect.objectContaining({ to: 'th-3', replanned: true })],
    ]);
  });

  it('turns a practice’s timeline into events of the practice, naming no policy', () => {
    const at = '2026-12-01T10:15:02.118Z';
    const events = toPracticeDomainEvents('northside', [
      { at, type: 'therapist-joined', by: 'th-1', therapistId: 'th-1', data: { role: 'admin' } },
      { at, type: 'therapist-invited', by: 'th-1', therapistId: 'th-2', data: { role: 'therapist' } },
      { at, type: 'therapist-removed', by: 'ops', therapistId: 'th-2' },
      { at, type: 'settings-changed', by: 'th-1', data: { changed: 'bounds.maxUpdates' } },
      { at, type: 'handover-started', by: 'th-1', therapistId: 'th-2', data: { to: 'th-3' } },
      { at, type: 'handover-started', by: 'th-1', therapistId: 'th-2' },
      { at, type: 'handover-finished', by: 'th-1', therapistId: 'th-2', data: { handedOver: 3, closed: 1 } },
      { at, type: 'something-internal', by: 'th-1' },
    ]);
    expect(events.map((e) => e.type)).toEqual([
      'practice.therapist-added',
      'practice.therapist-added',
      'practice.therapist-removed',
      'practice.settings-changed',
      'practice.handover-started',
      'practice.handover-started',
      'practice.handover-finished',
    ]);
    expect(events[0]!.detail).toEqual({
      version: 1,
      practiceId: 'northside',
      therapistId: 'th-1',
      by: 'th-1',
      occurredAt: at,
      role: 'admin',
    });
    expect(events[3]!.detail).not.toHaveProperty('therapistId');
    // A handover that closes every arrangement names no colleague.
    expect(events.slice(4, 6).map((e) => e.detail)).toEqual([
      expect.objectContaining({ to: 'th-3' }),
      expect.objectContaining({ to: null }),
    ]);
    for (const e of events) expect(e.detail).not.toHaveProperty('policyId');
  });

  it('refuses a practice event that carries an address, or a role that does not exist', () => {
    const at = '2026-12-01T10:15:02.118Z';
    expect(() =>
      toPracticeDomainEvents('northside', [
        { at, type: 'therapist-invited', by: 'th-1', data: { role: 'therapist', email: 'dr@example.com' } },
      ]),
    ).toThrow();
    expect(() =>
      toPracticeDomainEvents('northside', [{ at, type: 'role-changed', by: 'th-1', data: { role: 'owner' } }]),
    ).toThrow();
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
