/**
 * The event relay's pieces without I/O: reading a stream record into an outbox entry, the
 * stable event id, the filter that decides which records reach the function (and the local
 * matcher that applies it), and publishing in order with a precise place to retry from.
 */
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { makeHandler } from '../../functions/event-relay.js';
import { matchesPattern } from '../../local/stream-filter.js';
import { OUTBOX_FILTER, outboxEntryOf, stableEventId } from '../../shared/adapters/dynamodb/outbox.js';
import { eventItemOf } from '../../shared/adapters/dynamodb/items/event.js';
import { practiceEventItemOf } from '../../shared/adapters/dynamodb/items/practice.js';
import { toItem } from '../../shared/adapters/dynamodb/table-client.js';
import { DOMAIN_EVENTS, type DomainEvent } from '../../shared/domain/events.js';
import type { HistoryEvent, PracticeEvent } from '../../shared/ports/store.js';
import { silentLogger } from '../../shared/adapters/system/logger.js';
import { relayEvents, type RelayRecord } from '../../shared/use-cases/relay-events.js';

const POLICY = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const AT = '2027-01-01T14:00:00.000Z';

/** A stream record of a new timeline item, exactly as the stores write it. */
function record(event: HistoryEvent, unique: string, seq: string, therapistId: string | null = 'th-1') {
  const image = toItem(eventItemOf(POLICY, event, unique, therapistId ?? undefined));
  return {
    eventName: 'INSERT',
    dynamodb: { Keys: { pk: image.pk, sk: image.sk }, NewImage: image, SequenceNumber: seq },
  } as DynamoDBRecord;
}

/** A stream record of a new entry on a practice's timeline (admin actions), as the practice store writes it. */
function practiceRecord(event: PracticeEvent, unique: string, seq: string) {
  const image = toItem(practiceEventItemOf('northside', event, unique));
  return {
    eventName: 'INSERT',
    dynamodb: { Keys: { pk: image.pk, sk: image.sk }, NewImage: image, SequenceNumber: seq },
  } as DynamoDBRecord;
}

describe('reading the outbox from the stream', () => {
  it('reads a new timeline item into whose event it is, with an id made from its key', () => {
    const r = record({ at: AT, type: 'update-accepted', data: { seq: 2 } }, 'abcdef1234', '1');
    const keys = r.dynamodb!.Keys as { pk: { S: string }; sk: { S: string } };
    expect(outboxEntryOf(r)).toEqual({
      eventId: stableEventId(keys.pk.S, keys.sk.S),
      policyId: POLICY,
      therapistId: 'th-1',
      event: { at: AT, type: 'update-accepted', data: { seq: 2 } },
    });
  });

  it('reads a new entry of a practice’s timeline into the practice’s event, with an id made from its key', () => {
    const event = {
      at: AT,
      type: 'therapist-invited',
      by: 'th-admin',
      therapistId: 'th-2',
      data: { role: 'therapist' },
    };
    const r = practiceRecord(event, 'abcdef1234', '1');
    const keys = r.dynamodb!.Keys as { pk: { S: string }; sk: { S: string } };
    expect(keys.pk.S).toBe('PRACTICE#northside');
    expect(matchesPattern(OUTBOX_FILTER, { eventName: 'INSERT', dynamodb: { Keys: r.dynamodb!.Keys } })).toBe(true);
    expect(outboxEntryOf(r)).toEqual({
      eventId: stableEventId(keys.pk.S, keys.sk.S),
      practiceId: 'northside',
      practiceEvent: event,
    });
  });

  it('refuses a practice timeline item that names no one who acted', () => {
    const r = practiceRecord({ at: AT, type: 'settings-changed', by: 'th-admin' }, 'abcdef1234', '1');
    const image = { ...r.dynamodb!.NewImage! };
    image.practiceEvent = { M: { at: { S: AT }, type: { S: 'settings-changed' } } };
    expect(() => outboxEntryOf({ ...r, dynamodb: { ...r.dynamodb, NewImage: image } })).toThrow(/by/);
  });

  it('derives the same id from the same key every time, a different one from any other, as a valid UUID', () => {
    const a = stableEventId(`POLICY#${POLICY}`, `EVENT#${AT}#abcdef12`);
    expect(stableEventId(`POLICY#${POLICY}`, `EVENT#${AT}#abcdef12`)).toBe(a);
    expect(stableEventId(`POLICY#${POLICY}`, `EVENT#${AT}#abcdef13`)).not.toBe(a);
    // The two parts stay apart: moving a character from one to the other changes the id.
    expect(stableEventId('POLICY#ab', 'c')).not.toBe(stableEventId('POLICY#a', 'bc'));
    expect(z.uuid().safeParse(a).success).toBe(true);
    expect(a[14]).toBe('8'); // RFC 9562 version 8
  });

  it('refuses a record that is not a new item, or a timeline item that names no therapist', () => {
    const good = record({ at: AT, type: 'paused' }, 'abcdef1234', '1');
    expect(() => outboxEntryOf({ ...good, eventName: 'MODIFY' })).toThrow(/INSERT/);
    expect(() => outboxEntryOf(record({ at: AT, type: 'paused' }, 'abcdef1234', '1', null))).toThrow(/therapistId/);
  });

  it('lets only new timeline items through the filter: not policies, updates, jobs, links, or TTL removals', () => {
    const keysOnly = (eventName: string, pk: string, sk: string) => ({
      eventName,
      dynamodb: { Keys: { pk: { S: pk }, sk: { S: sk } } },
    });
    expect(matchesPattern(OUTBOX_FILTER, keysOnly('INSERT', `POLICY#${POLICY}`, `EVENT#${AT}#abcdef12`))).toBe(true);
    for (const other of [
      keysOnly('INSERT', `POLICY#${POLICY}`, 'POLICY'),
      keysOnly('INSERT', `POLICY#${POLICY}`, 'UPDATE#0001'),
      keysOnly('INSERT', `POLICY#${POLICY}`, 'JOB#MAIL#1'),
      keysOnly('INSERT', 'LINK#abc', 'LINK'),
      keysOnly('MODIFY', `POLICY#${POLICY}`, `EVENT#${AT}#abcdef12`),
      keysOnly('REMOVE', `POLICY#${POLICY}`, `EVENT#${AT}#abcdef12`),
    ])
      expect(matchesPattern(OUTBOX_FILTER, other)).toBe(false);
  });

  it('matches filter patterns as Lambda does for the rules it supports, and refuses the others', () => {
    expect(matchesPattern({ a: ['x', 'y'] }, { a: 'y' })).toBe(true);
    expect(matchesPattern({ a: ['x'] }, { a: 'z' })).toBe(false);
    expect(matchesPattern({ a: [{ exists: false }] }, {})).toBe(true);
    expect(matchesPattern({ a: [{ exists: true }] }, {})).toBe(false);
    expect(matchesPattern({ a: { b: [{ prefix: 'p' }] } }, { a: { b: 'pq' } })).toBe(true);
    expect(matchesPattern({ a: { b: [{ prefix: 'p' }] } }, { a: 'pq' })).toBe(false);
    expect(() => matchesPattern({ a: [{ suffix: 'q' }] }, { a: 'pq' })).toThrow(/Unsupported/);
    expect(() => matchesPattern({ a: 'x' }, { a: 'x' })).toThrow(/array/);
  });
});

describe('publishing what the outbox holds', () => {
  /** A bus that records what it got and refuses the calls numbered in `refuse` (1-based). */
  function bus(refuse: number[] = []) {
    const calls: DomainEvent[][] = [];
    return {
      calls,
      publish: async (events: DomainEvent[]) => {
        calls.push(events);
        if (refuse.includes(calls.length)) throw Object.assign(new Error('refused'), { name: 'Throttling' });
      },
    };
  }
  const paused = (n: number): RelayRecord => ({
    sequenceNumber: String(n),
    read: () => ({
      eventId: stableEventId('p', String(n)),
      policyId: POLICY,
      therapistId: 'th-1',
      event: { at: AT, type: 'paused' },
    }),
  });

  it('publishes in stream order, ten to a call, each event valid and carrying its id', async () => {
    const events = bus();
    const records = Array.from({ length: 23 }, (_, i) => paused(i + 1));
    expect(await relayEvents({ events, log: silentLogger }, records)).toBeNull();
    expect(events.calls.map((c) => c.length)).toEqual([10, 10, 3]);
    const ids = events.calls.flat().map((e) => e.detail.eventId);
    expect(ids).toEqual(records.map((r) => r.read().eventId));
    for (const e of events.calls.flat()) expect(DOMAIN_EVENTS[e.type].safeParse(e.detail).success).toBe(true);
  });

  it('reports the first event of a refused call to retry from; what went before stays published', async () => {
    const events = bus([2]);
    const records = Array.from({ length: 23 }, (_, i) => paused(i + 1));
    expect(await relayEvents({ events, log: silentLogger }, records)).toBe('11');
    expect(events.calls.map((c) => c.length)).toEqual([10, 10]);
  });

  it('publishes what comes before an unreadable record and reports that record; internal entries are no event', async () => {
    const events = bus();
    const internal: RelayRecord = {
      sequenceNumber: '2',
      read: () => ({ ...paused(2).read(), event: { at: AT, type: 'delivery-resent' } }),
    };
    const unreadable: RelayRecord = {
      sequenceNumber: '3',
      read: () => {
        throw new Error('malformed');
      },
    };
    expect(await relayEvents({ events, log: silentLogger }, [paused(1), internal, unreadable, paused(4)])).toBe('3');
    expect(events.calls.flat().map((e) => e.detail.eventId)).toEqual([paused(1).read().eventId]);
  });

  it('publishes a practice’s timeline entries beside policies’ in stream order, and skips its internal ones', async () => {
    const events = bus();
    const handler = makeHandler(() => ({ events, log: silentLogger }));
    const records = [
      record({ at: AT, type: 'paused' }, 'aaaaaaaa11', '100'),
      practiceRecord(
        { at: AT, type: 'therapist-joined', by: 'th-1', therapistId: 'th-1', data: { role: 'admin' } },
        'bbbbbbbb22',
        '101',
      ),
      practiceRecord({ at: AT, type: 'something-internal', by: 'th-1' }, 'cccccccc33', '102'),
      practiceRecord(
        { at: AT, type: 'settings-changed', by: 'th-1', data: { changed: 'bounds.maxUpdates' } },
        'dddddddd44',
        '103',
      ),
    ];
    expect(await handler({ Records: records })).toEqual({ batchItemFailures: [] });
    const published = events.calls.flat();
    expect(published.map((e) => e.type)).toEqual([
      'policy.paused',
      'practice.therapist-added',
      'practice.settings-changed',
    ]);
    expect(published[1]!.detail).toEqual({
      version: 1,
      practiceId: 'northside',
      therapistId: 'th-1',
      by: 'th-1',
      occurredAt: AT,
      role: 'admin',
      eventId: outboxEntryOf(records[1]!).eventId,
    });
    for (const e of published) expect(DOMAIN_EVENTS[e.type].safeParse(e.detail).success).toBe(true);
  });

  it('answers Lambda with the record to retry from, or none', async () => {
    const ok = makeHandler(() => ({ events: bus(), log: silentLogger }));
    const records = [
      record({ at: AT, type: 'paused' }, 'aaaaaaaa11', '100'),
      record({ at: AT, type: 'resumed' }, 'bbbbbbbb22', '101'),
    ];
    expect(await ok({ Records: records })).toEqual({ batchItemFailures: [] });
    const refused = makeHandler(() => ({ events: bus([1]), log: silentLogger }));
    expect(await refused({ Records: records })).toEqual({ batchItemFailures: [{ itemIdentifier: '100' }] });
  });
});
