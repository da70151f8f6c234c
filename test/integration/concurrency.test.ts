/** Limits hold under concurrency and retries, on the real conditional transactions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

describe('limits under concurrency', () => {
  let app: App;
  let token: string;

  beforeAll(async () => {
    app = await startApp({ now: '2026-11-20T15:00:00Z' });
    token = await app.signIn(uniqueEmail('dr.chen'), 'Dr. Lin Chen');
  });
  afterAll(() => app.close());

  async function acceptedPolicy(updates: Record<string, number>) {
    const client = uniqueEmail('client');
    const created = await app.request('POST', '/policies', {
      token,
      body: { client: { name: 'Alex', email: client }, endedOn: '2026-11-20', timeZone: 'America/New_York', updates },
    });
    expect(created.status).toBe(201);
    const link = await app.linkFor(client);
    expect((await app.request('POST', `/client/${link}/accept`)).status).toBe(200);
    return { id: created.json.id as string, link, client };
  }

  it('accepts exactly one of 20 simultaneous submissions for the last slot', async () => {
    const { id, link } = await acceptedPolicy({ limit: 2, minDaysBetween: 0 });
    expect((await app.request('POST', `/client/${link}/updates`, { body: { text: 'first' } })).status).toBe(201);

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        app.request('POST', `/client/${link}/updates`, { body: { text: `racing update ${i}` } }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const refused of results.filter((r) => r.status === 409)) expect(refused.json.reason).toBe('limit-reached');

    const detail = await app.request('GET', `/policies/${id}`, { token });
    expect(detail.json.counters.updatesAccepted).toBe(2);
    expect(detail.json.updates).toHaveLength(2);
  });

  it('counts 10 simultaneous retries of one submission (same Idempotency-Key) once, and answers them all alike', async () => {
    const { id, link } = await acceptedPolicy({ limit: 3 });
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        app.request('POST', `/client/${link}/updates`, {
          body: { text: 'sent once, retried by a flaky network' },
          headers: { 'idempotency-key': 'retry-me' },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(results.map((r) => r.json.seq))).toEqual(new Set([1]));
    const detail = await app.request('GET', `/policies/${id}`, { token });
    expect(detail.json.counters.updatesAccepted).toBe(1);
  });

  it('replays a refusal for its key even after the rule that refused it would now allow it', async () => {
    const { link } = await acceptedPolicy({ limit: 3, minDaysBetween: 7 });
    expect((await app.request('POST', `/client/${link}/updates`, { body: { text: 'one' } })).status).toBe(201);
    const refused = await app.request('POST', `/client/${link}/updates`, {
      body: { text: 'two' },
      headers: { 'idempotency-key': 'k-refused' },
    });
    expect(refused.json.reason).toBe('too-soon');
    app.clock.set(new Date('2026-12-01T15:00:00Z'));
    const replay = await app.request('POST', `/client/${link}/updates`, {
      body: { text: 'two' },
      headers: { 'idempotency-key': 'k-refused' },
    });
    expect(replay.status).toBe(409);
    expect(replay.json).toEqual(refused.json);
    const fresh = await app.request('POST', `/client/${link}/updates`, {
      body: { text: 'two' },
      headers: { 'idempotency-key': 'k-new' },
    });
    expect(fresh.status).toBe(201);
  });

  it('delivers every accepted update to the therapist exactly once', async () => {
    const therapistEmail = uniqueEmail('dr.once');
    const t = await app.signIn(therapistEmail, 'Dr. Once');
    const client = uniqueEmail('client');
    const created = await app.request('POST', '/policies', {
      token: t,
      body: {
        client: { name: 'Jo', email: client },
        endedOn: '2026-12-01',
        timeZone: 'America/New_York',
        updates: { limit: 1 },
      },
    });
    const link = await app.linkFor(client);
    await app.request('POST', `/client/${link}/accept`);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        app.request('POST', `/client/${link}/updates`, { body: { text: `parallel ${i}` } }),
      ),
    );
    await Promise.all([app.dispatch(), app.dispatch()]);
    // A notice each (the profile's default), not the words.
    const received = (await app.mailTo(therapistEmail)).filter((m) => m.subject.startsWith('New update'));
    expect(received).toHaveLength(1);
    expect(created.status).toBe(201);
  });
});
