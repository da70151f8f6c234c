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
          reply: { text: 'I am glad to hear it.', sentAt: expect.any(String), sentOn: '2026-11-20' },
        },
      ]);
      const page = await app.request('GET', `/c/${link}`);
      expect(page.text).toContain('What you have sent');
      expect(page.text.indexOf('The new job started.')).toBeLessThan(page.text.indexOf('I am glad to hear it.'));
      const detail = await app.request('GET', `/policies/${id}`, { token });
      expect(detail.json.replies).toHaveLength(1);
      expect(detail.json.history.map((h: { type: string }) => h.type)).toContain('replied');
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
});
