/**
 * Stop always works, and only the client's own page can post its forms.
 *
 * Every client email carries its own stop link (List-Unsubscribe and the footer), which keeps
 * working as long as the arrangement exists, even after the therapist sent a new link; it opens
 * nothing but the stop page. The page's form posts are refused when another website sent them
 * (by Origin and the browser's Sec-Fetch-Site), while mail programs' one-click posts, which come
 * from mail servers with neither, still stop everything.
 */
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxEmail } from '../../local/outbox.js';
import { hashToken } from '../../shared/domain/tokens.js';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const ONE_CLICK = 'List-Unsubscribe=One-Click';
const ELSEWHERE = 'https://elsewhere.example';

/** The path of an email's one-click stop link, as its List-Unsubscribe header gives it. */
function stopPathOf(mail: OutboxEmail): string {
  const url = /^<(https?:\/\/[^>]+)>$/.exec(mail.headers['List-Unsubscribe'] ?? '')?.[1];
  if (!url) throw new Error('the email has no List-Unsubscribe link');
  return new URL(url).pathname;
}

const tokenOf = (stopPath: string) => /^\/c\/([\w-]{43})\/stop$/.exec(stopPath)?.[1] ?? 'no-token';

describe('stop links', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp({ now: '2026-11-20T15:00:00Z' });
  });
  afterAll(() => app.close());

  const post = (path: string, raw = '', headers: Record<string, string> = {}) =>
    app.request('POST', path, { raw, headers: { ...FORM, ...headers } });

  /** A new invited arrangement: its therapist, client, invitation, page token and detail. */
  async function invited() {
    app.clock.set(new Date('2026-11-20T15:00:00Z'));
    const therapist = { email: uniqueEmail('dr.mensah'), name: 'Dr. Kofi Mensah' };
    const client = { email: uniqueEmail('noor'), name: 'Noor Haddad' };
    const therapistToken = await app.signIn(therapist.email, therapist.name);
    const created = await app.request('POST', '/policies', {
      token: therapistToken,
      body: { client, endedOn: '2026-11-20', timeZone: 'America/New_York' },
    });
    if (created.status !== 201) throw new Error(`could not create the policy: ${created.text}`);
    const policyId = created.json.id as string;
    const [invitation] = await app.mailTo(client.email);
    if (!invitation) throw new Error('no invitation');
    const page = await app.linkFor(client.email);
    const policy = async () => (await app.request('GET', `/policies/${policyId}`, { token: therapistToken })).json;
    const reissue = () => app.request('POST', `/policies/${policyId}/reissue-link`, { token: therapistToken });
    return { therapist, client, invitation, page, policy, reissue, policyId };
  }

  it('stops everything from the first email’s stop link after the therapist sent a new link, while its page link stays revoked', async () => {
    const { client, therapist, invitation, page, policy, reissue } = await invited();
    const stop = stopPathOf(invitation);
    expect((await post(`/c/${page}/accept`)).status).toBe(303);
    expect((await reissue()).status).toBe(200);
    expect(await app.linkFor(client.email)).not.toBe(page);

    expect((await app.request('GET', `/c/${page}`)).status).toBe(404);
    const ask = await app.request('GET', stop);
    expect(ask.status).toBe(200);
    expect(ask.text).toContain(`<form method="post" action="${stop}">`);

    const before = (await app.mailTo(client.email)).length;
    const stopped = await post(stop, ONE_CLICK);
    expect(stopped.status).toBe(200);
    expect(stopped.text).toContain('All emails have stopped');
    const after = await policy();
    expect(after.state).toBe('closed');
    expect(after.closedReason).toBe('opted-out');

    await app.dispatch();
    const since = (await app.mailTo(client.email)).slice(before);
    expect(since.map((m) => m.subject)).toEqual([`Emails stopped: your arrangement with ${therapist.name}`]);
    // The old page link still opens nothing, and the same stop link answers calmly again.
    expect((await app.request('GET', `/c/${page}`)).status).toBe(404);
    expect((await post(stop, ONE_CLICK)).status).toBe(200);
  });

  it('gives each email its own stop link, the same in the header and the text, and never the page link', async () => {
    const { client, invitation, page, reissue } = await invited();
    const stop = stopPathOf(invitation);
    expect(tokenOf(stop)).not.toBe(page);
    expect(invitation.text).toContain(`${app.baseUrl}${stop}`);
    expect(invitation.html).toContain(`${app.baseUrl}${stop}`);
    expect(invitation.headers['List-Unsubscribe-Post']).toBe(ONE_CLICK);
    await reissue();
    const second = (await app.mailTo(client.email)).at(-1)!;
    expect(stopPathOf(second)).not.toBe(stop);
    expect(tokenOf(stopPathOf(second))).not.toBe(await app.linkFor(client.email));
  });

  it('opens nothing but the stop page with a stop link, and that page links to no page', async () => {
    const { invitation, page, policy } = await invited();
    const stop = stopPathOf(invitation);
    const t = tokenOf(stop);

    expect((await app.request('GET', `/c/${t}`)).status).toBe(404);
    for (const action of ['accept', 'decline', 'skip-check-in', 'update', 'check-in']) {
      const res = await post(
        `/c/${t}/${action}`,
        new URLSearchParams({ text: 'hello', idempotencyKey: 'k' }).toString(),
      );
      expect(res.status, action).toBe(404);
    }
    expect((await app.request('GET', `/client/${t}`)).status).toBe(404);
    for (const action of ['accept', 'decline', 'opt-out', 'skip-check-in'])
      expect((await app.request('POST', `/client/${t}/${action}`)).status, action).toBe(404);
    expect((await policy()).state).toBe('invited');

    const ask = await app.request('GET', stop);
    expect(ask.status).toBe(200);
    expect(ask.text).not.toContain('Go back to your page');
    expect([...ask.text.matchAll(/\/c\/[\w-]{43}[^"]*/g)].map((m) => m[0])).toEqual([stop]);
    expect(ask.text).not.toContain(page);
  });

  it('keeps links and arrangements stored before stop links existed working as before', async () => {
    const { invitation, policyId, reissue } = await invited();
    // As stored then: a policy with no client address generation, a page link with no purpose or address.
    await app.dynamo.send(
      new UpdateItemCommand({
        TableName: app.tableName,
        Key: { pk: { S: `POLICY#${policyId}` }, sk: { S: 'POLICY' } },
        UpdateExpression: 'REMOVE #policy.#address',
        ExpressionAttributeNames: { '#policy': 'policy', '#address': 'clientAddressGeneration' },
      }),
    );
    const legacy = randomBytes(32).toString('base64url');
    await app.deps.store.putLink(hashToken(legacy), { policyId, generation: 1 }, 1_900_000_000);

    expect((await app.request('GET', `/c/${legacy}`)).status).toBe(200);
    expect((await app.request('GET', `/c/${legacy}/stop`)).text).toContain(`<a href="/c/${legacy}">`);
    expect((await app.request('GET', stopPathOf(invitation))).status).toBe(200);
    // An old email's stop link was its page link: a new link revokes it, as it always did.
    await reissue();
    expect((await app.request('GET', `/c/${legacy}`)).status).toBe(404);
    expect((await app.request('GET', `/c/${legacy}/stop`)).status).toBe(404);
    expect((await app.request('GET', stopPathOf(invitation))).status).toBe(200);
  });

  it('keeps the page link’s own stop page, with its way back, and the JSON opt-out for page links', async () => {
    const { page, policy } = await invited();
    const ask = await app.request('GET', `/c/${page}/stop`);
    expect(ask.status).toBe(200);
    expect(ask.text).toContain(`<a href="/c/${page}">Go back to your page</a>`);
    const res = await app.request('POST', `/client/${page}/opt-out`);
    expect(res.status).toBe(200);
    expect((await policy()).closedReason).toBe('opted-out');
  });
});

describe('form posts from another website', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp({ now: '2026-11-20T15:00:00Z' });
  });
  afterAll(() => app.close());

  async function invited() {
    const client = uniqueEmail('ines');
    const therapistToken = await app.signIn(uniqueEmail('dr.alvarez'), 'Dr. Luz Alvarez');
    const created = await app.request('POST', '/policies', {
      token: therapistToken,
      body: { client: { name: 'Inés Roca', email: client }, endedOn: '2026-11-20', timeZone: 'America/New_York' },
    });
    if (created.status !== 201) throw new Error(`could not create the policy: ${created.text}`);
    const [invitation] = await app.mailTo(client);
    const state = async () =>
      (await app.request('GET', `/policies/${created.json.id}`, { token: therapistToken })).json.state;
    return { token: await app.linkFor(client), stop: stopPathOf(invitation!), state };
  }

  const accept = (token: string, headers: Record<string, string>) =>
    app.request('POST', `/c/${token}/accept`, { raw: '', headers: { ...FORM, ...headers } });

  it.each([
    ['another website’s origin', { origin: ELSEWHERE }],
    ['Origin: null without the browser saying it is this site', { origin: 'null' }],
    ['a browser that says the post came from another site', { 'sec-fetch-site': 'cross-site', origin: 'null' }],
    ['another site of the same parent domain', { 'sec-fetch-site': 'same-site' }],
  ])('refuses an accept sent with %s, with a calm page, and changes nothing', async (_, headers) => {
    const { token, state } = await invited();
    const res = await accept(token, headers);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toContain('This form was sent from another website, so nothing was done.');
    expect(res.text).toContain('988');
    expect(res.text).not.toContain(token);
    expect(await state()).toBe('invited');
  });

  it.each([
    ['no Origin (a mail program, an old browser)', {}],
    ['this service’s own origin', () => ({ origin: app.baseUrl })],
    // The page sends no referrer, so browsers send "Origin: null" on its own forms; Sec-Fetch-Site vouches for them.
    ['Origin: null from the page itself', { origin: 'null', 'sec-fetch-site': 'same-origin' }],
  ])('accepts an accept sent with %s', async (_, given) => {
    const { token, state } = await invited();
    const headers = typeof given === 'function' ? given() : given;
    const res = await accept(token, headers);
    expect(res.status).toBe(303);
    expect(await state()).toBe('active');
  });

  it('takes a one-click stop with no Origin or with Origin: null, and refuses one from another website', async () => {
    const cross = await invited();
    const refused = await app.request('POST', cross.stop, { raw: ONE_CLICK, headers: { ...FORM, origin: ELSEWHERE } });
    expect(refused.status).toBe(403);
    expect(await cross.state()).toBe('invited');

    const plain = await invited();
    expect((await app.request('POST', plain.stop, { raw: ONE_CLICK, headers: FORM })).status).toBe(200);
    expect(await plain.state()).toBe('closed');

    const nulled = await invited();
    const res = await app.request('POST', nulled.stop, { raw: ONE_CLICK, headers: { ...FORM, origin: 'null' } });
    expect(res.status).toBe(200);
    expect(await nulled.state()).toBe('closed');
  });

  it('leaves the JSON routes to API callers from anywhere', async () => {
    const { token, state } = await invited();
    const res = await app.request('POST', `/client/${token}/accept`, { headers: { origin: ELSEWHERE } });
    expect(res.status).toBe(200);
    expect(await state()).toBe('active');
  });
});
