import { describe, expect, it } from 'vitest';
import { checkInMessageFromItem, checkInMessageItemOf } from '../../shared/adapters/dynamodb/items/check-in-message.js';
import { eventFromItem, eventItemOf } from '../../shared/adapters/dynamodb/items/event.js';
import { idempotencyItemOf, outcomeFromItem } from '../../shared/adapters/dynamodb/items/idempotency.js';
import { jobFromItem, jobItemOf } from '../../shared/adapters/dynamodb/items/job.js';
import { linkFromItem, linkItemOf } from '../../shared/adapters/dynamodb/items/link.js';
import { policyFromItem, policyItemOf } from '../../shared/adapters/dynamodb/items/policy.js';
import { profileFromItem, profileItemOf } from '../../shared/adapters/dynamodb/items/profile.js';
import { updateFromItem, updateItemOf } from '../../shared/adapters/dynamodb/items/update.js';
import { toItem } from '../../shared/adapters/dynamodb/table-client.js';
import type { Job, TherapistProfile } from '../../shared/ports/store.js';
import { makePolicy } from '../support/policy-factory.js';

const AT = '2026-11-21T15:00:00.000Z';

describe('DynamoDB items read back what was written', () => {
  it('policy, with and without a check-in, open and closed', () => {
    for (const policy of [
      makePolicy(),
      makePolicy({ rules: { checkIn: null } }),
      makePolicy({ state: 'closed', closedReason: 'therapist', closedAt: AT, clientEmailSuppressed: true }),
      makePolicy({ rules: { invitationNote: 'Hello.\nTake care.', closingNote: 'Goodbye.' } }),
    ]) {
      expect(policyFromItem(toItem(policyItemOf(policy, 1_800_000_000)))).toEqual(policy);
    }
  });

  it('update, check-in message, event and link', () => {
    const update = { seq: 1, text: 'a', characters: 1, sentOn: '2026-11-21', receivedAt: AT };
    expect(updateFromItem(toItem(updateItemOf('p1', update)))).toEqual(update);
    const message = { text: 'b', characters: 1, sentOn: '2026-11-21', receivedAt: AT };
    expect(checkInMessageFromItem(toItem(checkInMessageItemOf('p1', message)))).toEqual(message);
    for (const event of [
      { at: AT, type: 'accepted' },
      { at: AT, type: 'dead-lettered', data: { template: 'closing', attempts: 5, final: true } },
    ]) {
      expect(eventFromItem(toItem(eventItemOf('p1', event, 'abcdef0123')))).toEqual(event);
    }
    for (const link of [
      { policyId: 'p1', generation: 2 },
      { policyId: 'p1', generation: 1, purpose: 'reply' as const },
      { policyId: 'p1', generation: 3, purpose: 'stop' as const, addressGeneration: 2 },
    ]) {
      expect(linkFromItem(toItem(linkItemOf('hash', link, 1_800_000_000)))).toEqual(link);
    }
  });

  it('profile, with and without default rules', () => {
    const base: TherapistProfile = {
      therapistId: 't1',
      email: 't@example.com',
      displayName: 'Dr T',
      timeZone: 'Europe/London',
      crisisLocale: 'GB',
      notifications: 'notice',
    };
    const withRules: TherapistProfile = {
      ...base,
      defaultRules: {
        updates: { limit: 2 },
        checkIn: { format: 'session', remindDaysBefore: [3] },
        replies: 'may-reply',
        referrals: [{ name: 'Harbour Clinic', contact: '555-0142' }],
        invitationNote: 'Hello.',
        closingNote: null,
      },
    };
    const withWindow: TherapistProfile = { ...base, defaultRules: { updates: { windowDays: 28 } } };
    for (const profile of [base, withRules, withWindow])
      expect(profileFromItem(toItem(profileItemOf(profile)))).toEqual(profile);
  });

  it('idempotency outcome, whatever its body', () => {
    for (const outcome of [
      { status: 202, body: { ok: true, left: 2 } },
      { status: 409, body: null },
      { status: 200, body: 'text' },
    ]) {
      expect(outcomeFromItem(toItem(idempotencyItemOf('p1', 'k', outcome, 1)))).toEqual(outcome);
    }
  });

  it('mail and scheduled jobs', () => {
    const mail: Job = {
      id: 'MAIL#1',
      policyId: 'p1',
      dueAt: AT,
      attempts: 2,
      lease: 'lease',
      mail: { template: 'update-receipt', data: { seq: 1, nextAllowedOn: null, windowUntil: '2027-01-01' } },
    };
    const scheduled: Job = {
      id: 'SCHED#closing',
      policyId: 'p1',
      dueAt: AT,
      attempts: 0,
      lease: 'lease',
      scheduled: { kind: 'check-in-reminder', key: 'r', on: '2027-01-01', dueAt: AT, daysBefore: 7 },
    };
    for (const job of [mail, scheduled]) expect(jobFromItem(toItem(jobItemOf(job)))).toEqual(job);
  });
});

describe('DynamoDB items written before a field existed', () => {
  it('a policy without a client address generation reads as on its first address', () => {
    const { clientAddressGeneration: _, ...before } = makePolicy();
    expect(policyFromItem(toItem({ pk: 'POLICY#x', sk: 'POLICY', policy: before })).clientAddressGeneration).toBe(1);
  });

  it('a profile from before the choice of notifications reads as choosing notices', () => {
    const before = {
      therapistId: 't1',
      email: 't@example.com',
      displayName: 'Dr T',
      timeZone: 'UTC',
      crisisLocale: 'US',
    };
    expect(profileFromItem(toItem({ pk: 'THERAPIST#t1', sk: 'PROFILE', profile: before })).notifications).toBe(
      'notice',
    );
  });

  it('a policy from before personal notes reads as having none', () => {
    const policy = makePolicy();
    const { invitationNote: _i, closingNote: _c, ...rules } = policy.rules;
    const read = policyFromItem(toItem({ pk: 'POLICY#x', sk: 'POLICY', policy: { ...policy, rules } }));
    expect([read.rules.invitationNote, read.rules.closingNote]).toEqual([null, null]);
  });
});

describe('DynamoDB items that do not match their shape', () => {
  it('are refused with the path that is wrong, not passed on as something else', () => {
    const policy = { ...makePolicy(), state: 'archived' };
    expect(() => policyFromItem(toItem({ pk: 'POLICY#x', sk: 'POLICY', policy }))).toThrow(/state/);
    expect(() => linkFromItem(toItem({ pk: 'LINK#h', sk: 'LINK', link: { policyId: 'p1' } }))).toThrow(/generation/);
    expect(() =>
      jobFromItem(toItem({ jobId: 'j', policyId: 'p', dueAt: AT, mail: { template: 'no-such-email', data: {} } })),
    ).toThrow(/template/);
  });

  it('a job without attempts or a due sort key reads as never tried and unleased, as before', () => {
    expect(jobFromItem(toItem({ jobId: 'j', policyId: 'p', dueAt: AT }))).toEqual({
      id: 'j',
      policyId: 'p',
      dueAt: AT,
      attempts: 0,
      lease: '',
    });
  });

  it('email data keeps its scalars and drops anything else, which the templates would ignore anyway', () => {
    const job = jobFromItem(
      toItem({
        jobId: 'j',
        policyId: 'p',
        dueAt: AT,
        mail: { template: 'update-receipt', data: { seq: 2, odd: { nested: true }, list: [1], nextAllowedOn: null } },
      }),
    );
    expect(job.mail?.data).toEqual({ seq: 2, nextAllowedOn: null });
  });
});
