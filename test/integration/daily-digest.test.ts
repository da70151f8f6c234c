/**
 * The daily digest over HTTP and the dispatcher, on DynamoDB Local: a therapist who chose it gets
 * no email per message but one a day at 09:00 in their own time zone, listing every arrangement
 * with something new (counts and links, nothing of the clients); it goes once, loses nothing that
 * arrives while it is being sent, and survives a failed send. Each test starts its own service.
 */
import { QueryCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { digestWrites } from '../../shared/adapters/dynamodb/items/digest.js';
import { MailSendError, type Mailer } from '../../shared/ports/mailer.js';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

const SUMMARY = 'Your daily summary';
const running: App[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()));
});

interface Therapist {
  app: App;
  token: string;
  email: string;
  id: string;
}

/** A fresh service at 10:00 in New York, and a therapist who chose the daily digest. */
async function digestTherapist(profile: Record<string, unknown> = {}): Promise<Therapist> {
  const app = await startApp({ now: '2026-11-20T15:00:00Z' });
  running.push(app);
  const email = uniqueEmail('dr.digest');
  const token = await app.signIn(email, 'Dr. Digest');
  const res = await app.request('PUT', '/profile', { token, body: { notifications: 'daily-digest', ...profile } });
  expect(res.json.notifications).toBe('daily-digest');
  return { app, token, email, id: res.json.therapistId as string };
}

/** An accepted arrangement with a client whose name and words must never reach the digest. */
async function arrangement(t: Therapist, name: string) {
  const client = uniqueEmail(name.toLowerCase());
  const created = await t.app.request('POST', '/policies', {
    token: t.token,
    body: {
      client: { name, email: client },
      endedOn: '2026-11-20',
      timeZone: 'America/New_York',
      updates: { limit: 5, minDaysBetween: 0 },
    },
  });
  const link = await t.app.linkFor(client);
  await t.app.request('POST', `/client/${link}/accept`);
  const update = async (text: string) =>
    expect((await t.app.request('POST', `/client/${link}/updates`, { body: { text } })).status).toBe(201);
  return { id: created.json.id as string, client, name, update };
}

const digests = async (t: Therapist) => (await t.app.mailTo(t.email)).filter((m) => m.subject.startsWith(SUMMARY));

async function dispatchAt(t: Therapist, iso: string) {
  t.app.clock.set(new Date(iso));
  const res = await t.app.dispatch();
  expect(res.status).toBe(200);
  return res.json as { outcomes: Record<string, number> };
}

/** What the therapist's partition still holds for the digest: its job and its pending entries. */
async function digestItems(t: Therapist) {
  const out = await t.app.dynamo.send(
    new QueryCommand({
      TableName: t.app.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: `THERAPIST#${t.id}` } },
      ConsistentRead: true,
    }),
  );
  const sks = (out.Items ?? []).map((i) => i.sk?.S ?? '');
  return { job: sks.includes('JOB#DIGEST'), entries: sks.filter((sk) => sk.startsWith('DIGEST#')).length };
}

describe('the daily digest', () => {
  it('sends no email per message, then one at the next 09:00 with every arrangement and every message counted', async () => {
    const t = await digestTherapist();
    const a = await arrangement(t, 'Robin');
    const b = await arrangement(t, 'Kai');
    const before = (await t.app.mailTo(t.email)).length;
    await a.update('The first words from Robin.');
    await a.update('More words from Robin.');
    await b.update('Words from Kai.');
    expect(await t.app.mailTo(t.email)).toHaveLength(before);
    expect(await digestItems(t)).toEqual({ job: true, entries: 3 });

    await dispatchAt(t, '2026-11-21T13:59:00Z');
    expect(await digests(t)).toHaveLength(0);
    await dispatchAt(t, '2026-11-21T14:00:30Z');
    const [digest, ...more] = await digests(t);
    expect(more).toHaveLength(0);
    expect(digest!.subject).toBe('Your daily summary: 3 new messages in 2 arrangements');
    expect(digest!.text).toContain(`(ref. ${a.id.slice(0, 8)}): 2 new updates:\n`);
    expect(digest!.text).toContain(`(ref. ${b.id.slice(0, 8)}): 1 new update:\n`);
    expect(digest!.text).toContain(`/portal#/policies/${a.id}`);
    expect(digest!.text).toContain(`/portal#/policies/${b.id}`);
    const everything = JSON.stringify(digest);
    for (const secret of ['Robin', 'Kai', a.client, b.client, 'words from']) expect(everything).not.toContain(secret);
    expect(await digestItems(t)).toEqual({ job: false, entries: 0 });
    const logs = t.app.logs.join('\n');
    expect(logs).toContain('"digest.sent"');
    for (const secret of ['Robin', 'Kai', a.client, b.client, t.email, 'words from'])
      expect(logs).not.toContain(secret);
  });

  it('goes once, however many dispatchers run, and not again the next day when nothing is new', async () => {
    const t = await digestTherapist();
    const a = await arrangement(t, 'Robin');
    await a.update('Once.');
    t.app.clock.set(new Date('2026-11-21T14:00:30Z'));
    await Promise.all([t.app.dispatch(), t.app.dispatch(), t.app.dispatch()]);
    await dispatchAt(t, '2026-11-21T15:00:00Z');
    expect(await digests(t)).toHaveLength(1);
    await dispatchAt(t, '2026-11-22T14:00:30Z');
    expect(await digests(t)).toHaveLength(1);
  });

  it('counts messages accepted at the same moment in different arrangements, each once', async () => {
    const t = await digestTherapist();
    const all = await Promise.all(['Ash', 'Bo', 'Cy', 'Di', 'Ed'].map((name) => arrangement(t, name)));
    await Promise.all(all.map((a) => a.update('At the same moment.')));
    expect(await digestItems(t)).toEqual({ job: true, entries: 5 });
    await dispatchAt(t, '2026-11-21T14:00:30Z');
    expect((await digests(t)).map((m) => m.subject)).toEqual(['Your daily summary: 5 new messages in 5 arrangements']);
    expect(await digestItems(t)).toEqual({ job: false, entries: 0 });
  });

  it('keeps a message that arrives while the digest is being sent for the next day’s digest', async () => {
    const t = await digestTherapist();
    const a = await arrangement(t, 'Robin');
    const b = await arrangement(t, 'Kai');
    await a.update('Before the digest.');
    const real = t.app.deps.mailer;
    let arrived = false;
    const racing: Mailer = {
      async send(email, options) {
        if (email.subject.startsWith(SUMMARY) && !arrived) {
          arrived = true;
          await b.update('While the digest goes out.');
        }
        return real.send(email, options);
      },
    };
    t.app.deps.mailer = racing;
    try {
      await dispatchAt(t, '2026-11-21T14:00:30Z');
    } finally {
      t.app.deps.mailer = real;
    }
    expect(arrived).toBe(true);
    expect((await digests(t)).map((m) => m.subject)).toEqual(['Your daily summary: 1 new message in 1 arrangement']);
    expect((await digests(t))[0]!.text).toContain(a.id.slice(0, 8));
    expect(await digestItems(t)).toEqual({ job: true, entries: 1 });

    await dispatchAt(t, '2026-11-21T20:00:00Z');
    expect(await digests(t)).toHaveLength(1);
    await dispatchAt(t, '2026-11-22T14:00:30Z');
    const second = (await digests(t))[1]!;
    expect(second.subject).toBe('Your daily summary: 1 new message in 1 arrangement');
    expect(second.text).toContain(b.id.slice(0, 8));
    expect(second.text).not.toContain(a.id.slice(0, 8));
    expect(await digestItems(t)).toEqual({ job: false, entries: 0 });
  });

  it('keeps everything when the send fails, and sends it all once SES answers again', async () => {
    const t = await digestTherapist();
    const a = await arrangement(t, 'Robin');
    await a.update('One.');
    await a.update('Two.');
    const real = t.app.deps.mailer;
    t.app.deps.mailer = {
      send: (email, options) =>
        email.subject.startsWith(SUMMARY)
          ? Promise.reject(new MailSendError('not-sent', 'unavailable', 'ECONNREFUSED'))
          : real.send(email, options),
    };
    try {
      expect((await dispatchAt(t, '2026-11-21T14:00:30Z')).outcomes.retry).toBe(1);
    } finally {
      t.app.deps.mailer = real;
    }
    expect(await digests(t)).toHaveLength(0);
    expect(await digestItems(t)).toEqual({ job: true, entries: 2 });
    await dispatchAt(t, '2026-11-21T14:05:00Z');
    expect((await digests(t)).map((m) => m.subject)).toEqual(['Your daily summary: 2 new messages in 1 arrangement']);
  });

  it('goes out at 09:00 in the therapist’s own time zone, not the arrangement’s', async () => {
    const t = await digestTherapist({ timeZone: 'Europe/London' });
    const a = await arrangement(t, 'Robin');
    await a.update('From New York, read in London.');
    await dispatchAt(t, '2026-11-21T08:59:00Z');
    expect(await digests(t)).toHaveLength(0);
    await dispatchAt(t, '2026-11-21T09:00:30Z');
    expect(await digests(t)).toHaveLength(1);
  });

  it('still sends what was waiting after the therapist changes to notices, and tells later messages by notice', async () => {
    const t = await digestTherapist();
    const a = await arrangement(t, 'Robin');
    await a.update('Waiting for the digest.');
    await t.app.request('PUT', '/profile', { token: t.token, body: { notifications: 'notice' } });
    await a.update('Told at once.');
    expect((await t.app.mailTo(t.email)).at(-1)!.subject).toBe(`New update in arrangement ${a.id.slice(0, 8)}`);
    await dispatchAt(t, '2026-11-21T14:00:30Z');
    expect((await digests(t)).map((m) => m.subject)).toEqual(['Your daily summary: 1 new message in 1 arrangement']);
  });

  it('removes a digest of more entries than one transaction can hold, every one of them', async () => {
    const t = await digestTherapist();
    const policies = [randomUUID(), randomUUID(), randomUUID()];
    // Written exactly as accepting a message writes them (there, inside that message's transaction).
    for (let i = 0; i < 111; i += 1) {
      const at = new Date(Date.parse('2026-11-20T15:00:00Z') + i * 1000).toISOString();
      const entry = { policyId: policies[i % 3]!, kind: 'update' as const, at, createdOn: '2026-11-20' };
      const addition = { therapistId: t.id, entry, dueAt: '2026-11-21T14:00:00.000Z' };
      await t.app.dynamo.send(
        new TransactWriteItemsCommand({ TransactItems: digestWrites(t.app.tableName, addition, randomUUID()) }),
      );
    }
    expect(await digestItems(t)).toEqual({ job: true, entries: 111 });
    await dispatchAt(t, '2026-11-21T14:00:30Z');
    const [digest] = await digests(t);
    expect(digest!.subject).toBe('Your daily summary: 111 new messages in 3 arrangements');
    for (const id of policies) expect(digest!.text).toContain(`(ref. ${id.slice(0, 8)}): 37 new updates:`);
    expect(await digestItems(t)).toEqual({ job: false, entries: 0 });
  }, 60_000);

  it('counts the check-in message too', async () => {
    const t = await digestTherapist();
    const client = uniqueEmail('robin');
    const created = await t.app.request('POST', '/policies', {
      token: t.token,
      body: { client: { name: 'Robin', email: client }, endedOn: '2026-11-20', timeZone: 'America/New_York' },
    });
    const link = await t.app.linkFor(client);
    await t.app.request('POST', `/client/${link}/accept`);
    t.app.clock.set(new Date('2027-02-20T15:00:00Z'));
    const sent = await t.app.request('POST', `/client/${link}/check-in`, { body: { text: 'Three months on.' } });
    expect(sent.status).toBe(201);
    await dispatchAt(t, '2027-02-21T14:00:30Z');
    const digest = (await digests(t)).at(-1)!;
    expect(digest.text).toContain(`(ref. ${String(created.json.id).slice(0, 8)}): the check-in message:`);
    expect(digest.text).not.toContain('Three months on.');
  });
});
