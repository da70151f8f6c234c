import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { commitTransaction } from '../../shared/adapters/dynamodb/commit-transaction.js';
import { jobFromItem } from '../../shared/adapters/dynamodb/items/job.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { Ids } from '../../shared/ports/ids.js';
import type { Job, PolicyChange } from '../../shared/ports/store.js';
import { makePolicy } from '../support/policy-factory.js';

const TABLE = 'afterword-test';
const AT = '2026-11-21T15:00:00.000Z';
/** FNV-1a of "pol_test_1", modulo 32 shards, worked out apart from the code under test. */
const SHARD = '25';
/** The clock deliberately disagrees with AT and with the machine's time: only it may set the idempotency expiry. */
const clock: Clock = { now: () => new Date('2030-01-01T00:00:00.000Z') };
const CLOCK_SECONDS = Date.parse('2030-01-01T00:00:00.000Z') / 1000;
const DAY = 86_400;

/** Ids that count, so every key the builder makes can be predicted. */
function countingIds(): Ids {
  let n = 0;
  return {
    policyId: () => 'unused-policy-id',
    linkToken: () => 'unused-link-token',
    replyToken: () => 'unused-reply-token',
    uniqueId: () => `${String((n += 1)).padStart(8, '0')}-0000-4000-8000-000000000000`,
  };
}

const change = (overrides: Partial<PolicyChange> = {}): PolicyChange => ({
  at: AT,
  policy: makePolicy({ version: 3 }),
  expectedVersion: 2,
  ...overrides,
});
const build = (c: PolicyChange) => commitTransaction(c, TABLE, clock, countingIds());

const put = (item: TransactWriteItem | undefined) => ({
  ...item?.Put,
  values: unmarshall(item?.Put?.Item ?? {}),
  conditionValues: unmarshall(item?.Put?.ExpressionAttributeValues ?? {}),
});
const del = (item: TransactWriteItem | undefined) => ({
  ...item?.Delete,
  key: unmarshall(item?.Delete?.Key ?? {}),
  conditionValues: unmarshall(item?.Delete?.ExpressionAttributeValues ?? {}),
});

describe('commitTransaction', () => {
  it('puts the policy first, conditional on the version read, with its keys and index attributes', () => {
    const tx = build(change());
    const first = put(tx.items[0]);
    expect(first.TableName).toBe(TABLE);
    expect(first.ConditionExpression).toBe('version = :v');
    expect(first.conditionValues).toEqual({ ':v': 2 });
    expect(first.values).toMatchObject({
      pk: 'POLICY#pol_test_1',
      sk: 'POLICY',
      gsi1pk: 'THERAPIST#th_test_1',
      version: 3,
      state: 'active',
    });
    expect(first.values.policy).toEqual(change().policy);
    expect(first.values).not.toHaveProperty('expiresAt');
    expect(tx).toMatchObject({ created: [], idempotencyIndex: -1, stampRetention: undefined });
    expect(tx.items).toHaveLength(1);
  });

  it('creates a policy only where none exists', () => {
    const first = put(build(change({ expectedVersion: null })).items[0]);
    expect(first.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(first).not.toHaveProperty('ExpressionAttributeValues');
  });

  it('lists a policy whose client address is stopped, and drops it from the list otherwise', () => {
    const suppressed = put(build(change({ policy: makePolicy({ clientEmailSuppressed: true }) })).items[0]);
    expect(suppressed.values).toMatchObject({ duePk: 'SUPPRESSED', dueSk: 'pol_test_1' });
    expect(put(build(change()).items[0]).values).not.toHaveProperty('duePk');
  });

  it('adds the update, the check-in message and each event as new items, events keyed by time and an id from the port', () => {
    const tx = build(
      change({
        addUpdate: { seq: 2, text: 'hello', characters: 5, sentOn: '2026-11-21', receivedAt: AT },
        addCheckInMessage: { text: 'hi', characters: 2, sentOn: '2026-11-21', receivedAt: AT },
        events: [
          { at: AT, type: 'update-accepted', data: { seq: 2 } },
          { at: AT, type: 'noted' },
        ],
      }),
    );
    const added = tx.items.slice(1).map(put);
    expect(added.map((p) => p.ConditionExpression)).toEqual(Array(4).fill('attribute_not_exists(pk)'));
    expect(added.map((p) => p.values.sk)).toEqual([
      'UPDATE#0002',
      'CHECKIN',
      `EVENT#${AT}#00000001`,
      `EVENT#${AT}#00000002`,
    ]);
    expect(added[0]!.values.update).toEqual({
      seq: 2,
      text: 'hello',
      characters: 5,
      sentOn: '2026-11-21',
      receivedAt: AT,
    });
    expect(added[2]!.values.event).toEqual({ at: AT, type: 'update-accepted', data: { seq: 2 } });
  });

  it('turns each email into a job decided now, held for two minutes by the process that sends it, in its policy’s shard', () => {
    const tx = build(
      change({
        events: [{ at: AT, type: 'accepted' }],
        mails: [
          { template: 'acceptance', data: {} },
          { template: 'client-accepted', data: {} },
        ],
      }),
    );
    const expected: Job[] = [2, 3].map((n) => {
      const id = `MAIL#${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;
      return {
        id,
        policyId: 'pol_test_1',
        dueAt: AT,
        attempts: 1,
        lease: `2026-11-21T15:02:00.000Z#pol_test_1#${id}`,
        mail: { template: n === 2 ? 'acceptance' : 'client-accepted', data: {} },
      };
    });
    expect(tx.created).toEqual(expected);
    const jobPuts = tx.items.slice(2).map(put);
    expect(jobPuts.map((p) => p.values)).toMatchObject([
      { sk: `JOB#${expected[0]!.id}`, duePk: `DUE#${SHARD}`, dueSk: expected[0]!.lease, jobKind: 'acceptance' },
      { sk: `JOB#${expected[1]!.id}`, duePk: `DUE#${SHARD}`, dueSk: expected[1]!.lease, jobKind: 'client-accepted' },
    ]);
    expect(jobPuts.map((p) => p.ConditionExpression)).toEqual(['attribute_not_exists(pk)', 'attribute_not_exists(pk)']);
    expect(tx.items.slice(2).map((i) => jobFromItem(i.Put?.Item ?? {}))).toEqual(expected);
  });

  it('overwrites scheduled jobs unconditionally and deletes unscheduled ones, one action per item', () => {
    const claimed: Job = {
      id: 'SCHED#closing',
      policyId: 'pol_test_1',
      dueAt: AT,
      attempts: 1,
      lease: 'the-lease',
      scheduled: { kind: 'closing', key: 'closing', on: '2027-03-06', dueAt: AT },
    };
    const tx = build(
      change({
        schedule: [{ kind: 'check-in-day', key: 'check-in-day', on: '2027-02-20', dueAt: '2027-02-20T14:00:00.000Z' }],
        unschedule: ['check-in-day', 'check-in-reminder-7', 'closing'],
        completeJob: claimed,
      }),
    );
    const [, scheduled, unscheduled, completed] = tx.items;
    expect(tx.items).toHaveLength(4);
    expect(put(scheduled)).not.toHaveProperty('ConditionExpression');
    expect(put(scheduled).values).toMatchObject({
      sk: 'JOB#SCHED#check-in-day',
      dueSk: '2027-02-20T14:00:00.000Z#pol_test_1#SCHED#check-in-day',
      attempts: 0,
    });
    expect(del(unscheduled).key).toEqual({ pk: 'POLICY#pol_test_1', sk: 'JOB#SCHED#check-in-reminder-7' });
    expect(del(unscheduled)).not.toHaveProperty('ConditionExpression');
    expect(del(completed).key).toEqual({ pk: 'POLICY#pol_test_1', sk: 'JOB#SCHED#closing' });
    expect(del(completed).ConditionExpression).toBe('dueSk = :lease');
    expect(del(completed).conditionValues).toEqual({ ':lease': 'the-lease' });
  });

  it('puts the idempotency record last and says where it is; it expires a week after the clock says, for an open policy', () => {
    const tx = build(
      change({
        mails: [{ template: 'update-receipt', data: {} }],
        idempotency: { keyHash: 'abc', outcome: { status: 202, body: { ok: true } } },
      }),
    );
    expect(tx.idempotencyIndex).toBe(tx.items.length - 1);
    const record = put(tx.items[tx.idempotencyIndex]);
    expect(record.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(record.values).toEqual({
      pk: 'POLICY#pol_test_1',
      sk: 'IDEMPOTENCY#abc',
      outcome: { status: 202, body: { ok: true } },
      expiresAt: CLOCK_SECONDS + 7 * DAY,
    });
  });

  it('gives every item of a closed policy its retention expiry, and asks for the older items to be stamped when the change closes it', () => {
    const closedAt = '2027-03-06T14:00:00.000Z';
    const retention = Date.parse(closedAt) / 1000 + 90 * DAY;
    const closing = change({
      policy: makePolicy({ state: 'closed', closedReason: 'closing-date', closedAt }),
      events: [{ at: closedAt, type: 'closed' }],
      mails: [{ template: 'closing', data: {} }],
      schedule: [{ kind: 'closing', key: 'closing', on: '2027-03-06', dueAt: closedAt }],
      idempotency: { keyHash: 'k', outcome: { status: 200, body: null } },
    });
    const tx = build(closing);
    expect(tx.items.map((i) => put(i).values.expiresAt)).toEqual(Array(tx.items.length).fill(retention));
    expect(tx.stampRetention).toBe(retention);
    // A later write to an already closed policy keeps the expiry but stamps nothing again.
    expect(build({ ...closing, events: [{ at: closedAt, type: 'exported' }] }).stampRetention).toBeUndefined();
  });

  it('writes a daily digest entry in the therapist’s partition and plans the digest job there, unless one is planned', () => {
    const dueAt = '2026-11-22T14:00:00.000Z';
    const digest = {
      therapistId: 'th_test_1',
      dueAt,
      entry: { policyId: 'pol_test_1', kind: 'update' as const, at: AT, createdOn: '2026-11-20' },
    };
    const tx = build(change({ digest, idempotency: { keyHash: 'k', outcome: { status: 201, body: null } } }));
    const [, entryPut, jobUpdate] = tx.items;
    expect(put(entryPut).values).toEqual({
      pk: 'THERAPIST#th_test_1',
      sk: `DIGEST#${AT}#pol_test_1#00000001`,
      entry: digest.entry,
    });
    expect(put(entryPut).ConditionExpression).toBe('attribute_not_exists(pk)');
    const update = jobUpdate?.Update;
    expect(unmarshall(update?.Key ?? {})).toEqual({ pk: 'THERAPIST#th_test_1', sk: 'JOB#DIGEST' });
    // One more pending entry; the due keys only if absent, so a planned (or running) digest keeps its time and lease.
    expect(update?.UpdateExpression).toContain('pending = if_not_exists(pending, :zero) + :one');
    expect(update?.UpdateExpression).toContain('dueSk = if_not_exists(dueSk, :dueSk)');
    expect(update).not.toHaveProperty('ConditionExpression');
    expect(unmarshall(update?.ExpressionAttributeValues ?? {})).toMatchObject({
      ':duePk': 'DUE#26',
      ':dueSk': `${dueAt}#th_test_1#DIGEST`,
      ':dueAt': dueAt,
      ':kind': 'daily-digest',
      ':therapistId': 'th_test_1',
    });
    expect(tx.idempotencyIndex).toBe(3);
    expect(tx.created).toEqual([]);
  });

  it('is the same for the same change, clock and ids: nothing else goes in', () => {
    const c = change({
      events: [{ at: AT, type: 'accepted' }],
      mails: [{ template: 'acceptance', data: {} }],
      idempotency: { keyHash: 'k', outcome: { status: 200, body: 'x' } },
    });
    expect(build(c)).toEqual(build(c));
  });
});
