/**
 * Keeping promises, over HTTP: what the client is told is true, their own words stay theirs,
 * and choices can be taken back. One app; each test makes its own arrangement.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

describe('keeping promises', () => {
  let app: App;
  let token: string;

  beforeAll(async () => {
    app = await startApp({ now: '2026-11-20T15:00:00Z' });
    token = await app.signIn(uniqueEmail('dr.okafor'), 'Dr. Ada Okafor');
  });
  afterAll(() => app.close());

  async function accepted(body: Record<string, unknown> = {}) {
    const client = uniqueEmail('client');
    const created = await app.request('POST', '/policies', {
      token,
      body: { client: { name: 'Robin', email: client }, endedOn: '2026-11-20', timeZone: 'America/New_York', ...body },
    });
    expect(created.status).toBe(201);
    const link = await app.linkFor(client);
    expect((await app.request('POST', `/client/${link}/accept`)).status).toBe(200);
    return { id: created.json.id as string, link, client };
  }

  describe('whole truths', () => {
    it('refuses a long update sent too soon with both things: shorten it, and from when', async () => {
      const { link } = await accepted({ updates: { maxCharacters: 50 } });
      expect((await app.request('POST', `/client/${link}/updates`, { body: { text: 'First.' } })).status).toBe(201);
      const refused = await app.request('POST', `/client/${link}/updates`, { body: { text: 'x'.repeat(60) } });
      expect(refused.status).toBe(409);
      expect(refused.json).toMatchObject({
        reason: 'too-long',
        limit: 50,
        count: 60,
        nextAllowedOn: '2026-11-27',
        alsoBlockedBy: ['too-soon'],
      });
      expect(refused.json.detail).toBe(
        'Your message is 60 characters and the limit is 50. Please shorten it to 50 characters or fewer. Your next update can be sent from 27 November 2026.',
      );
    });
  });

  describe("replies and the client's own record", () => {
    const reply = (id: string, body: unknown, key?: string) =>
      app.request('POST', `/policies/${id}/replies`, {
        token,
        body,
        ...(key ? { headers: { 'idempotency-key': key } } : {}),
      });

    it('lets the therapist answer an update once; the client gets it from the service and sees it under their words', async () => {
      const { id, link, client } = await accepted({ replies: 'may-reply' });
      expect(
        (await app.request('POST', `/client/${link}/updates`, { body: { text: 'The new job started.' } })).status,
      ).toBe(201);
      const first = await reply(id, { inReplyTo: { update: 1 }, text: 'I am glad to hear it.' }, 'reply-1');
      expect(first.status).toBe(201);
      expect(first.json).toMatchObject({ inReplyTo: { update: 1 }, text: 'I am glad to hear it.' });
      // The same key again: the first answer, and still one email.
      expect((await reply(id, { inReplyTo: { update: 1 }, text: 'I am glad to hear it.' }, 'reply-1')).status).toBe(
        201,
      );
      const again = await reply(id, { inReplyTo: { update: 1 }, text: 'One more thing.' });
      expect(again.json).toMatchObject({ status: 409, reason: 'already-replied' });

      const replies = (await app.mailTo(client)).filter((m) => m.subject.startsWith('A reply from'));
      expect(replies).toHaveLength(1);
      const [mail] = replies;
      expect(mail?.text).toContain('I am glad to hear it.');
      expect(JSON.stringify(mail)).not.toContain('dr.okafor');
      expect(mail?.from).not.toContain('dr.okafor');

      const status = await app.request('GET', `/client/${link}`);
      expect(status.json.messages).toEqual([
        {
          kind: 'update',
          seq: 1,
          sentOn: '2026-11-20',
          text: 'The new job started.',
          reply: {
            text: 'I am glad to hear it.',
            sentAt: expect.any(String),
            sentOn: '2026-11-20',
            by: 'Dr. Ada Okafor',
          },
        },
      ]);
      const page = await app.request('GET', `/c/${link}`);
      expect(page.text).toContain('What you have sent');
      expect(page.text.indexOf('The new job started.')).toBeLessThan(page.text.indexOf('I am glad to hear it.'));
      const detail = await app.request('GET', `/policies/${id}`, { token });
      expect(detail.json.replies).toHaveLength(1);
      expect(detail.json.history.map((h: { type: string }) => h.type)).toContain('replied');
      const published = app.events.forPolicy(id).map((e) => e.type);
      expect(published).toContain('reply.sent');
    });

    it('refuses a reply when the client was told there would be none, one too long, and one to a message that does not exist', async () => {
      const off = await accepted();
      await app.request('POST', `/client/${off.link}/updates`, { body: { text: 'Hello.' } });
      expect((await reply(off.id, { inReplyTo: { update: 1 }, text: 'Hi.' })).json).toMatchObject({
        status: 409,
        reason: 'replies-off',
      });
      const on = await accepted({ replies: 'may-reply', updates: { maxCharacters: 20 } });
      await app.request('POST', `/client/${on.link}/updates`, { body: { text: 'Hello.' } });
      expect((await reply(on.id, { inReplyTo: { update: 1 }, text: 'x'.repeat(21) })).json).toMatchObject({
        status: 409,
        reason: 'too-long',
        limit: 20,
      });
      expect((await reply(on.id, { inReplyTo: { update: 2 }, text: 'Hi.' })).status).toBe(404);
      expect((await reply(on.id, { inReplyTo: { checkIn: true }, text: 'Hi.' })).status).toBe(404);
      expect((await reply(on.id, { inReplyTo: { update: 1 }, text: '   ' })).status).toBe(400);
      expect((await reply(on.id, { inReplyTo: { seq: 1 }, text: 'Hi.' })).status).toBe(400);
      await app.request('POST', `/policies/${on.id}/pause`, { token });
      expect((await reply(on.id, { inReplyTo: { update: 1 }, text: 'Hi.' })).json).toMatchObject({
        reason: 'not-active',
      });
    });

    it('answers the check-in message too, and quotes the words of each update in its receipt', async () => {
      const { id, link, client } = await accepted({ replies: 'may-reply' });
      await app.request('POST', `/client/${link}/updates`, { body: { text: 'Walks every morning now.' } });
      const receipt = (await app.mailTo(client)).find((m) => m.subject.includes('was received'));
      expect(receipt?.text).toContain('Walks every morning now.');
      app.clock.set(new Date('2027-02-21T15:00:00Z'));
      try {
        expect(
          (await app.request('POST', `/client/${link}/check-in`, { body: { text: 'Three months on.' } })).status,
        ).toBe(201);
        expect((await reply(id, { inReplyTo: { checkIn: true }, text: 'Thank you for writing.' })).status).toBe(201);
        const status = await app.request('GET', `/client/${link}`);
        expect(status.json.messages.map((m: { kind: string; reply: unknown }) => [m.kind, Boolean(m.reply)])).toEqual([
          ['update', false],
          ['check-in', true],
        ]);
      } finally {
        app.clock.set(new Date('2026-11-20T15:00:00Z'));
      }
    });
  });

  const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
  const post = (link: string, action: string, fields: Record<string, string> = {}) =>
    app.request('POST', `/c/${link}/${action}`, { raw: new URLSearchParams(fields).toString(), headers: FORM });
  const subjects = async (address: string) => (await app.mailTo(address)).map((m) => m.subject);
  const history = async (id: string) =>
    (await app.request('GET', `/policies/${id}`, { token })).json.history.map((h: { type: string }) => h.type);

  describe('skip is reversible', () => {
    it('asks once on the page before skipping, then lets the client take it back; the therapist hears of both', async () => {
      const { id, link } = await accepted();
      const asked = await post(link, 'skip-check-in');
      expect(asked.status).toBe(200);
      expect(asked.text).toContain('Skip the check-in?');
      expect((await app.request('GET', `/client/${link}`)).json.checkIn.status).toBe('pending');

      expect((await post(link, 'skip-check-in', { confirm: 'yes' })).status).toBe(303);
      const skipped = (await app.request('GET', `/client/${link}`)).json.checkIn;
      expect(skipped).toMatchObject({ status: 'skipped', canUndoSkip: true });
      expect((await app.request('GET', `/c/${link}`)).text).toContain('Keep the check-in after all');

      expect((await post(link, 'undo-skip-check-in')).status).toBe(303);
      expect((await app.request('GET', `/client/${link}`)).json.checkIn).toMatchObject({
        status: 'pending',
        canSkip: true,
      });
      const detail = (await app.request('GET', `/policies/${id}`, { token })).json;
      expect(detail.history.map((h: { type: string }) => h.type)).toEqual(
        expect.arrayContaining(['check-in-skipped', 'check-in-restored']),
      );
      // The reminders are planned again.
      expect(detail.upcoming.map((u: { kind: string }) => u.kind)).toContain('check-in-reminder');
    });

    it('tells the therapist of the undo, and refuses it once the check-in has passed', async () => {
      const { link } = await accepted();
      expect((await app.request('POST', `/client/${link}/skip-check-in`)).status).toBe(200);
      expect((await app.request('POST', `/client/${link}/undo-skip-check-in`)).status).toBe(200);
      expect((await app.request('POST', `/client/${link}/skip-check-in`)).status).toBe(200);
      app.clock.set(new Date('2027-03-01T15:00:00Z'));
      try {
        const late = await app.request('POST', `/client/${link}/undo-skip-check-in`);
        expect(late.json).toMatchObject({ status: 409, reason: 'not-check-in-time' });
      } finally {
        app.clock.set(new Date('2026-11-20T15:00:00Z'));
      }
    });

    it('emails the therapist when the client takes a skip back', async () => {
      const therapist = uniqueEmail('dr.undo');
      const own = await app.signIn(therapist, 'Dr. Lee Undo');
      const client = uniqueEmail('client');
      await app.request('POST', '/policies', {
        token: own,
        body: { client: { name: 'Sky', email: client }, endedOn: '2026-11-20', timeZone: 'America/New_York' },
      });
      const link = await app.linkFor(client);
      await app.request('POST', `/client/${link}/accept`);
      await app.request('POST', `/client/${link}/skip-check-in`);
      await app.request('POST', `/client/${link}/undo-skip-check-in`);
      expect(await subjects(therapist)).toEqual(
        expect.arrayContaining(['Sky skipped the check-in', 'Sky wants the check-in after all']),
      );
    });
  });

  describe('pause is never silent', () => {
    it('tells the client until when and with the note, holds updates until then, and opens again by itself that day', async () => {
      const { id, link, client } = await accepted();
      const paused = await app.request('POST', `/policies/${id}/pause`, {
        token,
        body: { until: '2026-12-10', note: 'I am away for two weeks.' },
      });
      expect(paused.status).toBe(200);
      // The portal shows the therapist what the client was told.
      expect(paused.json.pause).toEqual({ until: '2026-12-10', note: 'I am away for two weeks.' });
      expect((await app.request('GET', `/policies/${id}`, { token })).json.pause).toEqual(paused.json.pause);
      const email = (await app.mailTo(client)).find((m) => m.subject.endsWith('is paused'));
      expect(email?.text).toContain('until Thursday 10 December 2026');
      expect(email?.text).toContain('I am away for two weeks.');
      expect(email?.text).toContain('Nothing is lost');

      const status = (await app.request('GET', `/client/${link}`)).json;
      expect(status.pause).toEqual({ until: '2026-12-10', note: 'I am away for two weeks.' });
      expect((await app.request('GET', `/c/${link}`)).text).toContain('I am away for two weeks.');
      const refused = await app.request('POST', `/client/${link}/updates`, { body: { text: 'Hello.' } });
      expect(refused.json).toMatchObject({ reason: 'not-active', nextAllowedOn: '2026-12-10' });

      app.clock.set(new Date('2026-12-10T14:05:00Z'));
      try {
        await app.dispatch();
        expect((await app.request('GET', `/client/${link}`)).json.state).toBe('active');
        expect((await app.request('GET', `/policies/${id}`, { token })).json.pause).toBeNull();
        expect(await subjects(client)).toContain('Your arrangement with Dr. Ada Okafor is open again');
        expect(await history(id)).toEqual(expect.arrayContaining(['paused', 'resumed']));
        const published = app.events.forPolicy(id);
        expect(published.find((e) => e.type === 'policy.paused')?.detail).toMatchObject({ until: '2026-12-10' });
        expect(published.find((e) => e.type === 'policy.resumed')?.detail).toMatchObject({ by: 'schedule' });
      } finally {
        app.clock.set(new Date('2026-11-20T15:00:00Z'));
      }
    });

    it('tells the client when the therapist resumes by hand, and refuses an end date that is past or after closing', async () => {
      const { id, client } = await accepted();
      // Today, after closing, and the closing day itself (it would open only to close that morning).
      for (const until of ['2026-11-20', '2027-12-01', '2027-03-06'])
        expect((await app.request('POST', `/policies/${id}/pause`, { token, body: { until } })).status).toBe(400);
      expect((await app.request('POST', `/policies/${id}/pause`, { token })).status).toBe(200);
      expect((await app.request('POST', `/policies/${id}/resume`, { token })).status).toBe(200);
      const mine = await subjects(client);
      expect(mine.filter((s) => s.endsWith('is paused'))).toHaveLength(1);
      expect(mine.filter((s) => s.endsWith('is open again'))).toHaveLength(1);
    });
  });

  describe('rule changes are told', () => {
    const patch = (id: string, body: unknown) => app.request('PATCH', `/policies/${id}`, { token, body });
    const changeMails = async (client: string) =>
      (await app.mailTo(client)).filter((m) => m.subject.startsWith('A change to your arrangement'));

    it('tells the client in one email exactly what changed', async () => {
      const { id, client } = await accepted();
      expect((await patch(id, { updates: { limit: 4 }, closesOn: '2027-03-20' })).status).toBe(200);
      const mails = await changeMails(client);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.text).toContain('You can now send 4 updates in all, instead of 3.');
      expect(mails[0]?.text).toContain('The arrangement now ends on 20 March 2027, instead of 6 March 2027.');
      expect(await history(id)).toContain('rules-changed');
    });

    it('refuses a change that takes something back unless it is confirmed, and names what would shrink', async () => {
      const { id, client } = await accepted();
      const refused = await patch(id, { updates: { limit: 2, maxCharacters: 500 }, checkIn: null });
      expect(refused.status).toBe(409);
      expect(refused.json.reason).toBe('reduces-promise');
      // Without a check-in the closing date moves earlier with it: that is taken back too.
      expect(refused.json.reductions.map((r: { what: string }) => r.what)).toEqual([
        'limit',
        'maxCharacters',
        'checkIn',
        'closesOn',
      ]);
      expect(refused.json.detail).toContain('fewer updates (3 → 2)');
      expect((await app.request('GET', `/policies/${id}`, { token })).json.rules.updates.limit).toBe(3);
      expect(await changeMails(client)).toHaveLength(0);

      expect((await patch(id, { updates: { limit: 2 }, confirmReduce: true })).status).toBe(200);
      const [mail] = await changeMails(client);
      expect(mail?.text).toContain('You can now send 2 updates in all, instead of 3.');
    });

    it('previews what the client will be told before anything is saved', async () => {
      const { id, client } = await accepted();
      const preview = await app.request('POST', `/policies/${id}/preview-change`, {
        token,
        body: { updates: { limit: 1 } },
      });
      expect(preview.json).toMatchObject({
        ok: true,
        needsConfirm: true,
        told: ['You can now send 1 update in all, instead of 3.'],
        email: { subject: 'A change to your arrangement with Dr. Ada Okafor' },
      });
      expect(preview.json.email.text).toContain('You can now send 1 update in all, instead of 3.');
      expect((await app.request('GET', `/policies/${id}`, { token })).json.rules.updates.limit).toBe(3);
      expect(await changeMails(client)).toHaveLength(0);
      const bad = await app.request('POST', `/policies/${id}/preview-change`, {
        token,
        body: { closesOn: '2026-01-01' },
      });
      expect(bad.json.ok).toBe(false);
    });

    it('keeps a closing date the therapist chose when only the reminders change', async () => {
      const { id, client } = await accepted({ closesOn: '2027-04-01' });
      const changed = await patch(id, { checkIn: { remindDaysBefore: [3] } });
      expect(changed.status).toBe(200);
      expect(changed.json.rules.closesOn).toBe('2027-04-01');
      const [mail] = await changeMails(client);
      expect(mail?.text).toContain('Reminders about your check-in now come 3 days before.');
      expect(mail?.text).not.toContain('now ends on');
    });

    it('says nothing to a client who has not accepted yet (they read the rules when they do)', async () => {
      const client = uniqueEmail('client');
      const created = await app.request('POST', '/policies', {
        token,
        body: { client: { name: 'Jo', email: client }, endedOn: '2026-11-20', timeZone: 'America/New_York' },
      });
      expect((await patch(created.json.id, { updates: { limit: 1 } })).status).toBe(200);
      expect(await subjects(client)).toHaveLength(1);
    });
  });

  describe('a mistyped client address', () => {
    it('is corrected while invited: the invitation goes to the new address and old links stop working', async () => {
      const wrong = uniqueEmail('typo');
      const right = uniqueEmail('client');
      const created = await app.request('POST', '/policies', {
        token,
        body: { client: { name: 'Kim', email: wrong }, endedOn: '2026-11-20', timeZone: 'America/New_York' },
      });
      const id = created.json.id as string;
      const oldLink = await app.linkFor(wrong);
      const oldStop = (await app.mailTo(wrong))[0]?.headers['List-Unsubscribe'];
      expect(
        (await app.request('PATCH', `/policies/${id}`, { token, body: { client: { email: right } } })).status,
      ).toBe(200);
      expect(await subjects(right)).toHaveLength(1);
      expect((await app.request('GET', `/c/${oldLink}`)).status).toBe(404);
      const stopPath = /<https?:\/\/[^/]+(\/c\/[^>]+)>/.exec(String(oldStop))?.[1];
      expect(stopPath).toBeDefined();
      expect((await app.request('GET', stopPath ?? '/missing')).status).toBe(404);
      const link = await app.linkFor(right);
      expect((await app.request('POST', `/client/${link}/accept`)).status).toBe(200);
      expect((await app.request('GET', `/policies/${id}`, { token })).json.client.email).toBe(right);
      expect(await history(id)).toContain('client-address-corrected');
      expect(app.events.forPolicy(id).map((e) => e.type)).toContain('policy.address-corrected');

      const late = await app.request('PATCH', `/policies/${id}`, { token, body: { client: { email: wrong } } });
      expect(late.status).toBe(409);
    });
  });
});
