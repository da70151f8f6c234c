import { describe, it, expect } from 'vitest';
import { RefusalError } from '../../shared/domain/errors.js';
import { acceptedUpdate, refusedByEmail, updateReceipt } from '../../shared/use-cases/update-changes.js';
import { makePolicy } from '../support/policy-factory.js';

// The factory's default policy: 3 updates, 7 days apart, from 20 November 2026 until 1 January 2027.
const AT = '2026-11-25T15:00:00.000Z';
const TODAY = '2026-11-25';

describe('acceptedUpdate', () => {
  const policy = makePolicy({ version: 4 });
  const { result, change } = acceptedUpdate(policy, TODAY, { text: 'Doing well.', characters: 11 }, AT, 'k1', {
    notifications: 'full-text',
    timeZone: 'UTC',
  });

  it('answers 201 with the receipt of the next update in the sequence', () => {
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({
      seq: 1,
      sentOn: TODAY,
      characters: 11,
      updates: { limit: 3, used: 1, left: 2, nextAllowedOn: '2026-12-02', windowUntil: '2027-01-01' },
    });
  });

  it('consumes one update against the version it was decided from', () => {
    expect(change?.expectedVersion).toBe(4);
    expect(change?.policy).toMatchObject({ version: 5, updatesAccepted: 1, lastUpdateOn: TODAY });
    expect(change?.addUpdate).toEqual({ seq: 1, text: 'Doing well.', characters: 11, sentOn: TODAY, receivedAt: AT });
    expect(change?.events).toEqual([{ at: AT, type: 'update-accepted', data: { seq: 1 } }]);
  });

  it('queues the therapist copy and a receipt that agrees with the answer and quotes the words', () => {
    expect(change?.mails?.map((m) => m.template)).toEqual(['update-received', 'update-receipt']);
    expect(change?.mails?.[1]?.data).toEqual({
      seq: 1,
      left: 2,
      limit: 3,
      nextAllowedOn: '2026-12-02',
      windowUntil: '2027-01-01',
      text: 'Doing well.',
    });
  });

  it('records the key with the very outcome it answers, and no key when none was given', () => {
    expect(change?.idempotency).toEqual({ keyHash: 'k1', outcome: result });
    const unkeyed = acceptedUpdate(policy, TODAY, { text: 'x', characters: 1 }, AT, null, {
      notifications: 'full-text',
      timeZone: 'UTC',
    });
    expect(unkeyed.change).not.toHaveProperty('idempotency');
  });

  it('gives the therapist the words only when they chose the full text; a notice holds none', () => {
    expect(change?.mails?.[0]?.data).toEqual({
      seq: 1,
      text: 'Doing well.',
      characters: 11,
      sentOn: TODAY,
      style: 'full-text',
    });
    const notice = acceptedUpdate(policy, TODAY, { text: 'Doing well.', characters: 11 }, AT, 'k1', {
      notifications: 'notice',
      timeZone: 'UTC',
    });
    expect(notice.change?.mails?.[0]).toEqual({
      template: 'update-received',
      data: { seq: 1, text: '', characters: 11, sentOn: TODAY, style: 'notice' },
    });
    expect(notice.change?.addUpdate?.text).toBe('Doing well.');
  });
});

describe('updateReceipt', () => {
  it('reads what is left from the policy after the update', () => {
    const after = makePolicy({ updatesAccepted: 3, lastUpdateOn: TODAY });
    expect(updateReceipt(after, TODAY, 20)).toMatchObject({
      seq: 3,
      updates: { used: 3, left: 0, nextAllowedOn: null },
    });
  });
});

describe('refusedByEmail', () => {
  const refusal = new RefusalError('limit-reached', 'You have sent all 3 of your updates.', { limit: 3 });
  const policy = makePolicy({ version: 2, updatesAccepted: 3 });
  const { result, change } = refusedByEmail(policy, refusal, 'My words.', AT, 'k2');

  it('answers 409 with the refusal as a problem', () => {
    expect(result.status).toBe(409);
    expect(result.body).toMatchObject({ reason: 'limit-reached', detail: 'You have sent all 3 of your updates.' });
  });

  it('quotes the words back in a reply and uses nothing up', () => {
    expect(change?.policy).toMatchObject({ version: 3, updatesAccepted: 3 });
    expect(change?.addUpdate).toBeUndefined();
    expect(change?.events).toEqual([{ at: AT, type: 'update-refused', data: { reason: 'limit-reached' } }]);
    expect(change?.mails).toEqual([
      {
        template: 'update-refused',
        data: {
          text: 'My words.',
          reason: 'limit-reached',
          detail: 'You have sent all 3 of your updates.',
          nextAllowedOn: null,
        },
      },
    ]);
    expect(change?.idempotency).toEqual({ keyHash: 'k2', outcome: result });
  });
});
