/**
 * The client's page as a browser with JavaScript turned off uses it: GET the page, submit
 * its forms as application/x-www-form-urlencoded, follow the 303 redirects by hand. Also a
 * mail client's RFC 8058 one-click unsubscribe, and a link the therapist has revoked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

describe('the client page without JavaScript', () => {
  let app: App;
  const firstUpdate = 'Settled into the new flat. The breathing exercise still helps on bad mornings.';
  // Markup, an ampersand and quotes: the page must give these back as text, never as HTML.
  const secondUpdate = 'One more thing: <b>&"quotes"</b> are how I write when I am nervous.';
  const secondUpdateEscaped =
    'One more thing: &lt;b&gt;&amp;&quot;quotes&quot;&lt;/b&gt; are how I write when I am nervous.';

  const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
  const post = (t: string, action: string, fields: Record<string, string> = {}) =>
    app.request('POST', `/c/${t}/${action}`, { raw: new URLSearchParams(fields).toString(), headers: FORM });
  const page = (t: string, query = '') => app.request('GET', `/c/${t}${query}`);
  const textareas = (html: string) => [...html.matchAll(/<textarea[^>]*>\n?([\s\S]*?)<\/textarea>/g)].map((m) => m[1]);

  beforeAll(async () => {
    app = await startApp({ now: '2026-11-20T15:00:00Z' });
  });
  afterAll(() => app.close());

  /**
   * Each test has its own therapist and client, on the day therapy ended, with the policy
   * taken to `stage` through the page's own forms: no test depends on another.
   */
  async function fresh(stage: 'invited' | 'accepted' | 'updated') {
    app.clock.set(new Date('2026-11-20T15:00:00Z'));
    const therapist = { email: uniqueEmail('dr.okoye'), name: 'Dr. Ada Okoye' };
    const client = { email: uniqueEmail('rowan'), name: 'Rowan Hale' };
    const therapistToken = await app.signIn(therapist.email, therapist.name);
    const created = await app.request('POST', '/policies', {
      token: therapistToken,
      body: { client, endedOn: '2026-11-20', timeZone: 'America/New_York', updates: { limit: 3, minDaysBetween: 7 } },
    });
    if (created.status !== 201) throw new Error(`could not create the policy: ${created.text}`);
    const policyId = created.json.id as string;
    const token = await app.linkFor(client.email);
    if (stage !== 'invited') await post(token, 'accept');
    if (stage === 'updated') await post(token, 'update', { text: firstUpdate, idempotencyKey: `first-${policyId}` });
    const policy = async () => (await app.request('GET', `/policies/${policyId}`, { token: therapistToken })).json;
    return { therapist, client, therapistToken, policyId, token, policy };
  }

  it('shows an invited client the therapist’s name with accept and decline forms, and sends no referrer', async () => {
    const { token, therapist } = await fresh('invited');
    const res = await page(token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const csp = res.headers.get('content-security-policy');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(res.text).toContain(therapist.name);
    expect(res.text).toContain(`<form method="post" action="/c/${token}/accept">`);
    expect(res.text).toContain(`<form method="post" action="/c/${token}/decline">`);
    // Works without scripts: the only one is the optional same-origin character counter.
    expect(res.text.match(/<script[^>]*>/gi)).toEqual(['<script src="/assets/counter.js" defer>']);
    expect(res.text).not.toContain(therapist.email);
  });

  it('accepts by form with a 303 back to the page, which then thanks the client', async () => {
    const { token, policy } = await fresh('invited');
    const res = await post(token, 'accept');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/c/${token}?done=accepted`);
    const after = await page(token, '?done=accepted');
    expect(after.status).toBe(200);
    expect(after.text).toContain('Thank you for accepting');
    expect(after.text).toContain('role="status"');
    expect(after.text).toContain(`<form method="post" action="/c/${token}/update">`);
    expect((await policy()).state).toBe('active');
  });

  it('sends an update by form with a 303, and a double submit of the same form sends it only once', async () => {
    const { token, therapist, policy } = await fresh('accepted');
    const form = await page(token);
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(form.text)?.[1];
    expect(key).toMatch(/^[\w-]{8,}$/);
    const therapistMailsBefore = (await app.mailTo(therapist.email)).length;

    const first = await post(token, 'update', { text: firstUpdate, idempotencyKey: key! });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`/c/${token}?done=update`);
    const again = await post(token, 'update', { text: firstUpdate, idempotencyKey: key! });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(`/c/${token}?done=update`);

    const detail = await policy();
    expect(detail.counters.updatesAccepted).toBe(1);
    expect(detail.updates.map((u: { text: string }) => u.text)).toEqual([firstUpdate]);
    // The therapist is told by a notice (their profile's default), which leaves the words out.
    const delivered = (await app.mailTo(therapist.email))
      .slice(therapistMailsBefore)
      .filter((m) => m.subject.startsWith('New update in arrangement'));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.text).not.toContain(firstUpdate);
    expect((await page(token, '?done=update')).text).toContain('Your update was sent');
  });

  it('answers a second update sent too soon with a 409 page that keeps the client’s exact words, escaped, and says when', async () => {
    const { token, policy } = await fresh('updated');
    const form = await page(token);
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(form.text)?.[1] ?? 'no-key-on-page';
    const res = await post(token, 'update', { text: secondUpdate, idempotencyKey: key });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(textareas(res.text)).toContain(secondUpdateEscaped);
    expect(res.text).not.toContain('<b>');
    expect(res.text).not.toContain(secondUpdate);
    expect(res.text).toContain('27 November 2026');
    expect(res.text).toContain('role="alert"');
    expect((await policy()).counters.updatesAccepted).toBe(1);
  });

  it('answers an empty update with a 400 page that asks for some words', async () => {
    const { token, policy } = await fresh('updated');
    const res = await post(token, 'update', { text: '', idempotencyKey: 'empty-one' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toContain('Please write something before sending.');
    expect(res.text).toContain('988');
    expect((await policy()).counters.updatesAccepted).toBe(1);
  });

  it('revokes the old link when the therapist reissues it: a kind 404 page with crisis resources, while the newest email’s link works', async () => {
    const { token: old, policyId, therapistToken, client, therapist, policy } = await fresh('updated');
    const reissued = await app.request('POST', `/policies/${policyId}/reissue-link`, { token: therapistToken });
    expect(reissued.status).toBe(200);
    const token = await app.linkFor(client.email);
    expect(token).not.toBe(old);

    const gone = await page(old);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('content-type')).toMatch(/^text\/html/);
    expect(gone.headers.get('referrer-policy')).toBe('no-referrer');
    expect(gone.text).toContain('This link is not active');
    expect(gone.text).toContain('988');
    expect(gone.text).not.toContain(therapist.name);
    const goneForm = await post(old, 'update', { text: 'through the old link', idempotencyKey: 'old-link' });
    expect(goneForm.status).toBe(404);
    expect(goneForm.text).toContain('988');

    const current = await page(token);
    expect(current.status).toBe(200);
    expect(current.text).toContain(therapist.name);
    expect(current.text).toContain(`/c/${token}/stop`);
    expect((await policy()).counters.updatesAccepted).toBe(1);
  });

  it('asks for confirmation on the stop page before anything stops', async () => {
    const { token, policy } = await fresh('accepted');
    const res = await app.request('GET', `/c/${token}/stop`);
    expect(res.status).toBe(200);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.text).toContain(`<form method="post" action="/c/${token}/stop">`);
    expect(res.text).toContain('Stop all emails');
    expect((await policy()).state).toBe('active');
  });

  it('stops everything on a mail client’s one-click unsubscribe, with exactly one confirmation and nothing after it', async () => {
    const { token, client, therapist, policy } = await fresh('accepted');
    const before = (await app.mailTo(client.email)).length;
    const res = await post(token, 'stop', { 'List-Unsubscribe': 'One-Click' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('All emails have stopped');
    expect((await policy()).state).toBe('closed');
    // A mail client may send the one-click POST twice; the second changes nothing.
    expect((await post(token, 'stop', { 'List-Unsubscribe': 'One-Click' })).status).toBe(200);
    await app.dispatch();
    const confirmation = (await app.mailTo(client.email)).slice(before);
    expect(confirmation).toHaveLength(1);
    expect(confirmation[0]!.text).toContain(therapist.name);

    // The check-in reminders (7 and 1 days before 20 February), the check-in day and the closing day.
    for (const at of [
      '2027-02-13T14:01:00Z',
      '2027-02-19T14:01:00Z',
      '2027-02-20T14:01:00Z',
      '2027-03-06T14:01:00Z',
      '2027-04-01T14:01:00Z',
    ]) {
      app.clock.set(new Date(at));
      expect((await app.dispatch()).status).toBe(200);
    }
    expect(await app.mailTo(client.email)).toHaveLength(before + 1);
  });

  it('never sends the client’s link to the therapist, in any email', async () => {
    // The whole story: invited, accepted, an update, a new link, and a stop.
    const { token: first, policyId, therapistToken, client, therapist } = await fresh('updated');
    await app.request('POST', `/policies/${policyId}/reissue-link`, { token: therapistToken });
    const second = await app.linkFor(client.email);
    await post(second, 'stop', { 'List-Unsubscribe': 'One-Click' });
    await app.dispatch();
    const allTokens = [first, second];
    const mails = await app.mailTo(therapist.email);
    expect(mails.length).toBeGreaterThanOrEqual(4); // created, accepted, the update, opted out
    const everything = JSON.stringify(mails);
    for (const t of allTokens) expect(everything).not.toContain(t);
    expect(everything).not.toMatch(/\/c\/[\w-]{43}/);
  });
});
