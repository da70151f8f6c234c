/**
 * Stop always works. Every client email carries its own stop link (List-Unsubscribe and the
 * footer), which keeps working as long as the arrangement exists, even after the therapist sent
 * a new link; it opens nothing but the stop page.
 */
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxEmail } from '../../local/outbox.js';
import { hashToken } from '../../shared/domain/tokens.js';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const ONE_CLICK = 'List-Unsubscribe=One-Click';

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
