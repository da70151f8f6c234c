/**
 * The whole life of a policy through the HTTP layer, on DynamoDB Local and the SES
 * emulator: invite → accept → updates and each refusal → reminders → check-in → closing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

describe('a policy from invitation to closing', () => {
  let app: App;
  let token: string;
  let clientToken: string;
  let policyId: string;
  const therapist = { email: uniqueEmail('dr.rivera'), name: 'Dr. Ana Rivera' };
  const client = { email: uniqueEmail('sam'), name: 'Sam Okafor' };
  const firstUpdate = 'I started the new job this week and remembered what we talked about.';
  const secondUpdate = 'A short one: the walks are helping. 🌿';
  const checkInText = 'Three months on, mostly good days.';

  beforeAll(async () => {
    // 10:00 in New York on the day therapy ended.
    app = await startApp({ now: '2026-11-20T15:00:00Z' });
    token = await app.signIn(therapist.email, therapist.name);
  });
  afterAll(() => app.close());

  const update = (text: string, key?: string) =>
    app.request('POST', `/client/${clientToken}/updates`, { body: { text }, ...(key ? { headers: { 'idempotency-key': key } } : {}) });
  const at = async (iso: string) => {
    app.clock.set(new Date(iso));
    return app.dispatch();
  };

  it('creates a policy with the defaults filled in and dates computed', async () => {
    const res = await app.request('POST', '/policies', {
      token,
      body: {
        client,
        endedOn: '2026-11-20',
        timeZone: 'America/New_York',
        updates: { limit: 2 },
        referrals: [{ name: 'Riverside Counselling', contact: '555-0100' }],
      },
    });
    expect(res.status).toBe(201);
    policyId = res.json.id;
    expect(res.json.state).toBe('invited');
    expect(res.json.rules.updates).toEqual({ limit: 2, minDaysBetween: 7, from: '2026-11-20', until: '2027-01-01', maxCharacters: 1000 });
    expect(res.json.rules.checkIn).toMatchObject({ on: '2027-02-20', format: 'message', remindDaysBefore: [7, 1], messageUntil: '2027-02-26' });
    expect(res.json.rules.closesOn).toBe('2027-03-06');
  });

  it('sends the client exactly one invitation, naming the therapist but never their address', async () => {
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
    clientToken = await app.linkFor(client.email);
  });

  it('tells the therapist the policy was created, without the client link', async () => {
    const mails = await app.mailTo(therapist.email);
    expect(mails.map((m) => m.subject)).toHaveLength(1);
    expect(JSON.stringify(mails)).not.toContain(clientToken);
    expect(mails[0]!.text).not.toMatch(/\/c\/[\w-]{43}/);
  });

  it('refuses updates until the client accepts', async () => {
    const res = await update('Hello before accepting');
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.json).toMatchObject({ status: 409, reason: 'not-active', type: '/problems/not-active' });
  });

  it('sends nothing else to the client before they accept, even on reminder days', async () => {
    await app.dispatch();
    expect(await app.mailTo(client.email)).toHaveLength(1);
  });

  it('shows the client their status by link', async () => {
    const res = await app.request('GET', `/client/${clientToken}`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ therapistName: therapist.name, state: 'invited' });
    expect(JSON.stringify(res.json)).not.toContain(therapist.email);
  });

  it('accepts, confirms to the client and tells the therapist', async () => {
    const res = await app.request('POST', `/client/${clientToken}/accept`);
    expect(res.status).toBe(200);
    expect(res.json.state).toBe('active');
    const clientMails = await app.mailTo(client.email);
    expect(clientMails).toHaveLength(2);
    expect((await app.mailTo(therapist.email)).length).toBe(2);
  });

  it('accepts an update, delivers it to the therapist and sends the client a receipt', async () => {
    const res = await update(firstUpdate, 'first-update');
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ seq: 1, sentOn: '2026-11-20', updates: { left: 1, limit: 2, nextAllowedOn: '2026-11-27', windowUntil: '2027-01-01' } });
    expect(res.json.summary).toBe('1 of 2 updates left; the next one can be sent from 27 November 2026; the window closes on 1 January 2027.');
    const toTherapist = (await app.mailTo(therapist.email)).at(-1)!;
    expect(toTherapist.text).toContain(firstUpdate);
    expect(toTherapist.text).not.toMatch(/\/c\/[\w-]{43}/);
    const receipt = (await app.mailTo(client.email)).at(-1)!;
    expect(receipt.text).toContain('1 of 2 updates left');
  });

  it('returns the first outcome for a retried submission and never counts it twice', async () => {
    const replay = await update('a different text with the same key', 'first-update');
    expect(replay.status).toBe(201);
    expect(replay.json.seq).toBe(1);
    const detail = await app.request('GET', `/policies/${policyId}`, { token });
    expect(detail.json.counters.updatesAccepted).toBe(1);
    expect(detail.json.updates).toHaveLength(1);
  });

  it('refuses a second update inside minDaysBetween and says when the next is possible', async () => {
    app.clock.set(new Date('2026-11-21T15:00:00Z'));
    const res = await update(secondUpdate);
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ reason: 'too-soon', nextAllowedOn: '2026-11-27' });
    expect(res.json.detail).toContain('27 November 2026');
  });

  it('refuses a text longer than maxCharacters, counting emoji as one character each', async () => {
    const tooLong = await update('🌿'.repeat(1001));
    expect(tooLong.json).toMatchObject({ reason: 'too-long', limit: 1000, count: 1001 });
  });

  it('accepts the next update from nextAllowedOn, then refuses once the limit is reached', async () => {
    app.clock.set(new Date('2026-11-27T15:00:00Z'));
    const ok = await update(secondUpdate);
    expect(ok.status).toBe(201);
    expect(ok.json.updates.left).toBe(0);
    app.clock.set(new Date('2026-12-10T15:00:00Z'));
    const refused = await update('one more');
    expect(refused.json).toMatchObject({ status: 409, reason: 'limit-reached' });
    expect(refused.json.detail).toContain('20 February 2027');
  });

  it('refuses outside the window with the window dates', async () => {
    app.clock.set(new Date('2027-01-02T15:00:00Z'));
    const res = await update('after the window');
    expect(res.json).toMatchObject({ reason: 'outside-window', windowUntil: '2027-01-01' });
  });

  it('sends the 7-day reminder to both sides at 09:00 in the policy time zone, not before', async () => {
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
    const before = (await app.mailTo(client.email)).length;
    await Promise.all([app.dispatch(), app.dispatch(), app.dispatch()]);
    expect(await app.mailTo(client.email)).toHaveLength(before);
  });

  it('refuses the check-in message before the check-in day', async () => {
    const res = await app.request('POST', `/client/${clientToken}/check-in`, { body: { text: checkInText } });
    expect(res.json).toMatchObject({ status: 409, reason: 'not-check-in-time', nextAllowedOn: '2027-02-20' });
  });

  it('sends the 1-day reminder and then the check-in day email', async () => {
    const before = (await app.mailTo(client.email)).length;
    await at('2027-02-19T14:01:00Z');
    await at('2027-02-20T14:01:00Z');
    const mails = (await app.mailTo(client.email)).slice(before);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text).toContain('26 February 2027');
  });

  it('accepts one check-in message, which does not count against the updates', async () => {
    const res = await app.request('POST', `/client/${clientToken}/check-in`, { body: { text: checkInText } });
    expect(res.status).toBe(201);
    expect((await app.mailTo(therapist.email)).at(-1)!.text).toContain(checkInText);
    const again = await app.request('POST', `/client/${clientToken}/check-in`, { body: { text: 'again' } });
    expect(again.json).toMatchObject({ status: 409, reason: 'already-checked-in' });
  });

  it('closes on the closing date with one goodbye to each side, referrals and crisis resources included', async () => {
    const before = (await app.mailTo(client.email)).length;
    await at('2027-03-06T14:01:00Z');
    const closing = (await app.mailTo(client.email)).slice(before);
    expect(closing).toHaveLength(1);
    expect(closing[0]!.text).toContain('Riverside Counselling');
    expect(closing[0]!.text).toContain('988');
    const summary = (await app.mailTo(therapist.email)).at(-1)!;
    expect(summary.text).toMatch(/2 updates|2 of 2/);
    const status = await app.request('GET', `/client/${clientToken}`);
    expect(status.json.state).toBe('closed');
    const refused = await update('after closing');
    expect(refused.json).toMatchObject({ reason: 'not-active', state: 'closed' });
  });

  it('sends nothing more after closing', async () => {
    const clientCount = (await app.mailTo(client.email)).length;
    const therapistCount = (await app.mailTo(therapist.email)).length;
    await at('2027-04-01T14:01:00Z');
    expect(await app.mailTo(client.email)).toHaveLength(clientCount);
    expect(await app.mailTo(therapist.email)).toHaveLength(therapistCount);
  });

  it('keeps a timeline the therapist can read', async () => {
    const res = await app.request('GET', `/policies/${policyId}`, { token });
    const types = res.json.history.map((h: { type: string }) => h.type);
    expect(types).toEqual(['invited', 'accepted', 'update-accepted', 'update-accepted', 'check-in-reminder', 'check-in-reminder', 'check-in-day', 'check-in-message', 'closed']);
    expect(res.json.updates.map((u: { text: string }) => u.text)).toEqual([firstUpdate, secondUpdate]);
  });

  it('publishes a valid domain event for each step, with no personal data', async () => {
    const { DOMAIN_EVENTS } = await import('../../shared/domain/events.js');
    const mine = app.events.events.filter((e) => e.detail.policyId === policyId);
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

  it('logs no names, addresses, message text or client links', () => {
    const logs = app.logs.join('\n');
    expect(app.logs.length).toBeGreaterThan(20);
    for (const secret of [client.name, client.email, therapist.name, therapist.email, firstUpdate, secondUpdate, checkInText, clientToken, 'Sam', 'Rivera']) {
      expect(logs).not.toContain(secret);
    }
  });
});
