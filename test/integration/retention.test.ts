/**
 * Retention per practice, on DynamoDB Local: an arrangement keeps its practice's
 * `retentionDays`, every item of it expires that many days after it ended, and when the
 * practice changes the setting, closed arrangements are re-stamped and open ones close with
 * the new value. Items are read raw from the table, as DynamoDB's TTL sees them.
 */
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VersionConflictError } from '../../shared/domain/errors.js';
import { unsetPractice } from '../../shared/domain/practice.js';
import { applyRetention, retainArrangement } from '../../shared/use-cases/retention.js';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

const DAY = 86_400;

describe('retention per practice', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp({ now: '2026-11-20T15:00:00Z' });
  });
  afterAll(() => app.close());

  /** A practice of its own for each test, saved as an admin's settings would be. */
  async function practiceKeeping(retentionDays: number): Promise<string> {
    const id = `p-${randomUUID().slice(0, 8)}`;
    await app.deps.store.putPractice({ ...unsetPractice(id, 'Northside Counselling'), retentionDays }, []);
    return id;
  }

  async function therapistIn(practice: string) {
    const email = uniqueEmail('dr.north');
    return { email, token: await app.signIn(email, 'Dr. Lee Park', { practice }) };
  }

  /** An accepted arrangement with one update in it, so its partition has a little of everything. */
  async function arrangement(token: string, client = uniqueEmail('robin')) {
    const created = await app.request('POST', '/policies', {
      token,
      body: { client: { name: 'Robin', email: client }, endedOn: '2026-11-20', timeZone: 'America/New_York' },
    });
    expect(created.status).toBe(201);
    const link = await app.linkFor(client);
    expect((await app.request('POST', `/client/${link}/accept`)).status).toBe(200);
    const update = await app.request('POST', `/client/${link}/updates`, { body: { text: 'The walks are helping.' } });
    expect(update.status).toBe(201);
    return { id: created.json.id as string, client, link };
  }

  async function close(token: string, id: string) {
    const res = await app.request('POST', `/policies/${id}/close`, { token });
    expect(res.status).toBe(200);
    return res.json as { closedAt: string; retentionDays: number; deletesOn: string | null };
  }

  /** Every item of the arrangement's partition, as stored. */
  async function partition(id: string): Promise<Record<string, unknown>[]> {
    const out = await app.dynamo.send(
      new QueryCommand({
        TableName: app.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: `POLICY#${id}` } },
        ConsistentRead: true,
      }),
    );
    return (out.Items ?? []).map((item) => unmarshall(item));
  }

  const expiryOf = (closedAt: string, days: number) => Math.floor(Date.parse(closedAt) / 1000) + days * DAY;

  async function expiries(id: string) {
    const items = await partition(id);
    return { kinds: items.map((i) => String(i.sk).split('#')[0]), expiresAt: new Set(items.map((i) => i.expiresAt)) };
  }

  async function storedRetention(id: string) {
    const policy = (await partition(id)).find((i) => i.sk === 'POLICY');
    return { retentionDays: (policy?.policy as { retentionDays: number }).retentionDays, expiresAt: policy?.expiresAt };
  }

  it.each([30, 365])(
    'stamps every item of a closed arrangement with closing + %i days, its practice’s setting',
    async (days) => {
      const practice = await practiceKeeping(days);
      const { token } = await therapistIn(practice);
      const { id } = await arrangement(token);
      const closed = await close(token, id);
      expect(closed.retentionDays).toBe(days);
      const { kinds, expiresAt } = await expiries(id);
      // The policy, its timeline, the update, the emails' jobs: all of it goes on the same day.
      expect(kinds).toEqual(expect.arrayContaining(['POLICY', 'EVENT', 'UPDATE', 'JOB']));
      expect([...expiresAt]).toEqual([expiryOf(closed.closedAt, days)]);
    },
  );

  it('tells the therapist in the closing summary how many days their practice keeps the data, and until when', async () => {
    const practice = await practiceKeeping(30);
    const { token, email } = await therapistIn(practice);
    const { id } = await arrangement(token);
    const closed = await close(token, id);
    expect(closed.deletesOn).toBe('2026-12-20');
    const summary = (await app.mailTo(email)).find((m) => m.subject === 'Arrangement with Robin closed');
    expect(summary?.text).toContain('will be deleted 30 days after closing, on 20 December 2026.');
    expect(summary?.text).not.toContain('90 days');
  });

  it('re-stamps every item of a closed arrangement when the practice changes its setting, and gives an open one the new value for later', async () => {
    const practice = await practiceKeeping(30);
    const { token } = await therapistIn(practice);
    const done = await arrangement(token);
    const closed = await close(token, done.id);
    const declinedClient = uniqueEmail('alex');
    await app.request('POST', '/policies', {
      token,
      body: { client: { name: 'Alex', email: declinedClient }, endedOn: '2026-11-20', timeZone: 'America/New_York' },
    });
    expect((await app.request('POST', `/client/${await app.linkFor(declinedClient)}/decline`)).status).toBe(200);
    const open = await arrangement(token);

    const applied = await app.as('practice-api', () => applyRetention(app.deps, practice, 60));

    expect(applied).toEqual({ arrangements: 3, changed: 3, remaining: 0 });
    const { expiresAt } = await expiries(done.id);
    expect([...expiresAt]).toEqual([expiryOf(closed.closedAt, 60)]);
    const declined = (await app.request('GET', '/policies', { token })).json.policies.find(
      (p: { state: string }) => p.state === 'declined',
    );
    expect([...(await expiries(declined.id)).expiresAt]).toEqual([expiryOf(declined.closedAt, 60)]);
    // Open: nothing expires yet, but it will close with the practice's new setting.
    expect(await storedRetention(open.id)).toEqual({ retentionDays: 60, expiresAt: undefined });
    const closedLater = await close(token, open.id);
    expect([...(await expiries(open.id)).expiresAt]).toEqual([expiryOf(closedLater.closedAt, 60)]);
    expect((await app.request('GET', `/policies/${done.id}`, { token })).json).toMatchObject({
      retentionDays: 60,
      deletesOn: '2027-01-19',
    });
  });

  it('changes nothing when run again, and leaves other practices alone', async () => {
    const practice = await practiceKeeping(30);
    const neighbour = await practiceKeeping(30);
    const { token } = await therapistIn(practice);
    const theirs = await therapistIn(neighbour);
    const mine = await arrangement(token);
    const other = await arrangement(theirs.token);
    await close(token, mine.id);
    const otherClosed = await close(theirs.token, other.id);

    await app.as('practice-api', () => applyRetention(app.deps, practice, 400));
    const before = await partition(mine.id);
    const again = await app.as('practice-api', () => applyRetention(app.deps, practice, 400));

    expect(again).toEqual({ arrangements: 1, changed: 0, remaining: 0 });
    expect(await partition(mine.id)).toEqual(before);
    expect([...(await expiries(other.id)).expiresAt]).toEqual([expiryOf(otherClosed.closedAt, 30)]);
  });

  it('decides again on what a change written meanwhile left, instead of writing over it', async () => {
    const practice = await practiceKeeping(30);
    const { token } = await therapistIn(practice);
    const { id } = await arrangement(token);
    const stale = await app.deps.store.getPolicy(id);
    expect((await app.request('POST', `/policies/${id}/pause`, { token, body: {} })).status).toBe(200);

    await expect(app.deps.store.setRetention(stale!, 45)).rejects.toBeInstanceOf(VersionConflictError);
    expect(await app.as('practice-api', () => retainArrangement(app.deps, id, 45))).toBe('changed');

    const policy = await app.deps.store.getPolicy(id);
    expect(policy).toMatchObject({ state: 'paused', retentionDays: 45, version: stale!.version + 2 });
  });

  it('stops taking arrangements when its time is up, says how many are left, and a second run finishes them', async () => {
    const practice = await practiceKeeping(90);
    const { token } = await therapistIn(practice);
    const { id } = await arrangement(token);
    await close(token, id);

    const outOfTime = await app.as('practice-api', () => applyRetention(app.deps, practice, 45, 0));
    expect(outOfTime).toEqual({ arrangements: 1, changed: 0, remaining: 1 });
    expect((await storedRetention(id)).retentionDays).toBe(90);

    const finished = await app.as('practice-api', () => applyRetention(app.deps, practice, 45));
    expect(finished).toEqual({ arrangements: 1, changed: 1, remaining: 0 });
    expect((await storedRetention(id)).retentionDays).toBe(45);
  });

  it('refuses a number of days outside what a practice may set', async () => {
    const practice = await practiceKeeping(30);
    await expect(applyRetention(app.deps, practice, 29)).rejects.toThrow(RangeError);
    await expect(applyRetention(app.deps, practice, 3651)).rejects.toThrow(RangeError);
  });

  it("follows an admin's change of the practice's setting made in the portal (PUT /practice)", async () => {
    const practice = await practiceKeeping(90);
    const { token } = await therapistIn(practice);
    const adminToken = await app.signIn(uniqueEmail('admin.north'), 'Kim Admin', { practice, role: 'admin' });
    const { id } = await arrangement(token);
    const { closedAt } = await close(token, id);
    expect([...(await expiries(id)).expiresAt]).toEqual([expiryOf(closedAt, 90)]);

    const saved = await app.request('PUT', '/practice', { token: adminToken, body: { retentionDays: 30 } });

    expect(saved.status).toBe(200);
    expect(saved.json.retentionDays).toBe(30);
    expect([...(await expiries(id)).expiresAt]).toEqual([expiryOf(closedAt, 30)]);
    expect((await storedRetention(id)).retentionDays).toBe(30);
  });
});
