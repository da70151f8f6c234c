/**
 * Updates sent by replying to an email (the "email path"): the reply address identifies the
 * policy, only the client may use it, only the new words count, and a refusal comes back
 * by email quoting the client's words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SNSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHandler } from '../../functions/inbound-email.js';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

function rawReply(opts: { from: string; to: string; messageId: string; body: string }) {
  return [
    `From: Client <${opts.from}>`,
    `To: ${opts.to}`,
    'Subject: Re: Your arrangement is in place',
    `Message-ID: <${opts.messageId}@mail.example.com>`,
    'Date: Fri, 20 Nov 2026 16:02:11 -0500',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    opts.body,
  ].join('\r\n');
}

describe('updates by email reply', () => {
  let app: App;
  let token: string;
  const therapistEmail = uniqueEmail('dr.reply');

  beforeAll(async () => {
    app = await startApp({ now: '2026-11-20T15:00:00Z' });
    token = await app.signIn(therapistEmail, 'Dr. Reply');
    // The words by email, so the tests can see which words reached the therapist.
    await app.request('PUT', '/profile', { token, body: { notifications: 'full-text' } });
  });
  afterAll(() => app.close());

  async function acceptedPolicy() {
    const client = uniqueEmail('client');
    const created = await app.request('POST', '/policies', {
      token,
      body: { client: { name: 'Robin', email: client }, endedOn: '2026-11-20', timeZone: 'America/New_York' },
    });
    const invitation = (await app.mailTo(client)).at(-1)!;
    expect(invitation.replyTo).toEqual([]); // before consent, replying sends nothing
    await app.request('POST', `/client/${await app.linkFor(client)}/accept`);
    const acceptance = (await app.mailTo(client)).at(-1)!;
    expect(acceptance.replyTo).toHaveLength(1);
    expect(acceptance.replyTo[0]).toMatch(/^reply\+[a-z2-7]{52}@reply\.afterword\.test$/);
    expect(acceptance.text).toContain('replying to this email');
    expect(JSON.stringify(acceptance)).not.toContain(therapistEmail);
    return { id: created.json.id as string, client, replyTo: acceptance.replyTo[0]! };
  }

  const send = (raw: string) =>
    app.request('POST', '/local/inbound', { raw, headers: { 'content-type': 'message/rfc822' } });

  it('accepts the new words of a reply, leaves the quote out, and sends the usual receipt', async () => {
    const { id, client, replyTo } = await acceptedPolicy();
    const body =
      'Here is my news: I moved flats and it went well.\r\n\r\nOn Fri, 20 Nov 2026 at 10:00, Afterword <no-reply@afterword.test> wrote:\r\n> Your arrangement is in place\r\n> with Dr. Reply';
    const res = await send(rawReply({ from: client, to: replyTo, messageId: 'first', body }));
    expect(res.json).toEqual({ outcome: 'accepted' });
    const detail = await app.request('GET', `/policies/${id}`, { token });
    expect(detail.json.updates.map((u: { text: string }) => u.text)).toEqual([
      'Here is my news: I moved flats and it went well.',
    ]);
    expect((await app.mailTo(therapistEmail)).at(-1)!.text).toContain('I moved flats');
    expect((await app.mailTo(client)).at(-1)!.text).toContain('2 of 3 updates left');

    // The same message delivered twice counts once.
    expect((await send(rawReply({ from: client, to: replyTo, messageId: 'first', body }))).json).toEqual({
      outcome: 'accepted',
    });
    expect((await app.request('GET', `/policies/${id}`, { token })).json.counters.updatesAccepted).toBe(1);
  });

  it('answers a reply that comes too soon by email, quoting the words back with the next date', async () => {
    const { client, replyTo } = await acceptedPolicy();
    await send(rawReply({ from: client, to: replyTo, messageId: 'a1', body: 'First news.' }));
    const before = (await app.mailTo(client)).length;
    const res = await send(rawReply({ from: client, to: replyTo, messageId: 'a2', body: 'Second news, too soon.' }));
    expect(res.json).toEqual({ outcome: 'refused' });
    const refusal = (await app.mailTo(client)).slice(before);
    expect(refusal).toHaveLength(1);
    expect(refusal[0]!.text).toContain('Second news, too soon.');
    expect(refusal[0]!.text).toContain('27 November 2026');
  });

  it('ignores replies from anyone but the client, to unknown or revoked addresses, or with no new words', async () => {
    const { id, client, replyTo } = await acceptedPolicy();
    const stranger = await send(
      rawReply({ from: 'someone.else@example.com', to: replyTo, messageId: 's1', body: 'Hi' }),
    );
    expect(stranger.json).toEqual({ outcome: 'ignored' });
    const onlyQuote = await send(rawReply({ from: client, to: replyTo, messageId: 's2', body: '> just the quote' }));
    expect(onlyQuote.json).toEqual({ outcome: 'ignored' });
    const unknown = await send(
      rawReply({ from: client, to: `reply+${'a'.repeat(52)}@reply.afterword.test`, messageId: 's3', body: 'Hi' }),
    );
    expect(unknown.json).toEqual({ outcome: 'ignored' });
    await app.request('POST', `/policies/${id}/reissue-link`, { token });
    const revoked = await send(rawReply({ from: client, to: replyTo, messageId: 's4', body: 'Hi' }));
    expect(revoked.json).toEqual({ outcome: 'ignored' });
    expect((await app.request('GET', `/policies/${id}`, { token })).json.counters.updatesAccepted).toBe(0);
    expect(app.logs.join('\n')).not.toContain(client);
  });

  it('reads a real SES "Received" notification from SNS, trusting the sender only when SPF or DKIM pass', async () => {
    const { id, client, replyTo } = await acceptedPolicy();
    const handle = (event: SNSEvent) => app.as('inbound-email', () => makeHandler(() => app.deps)(event));
    const template = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'inbound', 'ses-received.json'), 'utf8');
    const notification = (verdict: string, messageId: string) => {
      const raw = rawReply({ from: client, to: replyTo, messageId, body: 'Sent from my phone, by replying.' });
      return template
        .replaceAll('REPLY_ADDRESS', replyTo)
        .replaceAll('VERDICT', verdict)
        .replace('CONTENT_BASE64', Buffer.from(raw).toString('base64'));
    };
    const event = (message: string): SNSEvent => ({
      Records: [
        {
          EventSource: 'aws:sns',
          EventVersion: '1.0',
          EventSubscriptionArn: 'arn',
          Sns: { Message: message } as SNSEvent['Records'][number]['Sns'],
        },
      ],
    });
    expect(await handle(event(notification('FAIL', 'spoofed')))).toEqual({ outcomes: ['ignored'] });
    expect(await handle(event(notification('PASS', 'genuine')))).toEqual({ outcomes: ['accepted'] });
    expect(await handle(event('{"notificationType":"Bounce"}'))).toEqual({ outcomes: ['unreadable'] });
    expect((await app.request('GET', `/policies/${id}`, { token })).json.updates[0].text).toBe(
      'Sent from my phone, by replying.',
    );
  });
});
