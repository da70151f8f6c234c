/**
 * The dispatcher on DynamoDB Local: due work is claimed with a conditional write, so
 * overlapping runs never send twice, a missed run catches up, and a failing send is
 * retried with backoff and finally dead-lettered (never silently dropped).
 */
import { QueryCommand, ScanCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mailer, OutgoingEmail } from '../../shared/ports/mailer.js';
import { shardOf } from '../../shared/adapters/dynamodb/table-design.js';
import { MailHeldError, type HoldReason } from '../../shared/ports/sending.js';
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

  it('drains a burst spread over the shards with overlapping runs, each email once, and records each as sent', async () => {
    app.clock.set(new Date('2026-11-20T16:00:00Z'));
    const clients = Array.from({ length: 24 }, () => uniqueEmail('burst'));
    const ids: string[] = [];
    for (const client of clients) ids.push((await createAccepted(app, token, client)).id);
    const before = new Map(await Promise.all(clients.map(async (c) => [c, (await app.mailTo(c)).length] as const)));
    app.clock.set(new Date('2027-02-13T15:00:01Z')); // every 7-day reminder is due
    const runs = await Promise.all(
      Array.from({ length: 3 }, () => app.as('dispatcher', () => dispatch(app.deps, { concurrency: 8 }))),
    );
    for (const client of clients) expect((await app.mailTo(client)).length - before.get(client)!).toBe(1);
    // 24 random ids over 32 shards land in about 17 (12 or fewer about one run in 400;
    // 8 or fewer practically never): spread, not piled into one partition.
    expect(new Set(ids.map((id) => shardOf(id))).size).toBeGreaterThan(8);
    expect(runs.reduce((n, r) => n + r.outcomes.done, 0)).toBe(24);
    // Nothing of it is due any more; each email's job stays in its policy's partition as the record it went out.
    expect((await app.as('dispatcher', () => dispatch(app.deps))).ran).toBe(0);
    const jobs = await app.dynamo.send(
      new QueryCommand({
        TableName: app.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :job)',
        ExpressionAttributeValues: { ':pk': { S: `POLICY#${ids[0]}` }, ':job': { S: 'JOB#MAIL#' } },
      }),
    );
    const sentJobs = (jobs.Items ?? []).filter((i) => i.sentAt);
    expect(sentJobs.length).toBeGreaterThanOrEqual(2);
    for (const job of sentJobs) {
      expect(job.messageId?.S).toMatch(/\S/);
      expect(job.duePk).toBeUndefined();
    }
  });

  it('still runs work waiting since before due work was sharded (the one DUE partition), once', async () => {
    const client = uniqueEmail('kai');
    app.clock.set(new Date('2026-11-20T16:00:00Z'));
    const { id } = await createAccepted(app, token, client);
    // Each job as the unsharded release wrote it: every one in partition DUE, no job kind stored.
    const jobs = await app.dynamo.send(
      new QueryCommand({
        TableName: app.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :job)',
        FilterExpression: 'attribute_exists(duePk)',
        ExpressionAttributeValues: { ':pk': { S: `POLICY#${id}` }, ':job': { S: 'JOB#SCHED#' } },
      }),
    );
    expect(jobs.Items?.length).toBeGreaterThanOrEqual(3); // two reminders, the check-in day, the closing
    for (const job of jobs.Items ?? [])
      await app.dynamo.send(
        new UpdateItemCommand({
          TableName: app.tableName,
          Key: { pk: job.pk!, sk: job.sk! },
          UpdateExpression: 'SET duePk = :unsharded REMOVE jobKind',
          ExpressionAttributeValues: { ':unsharded': { S: 'DUE' } },
        }),
      );
    const before = (await app.mailTo(client)).length;
    app.clock.set(new Date('2027-02-13T15:00:01Z')); // the 7-day reminder is due
    const runs = await Promise.all(Array.from({ length: 3 }, () => app.as('dispatcher', () => dispatch(app.deps))));
    expect(runs.reduce((n, r) => n + r.outcomes.done, 0)).toBe(1);
    const sent = (await app.mailTo(client)).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toMatch(/^Your check-in with Dr. Mei Ito is /);
  });

  it('finishes the other shards when one shard cannot be read, logs it, and leaves that shard for the next run', async () => {
    app.clock.set(new Date('2026-11-20T16:00:00Z'));
    const first = await createAccepted(app, token, uniqueEmail('kai'));
    let second = await createAccepted(app, token, uniqueEmail('kai'));
    while (shardOf(second.id) === shardOf(first.id)) second = await createAccepted(app, token, uniqueEmail('kai'));
    const unreadable = shardOf(first.id);
    const real = app.deps.store;
    const store: typeof real = Object.create(real);
    store.dueJobs = (shard, now, limit) =>
      shard === unreadable
        ? Promise.reject(Object.assign(new Error('throttled'), { name: 'ProvisionedThroughputExceededException' }))
        : real.dueJobs(shard, now, limit);
    app.clock.set(new Date('2027-02-13T15:00:01Z')); // both 7-day reminders are due
    const logsBefore = app.logs.length;
    const failing = await app.as('dispatcher', () => dispatch({ ...app.deps, store }));
    expect(failing.outcomes.done).toBeGreaterThanOrEqual(1);
    const logged = app.logs.slice(logsBefore).filter((l) => l.includes('"dispatch.query-failed"'));
    expect(logged).toEqual([expect.stringContaining('ProvisionedThroughputExceededException')]);
    const reminders = async (id: string) =>
      (await app.request('GET', `/policies/${id}`, { token })).json.history.filter(
        (h: { type: string }) => h.type === 'check-in-reminder',
      ).length;
    expect(await reminders(second.id)).toBe(1);
    expect(await reminders(first.id)).toBe(0);
    await app.as('dispatcher', () => dispatch(app.deps));
    expect(await reminders(first.id)).toBe(1);
  });

  it('takes no job with too little time left before its limit, and leaves it due for the next run', async () => {
    const client = uniqueEmail('kai');
    app.clock.set(new Date('2026-11-20T16:00:00Z'));
    await createAccepted(app, token, client);
    const before = (await app.mailTo(client)).length;
    app.clock.set(new Date('2027-02-13T15:00:01Z'));
    const late = await app.as('dispatcher', () => dispatch(app.deps, { remainingMs: () => 5_000 }));
    expect(late.ran).toBe(0);
    expect((await app.mailTo(client)).length).toBe(before);
    const next = await app.as('dispatcher', () => dispatch(app.deps, { remainingMs: () => 55_000 }));
    expect(next.outcomes.done).toBe(1);
    expect((await app.mailTo(client)).length - before).toBe(1);
  });

  it('holds an email it could not also record before its time limit, for the next run, without a try', async () => {
    const client = uniqueEmail('kai');
    app.clock.set(new Date('2026-11-20T16:00:00Z'));
    await createAccepted(app, token, client);
    const before = (await app.mailTo(client)).length;
    app.clock.set(new Date('2027-02-13T15:00:01Z'));
    // Enough time left to take the reminder; by the time its email is ready to go, too little.
    let claimed = false;
    const real = app.deps.store;
    const store: typeof real = Object.create(real);
    store.claimJob = async (job, leaseUntil) => {
      const out = await real.claimJob(job, leaseUntil);
      claimed = true;
      return out;
    };
    const logsBefore = app.logs.length;
    await app.as('dispatcher', () =>
      dispatch({ ...app.deps, store }, { remainingMs: () => (claimed ? 15_000 : 30_000) }),
    );
    expect((await app.mailTo(client)).length).toBe(before);
    // Both of the reminder's emails: the client's and the therapist's note of it.
    expect(app.logs.slice(logsBefore).filter((l) => l.includes('"out-of-time"'))).toHaveLength(2);
    app.clock.set(new Date('2027-02-13T15:01:01Z')); // the next run, a minute later
    await app.as('dispatcher', () => dispatch(app.deps));
    const sent = (await app.mailTo(client)).slice(before);
    expect(sent.map((m) => m.subject)).toEqual([expect.stringMatching(/^Your check-in with Dr. Mei Ito is /)]);
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
    // Given up on, not still on the way: the portal tells the two apart.
    expect(detail.json).toMatchObject({ undelivered: 0, undeliverable: 2 });
    expect(app.logs.filter((l) => l.includes('"job.dead-lettered"'))).toHaveLength(2);
    // Each leaves as an email.undeliverable event, through the table's stream like every other.
    const undeliverable = app.events.events.filter(
      (e) => e.type === 'email.undeliverable' && e.detail.policyId === created.json.id,
    );
    const therapistId = (await app.deps.store.getPolicy(created.json.id))!.therapistId;
    const jobs = undeliverable.map((e) => (e.type === 'email.undeliverable' ? e.detail : null));
    expect(jobs.sort((a, b) => String(a?.job).localeCompare(String(b?.job)))).toEqual([
      expect.objectContaining({ job: 'invitation', attempts: 8, therapistId }),
      expect.objectContaining({ job: 'policy-created', attempts: 8, therapistId }),
    ]);
    // Dead letters leave the due index: later runs do not pick them up again.
    const summary = await app.as('dispatcher', () => dispatch(app.deps));
    expect(summary.ran).toBe(0);
    expect(app.logs.join('\n')).not.toContain('SES said no');
  });
});

describe('dispatcher when SES says "not now"', () => {
  let app: App;
  let answer: HoldReason | null = null;
  const sent: OutgoingEmail[] = [];
  const meteredSes: Mailer = {
    async send(email) {
      if (answer) throw new MailHeldError(answer);
      sent.push(email);
      return { messageId: `m-${sent.length}` };
    },
  };

  beforeAll(async () => {
    app = await startApp({ now: '2026-11-20T16:00:00Z', mailer: meteredSes });
  });
  afterAll(() => app.close());

  it.each(['throttled', 'paused'] as const)(
    'holds mail while SES answers %s, spends no tries on it, and sends it once SES takes mail again',
    async (reason) => {
      const token = await app.signIn(uniqueEmail('dr.held'), 'Dr. Held');
      answer = reason;
      const client = uniqueEmail('sam');
      const created = await app.request('POST', '/policies', {
        token,
        body: { client: { name: 'Sam', email: client }, endedOn: '2026-11-20', timeZone: 'America/Chicago' },
      });
      expect(created.status).toBe(201);
      // Far more runs than the tries a failing email gets before it is dead-lettered.
      for (let i = 0; i < 12; i += 1) {
        app.clock.advanceDays(1 / 24);
        await app.as('dispatcher', () => dispatch(app.deps));
      }
      let detail = await app.request('GET', `/policies/${created.json.id}`, { token });
      expect(detail.json.undelivered).toBe(2);
      expect(detail.json.undeliverable).toBe(0);
      expect(detail.json.history.map((h: { type: string }) => h.type)).not.toContain('delivery-failed');
      // A paused account is an alarm (an error line); throttling is only a warning.
      const pausedLines = app.logs.filter(
        (l) => l.includes('"mail.sending-paused"') && l.includes(`"${created.json.id}"`),
      );
      expect(pausedLines.length > 0).toBe(reason === 'paused');

      answer = null;
      app.clock.advanceDays(1 / 24);
      await app.as('dispatcher', () => dispatch(app.deps));
      expect(sent.filter((m) => m.to === client)).toHaveLength(1);
      detail = await app.request('GET', `/policies/${created.json.id}`, { token });
      expect(detail.json.undelivered).toBe(0);
    },
  );
});
