/**
 * The dispatcher on DynamoDB Local: due work is claimed with a conditional write, so
 * overlapping runs never send twice, a missed run catches up, and a failing send is
 * retried with backoff and finally dead-lettered (never silently dropped).
 */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mailer, OutgoingEmail } from '../../shared/ports/mailer.js';
import { dispatch } from '../../shared/use-cases/dispatch.js';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

async function createAccepted(app: App, token: string, client: string) {
  const created = await app.request('POST', '/policies', {
    token,
    body: { client: { name: 'Kai', email: client }, endedOn: '2026-11-20', timeZone: 'America/Chicago' },
  });
  const link = await app.linkFor(client);
  await app.request('POST', `/client/${link}/accept`);
  return { id: created.json.id as string, link };
}

describe('dispatcher', () => {
  let app: App;
  let token: string;

  beforeAll(async () => {
    app = await startApp({ now: '2026-11-20T16:00:00Z' });
    token = await app.signIn(uniqueEmail('dr.ito'), 'Dr. Mei Ito');
  });
  afterAll(() => app.close());

  it('sends each due email once when several runs overlap', async () => {
    const client = uniqueEmail('kai');
    await createAccepted(app, token, client);
    const before = (await app.mailTo(client)).length;
    // Check-in 2027-02-20; the 7-day reminder is due 2027-02-13 09:00 in Chicago (15:00Z).
    app.clock.set(new Date('2027-02-13T15:00:01Z'));
    const runs = await Promise.all(Array.from({ length: 5 }, () => app.as('dispatcher', () => dispatch(app.deps))));
    expect(runs.reduce((n, r) => n + r.outcomes.done, 0)).toBeGreaterThan(0);
    expect((await app.mailTo(client)).length - before).toBe(1);
  });

  it('catches up after downtime with what still makes sense: the open check-in, not reminders for days gone by', async () => {
    const client = uniqueEmail('kai');
    app.clock.set(new Date('2026-11-20T16:00:00Z'));
    const { id } = await createAccepted(app, token, client);
    const before = (await app.mailTo(client)).length;
    app.clock.set(new Date('2027-02-21T15:00:01Z')); // check-in was yesterday; its message window is open
    await app.as('dispatcher', () => dispatch(app.deps));
    const detail = await app.request('GET', `/policies/${id}`, { token });
    const types = detail.json.history.map((h: { type: string }) => h.type);
    expect(types.filter((t: string) => t === 'check-in-reminder')).toHaveLength(0);
    expect(types.filter((t: string) => t === 'check-in-day')).toHaveLength(1);
    expect((await app.mailTo(client)).length - before).toBe(1);
    expect(detail.json.upcoming.map((u: { kind: string }) => u.kind)).toEqual(['closing']);
  });

  it('closes a policy whose closing date passed while no run happened', async () => {
    const client = uniqueEmail('kai');
    app.clock.set(new Date('2026-11-20T16:00:00Z'));
    const { id } = await createAccepted(app, token, client);
    app.clock.set(new Date('2027-06-01T15:00:00Z'));
    await app.as('dispatcher', () => dispatch(app.deps));
    const detail = await app.request('GET', `/policies/${id}`, { token });
    expect(detail.json).toMatchObject({ state: 'closed', closedReason: 'closing-date' });
    expect(detail.json.history.map((h: { type: string }) => h.type)).not.toContain('check-in-day');
  });

  it('stores client links only as SHA-256 hashes', async () => {
    const client = uniqueEmail('kai');
    app.clock.set(new Date('2026-11-20T16:00:00Z'));
    const { link } = await createAccepted(app, token, client);
    const scan = await app.dynamo.send(new ScanCommand({ TableName: app.tableName }));
    const dump = JSON.stringify(scan.Items);
    expect(dump).not.toContain(link);
    expect(dump).toContain(createHash('sha256').update(link).digest('hex'));
  });
});

describe('dispatcher when email sending fails', () => {
  let app: App;
  let failuresLeft = 0;
  const sent: OutgoingEmail[] = [];
  const flaky: Mailer = {
    async send(email) {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw Object.assign(new Error(`SES said no to ${email.to}`), { name: 'ServiceUnavailable' });
      }
      sent.push(email);
      return { messageId: String(sent.length) };
    },
  };

  beforeAll(async () => {
    app = await startApp({ now: '2026-11-20T16:00:00Z', mailer: flaky });
  });
  afterAll(() => app.close());

  it('keeps an email whose sending failed and retries it with backoff until it goes out', async () => {
    const token = await app.signIn(uniqueEmail('dr.flaky'), 'Dr. Flaky');
    failuresLeft = 2; // the invitation and the therapist's copy both fail at first
    const client = uniqueEmail('pat');
    const created = await app.request('POST', '/policies', {
      token,
      body: { client: { name: 'Pat', email: client }, endedOn: '2026-11-20', timeZone: 'America/Chicago' },
    });
    expect(created.status).toBe(201);
    expect(sent.filter((m) => m.to === client)).toHaveLength(0);
    let detail = await app.request('GET', `/policies/${created.json.id}`, { token });
    expect(detail.json.undelivered).toBe(2);

    await app.as('dispatcher', () => dispatch(app.deps)); // not due yet: the first retry waits a minute
    expect(sent.filter((m) => m.to === client)).toHaveLength(0);
    app.clock.advanceDays(1 / 24);
    await app.as('dispatcher', () => dispatch(app.deps));
    expect(sent.filter((m) => m.to === client)).toHaveLength(1);
    detail = await app.request('GET', `/policies/${created.json.id}`, { token });
    expect(detail.json.undelivered).toBe(0);
  });

  it('dead-letters after repeated failures, records it on the timeline and logs an error for the alarm', async () => {
    const token = await app.signIn(uniqueEmail('dr.dead'), 'Dr. Dead Letter');
    failuresLeft = 1_000;
    const created = await app.request('POST', '/policies', {
      token,
      body: { client: { name: 'Lee', email: uniqueEmail('lee') }, endedOn: '2026-11-20', timeZone: 'America/Chicago' },
    });
    for (let i = 0; i < 12; i += 1) {
      app.clock.advanceDays(0.5);
      await app.as('dispatcher', () => dispatch(app.deps));
    }
    failuresLeft = 0;
    const detail = await app.request('GET', `/policies/${created.json.id}`, { token });
    const failed = detail.json.history.filter((h: { type: string }) => h.type === 'delivery-failed');
    expect(failed).toHaveLength(2);
    expect(app.logs.filter((l) => l.includes('"job.dead-lettered"'))).toHaveLength(2);
    // Dead letters leave the due index: later runs do not pick them up again.
    const summary = await app.as('dispatcher', () => dispatch(app.deps));
    expect(summary.ran).toBe(0);
    expect(app.logs.join('\n')).not.toContain('SES said no');
  });
});
