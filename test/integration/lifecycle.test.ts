/**
 * The whole life of a policy through the HTTP layer, on DynamoDB Local and the SES
 * emulator: invite → accept → updates and each refusal → reminders → check-in → closing.
 * Every test stands alone: it starts its own service and walks the arrangement to the
 * stage it is about (`journey`), so tests can run, fail or be skipped in any order.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

const firstUpdate = 'I started the new job this week and remembered what we talked about.';
const secondUpdate = 'A short one: the walks are helping. 🌿';
const checkInText = 'Three months on, mostly good days.';

/** The stages of the story, in order; each adds one step to the one before. */
const STAGES = [
  'created',
  'invited',
  'accepted',
  'first-update',
  'second-update',
  'reminded',
  'check-in-day',
  'checked-in',
  'closed',
  'after',
] as const;
type Stage = (typeof STAGES)[number];

interface Journey {
  app: App;
  token: string;
  policyId: string;
  clientToken: string;
  therapist: { email: string; name: string };
  client: { email: string; name: string };
  created: { status: number; json: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- what the API answered
  update(text: string, key?: string): ReturnType<App['request']>;
  at(iso: string): ReturnType<App['dispatch']>;
}

const running: App[] = [];

/** A fresh service with one arrangement walked up to `stage`, exactly as the story goes. */
async function journey(stage: Stage): Promise<Journey> {
  // 10:00 in New York on the day therapy ended.
  const app = await startApp({ now: '2026-11-20T15:00:00Z' });
  running.push(app);
  const therapist = { email: uniqueEmail('dr.rivera'), name: 'Dr. Ana Rivera' };
  const client = { email: uniqueEmail('sam'), name: 'Sam Okafor' };
  const token = await app.signIn(therapist.email, therapist.name);
  const created = await app.request('POST', '/policies', {
    token,
    body: {
      client,
      endedOn: '2026-11-20',
      timeZone: 'America/New_York',
      updates: { limit: 2 },
      referrals: [{ name: 'Riverside Counselling', contact: '555-0100' }],
    },
  });
  const j: Journey = {
    app,
    token,
    therapist,
    client,
    created,
    policyId: created.json.id,
    clientToken: '',
    update: (text, key) =>
      app.request('POST', `/client/${j.clientToken}/updates`, {
        body: { text },
        ...(key ? { headers: { 'idempotency-key': key } } : {}),
      }),
    at: (iso) => {
      app.clock.set(new Date(iso));
      return app.dispatch();
    },
  };
  const reached = (s: Stage) => STAGES.indexOf(stage) >= STAGES.indexOf(s);
  if (reached('invited')) j.clientToken = await app.linkFor(client.email);
  if (reached('accepted')) await app.request('POST', `/client/${j.clientToken}/accept`);
  if (reached('first-update')) await j.update(firstUpdate, 'first-update');
  if (reached('second-update')) {
    app.clock.set(new Date('2026-11-27T15:00:00Z'));
    await j.update(secondUpdate);
  }
  if (reached('reminded')) await j.at('2027-02-13T14:00:30Z');
  if (reached('check-in-day')) {
    await j.at('2027-02-19T14:01:00Z');
    await j.at('2027-02-20T14:01:00Z');
  }
  if (reached('checked-in'))
    await app.request('POST', `/client/${j.clientToken}/check-in`, { body: { text: checkInText } });
  if (reached('closed')) await j.at('2027-03-06T14:01:00Z');
  if (reached('after')) await j.at('2027-04-01T14:01:00Z');
  return j;
}

describe('a policy from invitation to closing', () => {
  afterEach(async () => {
    await Promise.all(running.splice(0).map((app) => app.close()));
  });

  it('creates a policy with the defaults filled in and dates computed', async () => {
    const { created: res } = await journey('created');
    expect(res.status).toBe(201);
    expect(res.json.state).toBe('invited');
    expect(res.json.rules.updates).toEqual({
      limit: 2,
      minDaysBetween: 7,
      from: '2026-11-20',
      until: '2027-01-01',
      maxCharacters: 1000,
    });
    expect(res.json.rules.checkIn).toMatchObject({
      on: '2027-02-20',
      format: 'message',
      remindDaysBefore: [7, 1],
      messageUntil: '2027-02-26',
    });
    expect(res.json.rules.closesOn).toBe('2027-03-06');
  });

  it('sends the client exactly one invitation, naming the therapist but never their address', async () => {
    const { app, client, therapist } = await journey('created');
    const mails = await app.mailTo(client.email);
    expect(mails).toHaveLength(1);
    const [invitation] = mails;
    expect(invitation!.subject).toContain(therapist.name);
    expect(invitation!.text).toContain(therapist.name);
    expect(invitation!.text).toContain('988');
    expect(invitation!.headers['List-Unsubscribe']).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/c\/[\w-]{43}\/stop>$/);
    expect(invitation!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const everything = JSON.stringify(invitation);
    expect(everything).not.toContain(therapist.email);
    expect(everything.toLowerCase()).not.toContain(therapist.email.toLowerCase());
  });

  it('tells the therapist the policy was created, without the client link', async () => {
    const { app, therapist, clientToken } = await journey('invited');
    const mails = await app.mailTo(therapist.email);
    expect(mails.map((m) => m.subject)).toHaveLength(1);
    expect(JSON.stringify(mails)).not.toContain(clientToken);
    expect(mails[0]!.text).not.toMatch(/\/c\/[\w-]{43}/);
  });

  it('refuses updates until the client accepts', async () => {
    const j = await journey('invited');
    const res = await j.update('Hello before accepting');
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.json).toMatchObject({ status: 409, reason: 'not-active', type: '/problems/not-active' });
  });

  it('sends nothing else to the client before they accept, even on reminder days', async () => {
    const { app, client } = await journey('invited');
    await app.dispatch();
    expect(await app.mailTo(client.email)).toHaveLength(1);
  });

  it('shows the client their status by link', async () => {
    const { app, clientToken, therapist } = await journey('invited');
    const res = await app.request('GET', `/client/${clientToken}`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ therapistName: therapist.name, state: 'invited' });
    expect(JSON.stringify(res.json)).not.toContain(therapist.email);
  });

  it('accepts, confirms to the client and tells the therapist', async () => {
    const { app, clientToken, client, therapist } = await journey('invited');
    const res = await app.request('POST', `/client/${clientToken}/accept`);
    expect(res.status).toBe(200);
    expect(res.json.state).toBe('active');
    const clientMails = await app.mailTo(client.email);
    expect(clientMails).toHaveLength(2);
    expect((await app.mailTo(therapist.email)).length).toBe(2);
  });

  it('accepts an update, delivers it to the therapist and sends the client a receipt', async () => {
    const j = await journey('accepted');
    const res = await j.update(firstUpdate, 'first-update');
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      seq: 1,
      sentOn: '2026-11-20',
      updates: { left: 1, limit: 2, nextAllowedOn: '2026-11-27', windowUntil: '2027-01-01' },
    });
    expect(res.json.summary).toBe(
      '1 of 2 updates left; the next one can be sent from 27 November 2026; the window closes on 1 January 2027.',
    );
    // A notice (the profile's default): that it arrived, where to read it, and nothing of the client.
    const toTherapist = (await j.app.mailTo(j.therapist.email)).at(-1)!;
    expect(toTherapist.subject).toBe(`New update in arrangement ${j.policyId.slice(0, 8)}`);
    expect(toTherapist.text).toContain(`/portal#/policies/${j.policyId}`);
    for (const secret of [firstUpdate, j.client.name, j.client.email]) expect(toTherapist.text).not.toContain(secret);
    expect(toTherapist.text).not.toMatch(/\/c\/[\w-]{43}/);
    const receipt = (await j.app.mailTo(j.client.email)).at(-1)!;
    expect(receipt.text).toContain('1 of 2 updates left');
  });

  it('returns the first outcome for a retried submission and never counts it twice', async () => {
    const j = await journey('first-update');
    const replay = await j.update('a different text with the same key', 'first-update');
    expect(replay.status).toBe(201);
    expect(replay.json.seq).toBe(1);
    const detail = await j.app.request('GET', `/policies/${j.policyId}`, { token: j.token });
    expect(detail.json.counters.updatesAccepted).toBe(1);
    expect(detail.json.updates).toHaveLength(1);
  });

  it('refuses a second update inside minDaysBetween and says when the next is possible', async () => {
    const j = await journey('first-update');
    j.app.clock.set(new Date('2026-11-21T15:00:00Z'));
    const res = await j.update(secondUpdate);
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ reason: 'too-soon', nextAllowedOn: '2026-11-27' });
    expect(res.json.detail).toContain('27 November 2026');
  });

  it('refuses a text longer than maxCharacters, counting emoji as one character each', async () => {
    const j = await journey('first-update');
    const tooLong = await j.update('🌿'.repeat(1001));
    expect(tooLong.json).toMatchObject({ reason: 'too-long', limit: 1000, count: 1001 });
  });

  it('accepts the next update from nextAllowedOn, then refuses once the limit is reached', async () => {
    const j = await journey('first-update');
    j.app.clock.set(new Date('2026-11-27T15:00:00Z'));
    const ok = await j.update(secondUpdate);
    expect(ok.status).toBe(201);
    expect(ok.json.updates.left).toBe(0);
    j.app.clock.set(new Date('2026-12-10T15:00:00Z'));
    const refused = await j.update('one more');
    expect(refused.json).toMatchObject({ status: 409, reason: 'limit-reached' });
    expect(refused.json.detail).toContain('20 February 2027');
  });

  it('refuses outside the window with the window dates', async () => {
    const j = await journey('first-update');
    j.app.clock.set(new Date('2027-01-02T15:00:00Z'));
    const res = await j.update('after the window');
    expect(res.json).toMatchObject({ reason: 'outside-window', windowUntil: '2027-01-01' });
  });

  it('sends the 7-day reminder to both sides at 09:00 in the policy time zone, not before', async () => {
    const { app, client, therapist, at } = await journey('second-update');
    const before = (await app.mailTo(client.email)).length;
    await at('2027-02-13T13:59:00Z');
    expect(await app.mailTo(client.email)).toHaveLength(before);
    await at('2027-02-13T14:00:30Z');
    const reminder = (await app.mailTo(client.email)).at(-1)!;
    expect(await app.mailTo(client.email)).toHaveLength(before + 1);
    expect(reminder.text).toContain('20 February 2027');
    expect(reminder.text).toContain(therapist.name);
    expect((await app.mailTo(therapist.email)).at(-1)!.text).toContain('20 February 2027');
  });

  it('never sends a reminder twice, however often the dispatcher runs', async () => {
    const { app, client } = await journey('reminded');
    const before = (await app.mailTo(client.email)).length;
    await Promise.all([app.dispatch(), app.dispatch(), app.dispatch()]);
    expect(await app.mailTo(client.email)).toHaveLength(before);
  });

  it('refuses the check-in message before the check-in day', async () => {
    const { app, clientToken } = await journey('reminded');
    const res = await app.request('POST', `/client/${clientToken}/check-in`, { body: { text: checkInText } });
    expect(res.json).toMatchObject({ status: 409, reason: 'not-check-in-time', nextAllowedOn: '2027-02-20' });
  });

  it('sends the 1-day reminder and then the check-in day email', async () => {
    const { app, client, at } = await journey('reminded');
    const before = (await app.mailTo(client.email)).length;
    await at('2027-02-19T14:01:00Z');
    await at('2027-02-20T14:01:00Z');
    const mails = (await app.mailTo(client.email)).slice(before);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text).toContain('26 February 2027');
  });

  it('accepts one check-in message, which does not count against the updates', async () => {
    const { app, clientToken, therapist } = await journey('check-in-day');
    const res = await app.request('POST', `/client/${clientToken}/check-in`, { body: { text: checkInText } });
    expect(res.status).toBe(201);
    const notice = (await app.mailTo(therapist.email)).at(-1)!;
    expect(notice.subject).toMatch(/^Check-in message in arrangement /);
    expect(notice.text).not.toContain(checkInText);
    const again = await app.request('POST', `/client/${clientToken}/check-in`, { body: { text: 'again' } });
    expect(again.json).toMatchObject({ status: 409, reason: 'already-checked-in' });
  });

  it('closes on the closing date with one goodbye to each side, referrals and crisis resources included', async () => {
    const j = await journey('checked-in');
    const before = (await j.app.mailTo(j.client.email)).length;
    await j.at('2027-03-06T14:01:00Z');
    const closing = (await j.app.mailTo(j.client.email)).slice(before);
    expect(closing).toHaveLength(1);
    expect(closing[0]!.text).toContain('Riverside Counselling');
    expect(closing[0]!.text).toContain('988');
    const summary = (await j.app.mailTo(j.therapist.email)).at(-1)!;
    expect(summary.text).toMatch(/2 updates|2 of 2/);
    const status = await j.app.request('GET', `/client/${j.clientToken}`);
    expect(status.json.state).toBe('closed');
    const refused = await j.update('after closing');
    expect(refused.json).toMatchObject({ reason: 'not-active', state: 'closed' });
  });

  it('sends nothing more after closing', async () => {
    const { app, client, therapist, at } = await journey('closed');
    const clientCount = (await app.mailTo(client.email)).length;
    const therapistCount = (await app.mailTo(therapist.email)).length;
    await at('2027-04-01T14:01:00Z');
    expect(await app.mailTo(client.email)).toHaveLength(clientCount);
    expect(await app.mailTo(therapist.email)).toHaveLength(therapistCount);
  });

  it('keeps a timeline the therapist can read', async () => {
    const { app, policyId, token } = await journey('after');
    const res = await app.request('GET', `/policies/${policyId}`, { token });
    const types = res.json.history.map((h: { type: string }) => h.type);
    expect(types).toEqual([
      'invited',
      'accepted',
      'update-accepted',
      'update-accepted',
      'check-in-reminder',
      'check-in-reminder',
      'check-in-day',
      'check-in-message',
      'closed',
    ]);
    expect(res.json.updates.map((u: { text: string }) => u.text)).toEqual([firstUpdate, secondUpdate]);
  });

  it('publishes a valid domain event for each step, with no personal data', async () => {
    const { app, policyId, client, therapist } = await journey('after');
    const { DOMAIN_EVENTS } = await import('../../shared/domain/events.js');
    const mine = app.events.forPolicy(policyId);
    expect(mine.map((e) => e.type)).toEqual([
      'policy.created',
      'policy.accepted',
      'update.accepted',
      'update.accepted',
      'checkin.reminded',
      'checkin.reminded',
      'checkin.day',
      'checkin.message-received',
      'policy.closed',
    ]);
    for (const event of mine) expect(DOMAIN_EVENTS[event.type].safeParse(event.detail).success).toBe(true);
    const all = JSON.stringify(mine);
    for (const secret of [client.email, client.name, therapist.email, firstUpdate]) expect(all).not.toContain(secret);
  });

  it('logs no names, addresses, message text or client links', async () => {
    const { app, client, therapist, clientToken } = await journey('after');
    const logs = app.logs.join('\n');
    expect(app.logs.length).toBeGreaterThan(20);
    for (const secret of [
      client.name,
      client.email,
      therapist.name,
      therapist.email,
      firstUpdate,
      secondUpdate,
      checkInText,
      clientToken,
      'Sam',
      'Rivera',
    ]) {
      expect(logs).not.toContain(secret);
    }
  });
});
