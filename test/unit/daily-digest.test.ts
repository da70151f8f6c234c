/** The daily digest's pure parts: when it goes out, what it counts, how it reads, and what accepting a message writes for it. */
import { describe, expect, it } from 'vitest';
import { digestLines, nextDigestAt, type DigestEntry } from '../../shared/domain/notifications.js';
import { renderDigest } from '../../shared/emails/therapist/daily-digest.js';
import { toldOfCheckIn, toldOfUpdate } from '../../shared/use-cases/tell-therapist.js';
import { makePolicy } from '../support/policy-factory.js';

const PORTAL = 'https://afterword.example/portal';
const A = '3f2a9c1b-0000-4000-8000-000000000001';
const B = '7d41e0aa-0000-4000-8000-000000000002';

const entry = (policyId: string, kind: DigestEntry['kind'], at: string, createdOn = '2026-11-20'): DigestEntry => ({
  policyId,
  kind,
  at,
  createdOn,
});

describe('when the digest goes out', () => {
  it('is the next 09:00 in the therapist’s time zone: today’s if still ahead, else tomorrow’s', () => {
    expect(nextDigestAt(new Date('2026-12-03T13:59:59Z'), 'America/New_York')).toBe('2026-12-03T14:00:00.000Z');
    expect(nextDigestAt(new Date('2026-12-03T14:00:00Z'), 'America/New_York')).toBe('2026-12-04T14:00:00.000Z');
    expect(nextDigestAt(new Date('2026-12-03T20:00:00Z'), 'Europe/London')).toBe('2026-12-04T09:00:00.000Z');
  });

  it('follows the clocks when they change', () => {
    // London moves to summer time on 28 March 2027: 09:00 there is then 08:00 UTC.
    expect(nextDigestAt(new Date('2027-03-27T10:00:00Z'), 'Europe/London')).toBe('2027-03-28T08:00:00.000Z');
  });
});

describe('what the digest counts', () => {
  it('gives each arrangement one line, in the order they had something new, counting every message', () => {
    const lines = digestLines([
      entry(A, 'update', '2026-12-02T15:00:00.000Z'),
      entry(B, 'update', '2026-12-02T16:00:00.000Z', '2026-10-01'),
      entry(A, 'update', '2026-12-02T17:00:00.000Z'),
      entry(A, 'check-in-message', '2026-12-02T18:00:00.000Z'),
    ]);
    expect(lines).toEqual([
      { policyId: A, createdOn: '2026-11-20', updates: 2, checkInMessages: 1 },
      { policyId: B, createdOn: '2026-10-01', updates: 1, checkInMessages: 0 },
    ]);
  });
});

describe('the digest email', () => {
  const email = renderDigest({
    lines: [
      { policyId: A, createdOn: '2026-11-20', updates: 2, checkInMessages: 1 },
      { policyId: B, createdOn: '2026-10-01', updates: 1, checkInMessages: 0 },
    ],
    portalUrl: PORTAL,
  });

  it('says in its subject how much is new, and where', () => {
    expect(email.subject).toBe('Your daily summary: 4 new messages in 2 arrangements');
  });

  it('lists each arrangement by the day it was set up and its reference, with its counts and a portal link', () => {
    expect(email.text).toContain(
      `The arrangement you set up on 20 November 2026 (ref. 3f2a9c1b): 2 new updates and the check-in message:\n${PORTAL}#/policies/${A}`,
    );
    expect(email.text).toContain(
      `The arrangement you set up on 1 October 2026 (ref. 7d41e0aa): 1 new update:\n${PORTAL}#/policies/${B}`,
    );
    expect(email.html).toContain(`href="${PORTAL}#/policies/${A}"`);
  });

  it('says it leaves out names, addresses and words, and that the choice is in the profile', () => {
    expect(email.text).toContain('leaves out clients’ names, addresses and words');
    expect(email.text).toContain('in your profile');
  });

  it('speaks in the singular for one message in one arrangement', () => {
    const one = renderDigest({
      lines: [{ policyId: A, createdOn: '2026-11-20', updates: 0, checkInMessages: 1 }],
      portalUrl: PORTAL,
    });
    expect(one.subject).toBe('Your daily summary: 1 new message in 1 arrangement');
    expect(one.text).toContain('(ref. 3f2a9c1b): the check-in message:');
  });
});

describe('accepting a message for a therapist who chose the daily digest', () => {
  const policy = makePolicy({ id: A, createdAt: '2026-11-20T15:00:00.000Z' });
  const choice = { notifications: 'daily-digest', timeZone: 'Europe/London' } as const;
  const at = '2026-12-03T12:00:00.000Z';

  it('writes an entry for the digest instead of an email, with no words, due at the therapist’s next 09:00', () => {
    const told = toldOfUpdate(choice, policy, at, { seq: 2, text: 'My words.', characters: 9, sentOn: '2026-12-03' });
    expect(told.mails).toEqual([]);
    expect(told.digest).toEqual({
      therapistId: 'th_test_1',
      dueAt: '2026-12-04T09:00:00.000Z',
      entry: { policyId: A, kind: 'update', at, createdOn: '2026-11-20' },
    });
    expect(JSON.stringify(told)).not.toContain('My words.');
  });

  it('does the same for the check-in message', () => {
    const told = toldOfCheckIn(choice, policy, at, { text: 'Three months on.', sentOn: '2026-12-03' });
    expect(told.mails).toEqual([]);
    expect(told.digest?.entry.kind).toBe('check-in-message');
  });

  it('writes an email and no entry for the other choices', () => {
    for (const notifications of ['notice', 'full-text'] as const) {
      const told = toldOfUpdate({ notifications, timeZone: 'UTC' }, policy, at, {
        seq: 1,
        text: 'x',
        characters: 1,
        sentOn: '2026-12-03',
      });
      expect(told.mails.map((m) => m.template)).toEqual(['update-received']);
      expect(told).not.toHaveProperty('digest');
    }
  });
});
