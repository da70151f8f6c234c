/** What a therapist can do after creating a policy: pause, resume, change, reissue, close; and a client's decline. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

describe('therapist actions', () => {
  let app: App;
  let token: string;
  const therapistEmail = uniqueEmail('dr.novak');

  beforeAll(async () => {
    app = await startApp({ now: '2026-11-20T15:00:00Z' });
    token = await app.signIn(therapistEmail, 'Dr. Eva Novak');
  });
  afterAll(() => app.close());

  async function accepted() {
    const client = uniqueEmail('client');
    const created = await app.request('POST', '/policies', {
      token,
      body: { client: { name: 'Morgan', email: client }, endedOn: '2026-11-20', timeZone: 'America/New_York' },
    });
    const link = await app.linkFor(client);
    await app.request('POST', `/client/${link}/accept`);
    return { id: created.json.id as string, link, client };
  }

  it('pauses updates with a kind explanation, and resumes them', async () => {
    const { id, link } = await accepted();
    expect((await app.request('POST', `/policies/${id}/pause`, { token })).json.state).toBe('paused');
    const refused = await app.request('POST', `/client/${link}/updates`, { body: { text: 'while paused' } });
    expect(refused.json).toMatchObject({ status: 409, reason: 'not-active', state: 'paused' });
    expect(refused.json.detail).toMatch(/paused/);
    expect((await app.request('POST', `/policies/${id}/resume`, { token })).json.state).toBe('active');
    expect((await app.request('POST', `/client/${link}/updates`, { body: { text: 'after resuming' } })).status).toBe(
      201,
    );
  });

  it('sends the check-in day email once even if the therapist changes the rules after it went out', async () => {
    const { id, client } = await accepted();
    app.clock.set(new Date('2027-02-20T14:30:00Z'));
    await app.dispatch();
    const count = (await app.mailTo(client)).length;
    expect((await app.request('PATCH', `/policies/${id}`, { token, body: { replies: 'may-reply' } })).status).toBe(200);
    await app.dispatch();
    // The change itself is told (one email); the check-in day is not sent again.
    const after = (await app.mailTo(client)).slice(count).map((m) => m.subject);
    expect(after).toEqual(['A change to your arrangement with Dr. Eva Novak']);
    const history = (await app.request('GET', `/policies/${id}`, { token })).json.history.map(
      (h: { type: string }) => h.type,
    );
    expect(history.filter((t: string) => t === 'check-in-day')).toHaveLength(1);
    app.clock.set(new Date('2026-11-20T15:00:00Z'));
  });

  it('holds the check-in emails back during a pause and sends the check-in day once resumed, while it is still open', async () => {
    const { id, client } = await accepted();
    await app.request('POST', `/policies/${id}/pause`, { token });
    app.clock.set(new Date('2027-02-20T15:00:00Z'));
    await app.dispatch();
    const whilePaused = (await app.mailTo(client)).length;
    await app.request('POST', `/policies/${id}/resume`, { token });
    app.clock.set(new Date('2027-02-21T14:30:00Z')); // the next morning, message window still open
    await app.dispatch();
    const after = (await app.mailTo(client)).slice(whilePaused);
    // The client is told the pause is over, then gets the check-in day email that waited.
    expect(after).toHaveLength(2);
    expect(after[0]!.subject).toMatch(/is open again$/);
    expect(after[1]!.text).toContain('26 February 2027');
    const history = (await app.request('GET', `/policies/${id}`, { token })).json.history.map(
      (h: { type: string }) => h.type,
    );
    expect(history.filter((t: string) => t === 'check-in-reminder')).toHaveLength(0);
    expect(history.filter((t: string) => t === 'check-in-day')).toHaveLength(1);
    app.clock.set(new Date('2026-11-20T15:00:00Z'));
  });

  it('refuses an arrangement that would already be over, and a closing date in the past', async () => {
    const old = await app.request('POST', '/policies', {
      token,
      body: { client: { name: 'Lee', email: uniqueEmail('lee') }, endedOn: '2026-01-05', checkIn: null },
    });
    expect(old.status).toBe(400);
    expect(old.json.errors.map((e: { path: string }) => e.path)).toContain('closesOn');
    expect(old.json.detail).toContain('already have ended');
    const { id } = await accepted();
    const patched = await app.request('PATCH', `/policies/${id}`, { token, body: { closesOn: '2026-11-19' } });
    expect(patched.status).toBe(400);
  });

  it('closes on the next run when the closing date is moved to today', async () => {
    const { id } = await accepted();
    app.clock.set(new Date('2026-12-01T16:00:00Z')); // after 09:00 in New York
    const patched = await app.request('PATCH', `/policies/${id}`, {
      token,
      // It takes back the window, the check-in and the closing date: the therapist confirms.
      body: { updates: { until: '2026-12-01' }, checkIn: null, closesOn: '2026-12-01', confirmReduce: true },
    });
    expect(patched.status).toBe(200);
    await app.dispatch();
    expect((await app.request('GET', `/policies/${id}`, { token })).json).toMatchObject({
      state: 'closed',
      closedReason: 'closing-date',
    });
    app.clock.set(new Date('2026-11-20T15:00:00Z'));
  });

  it('keeps the therapist’s address off the client’s page and JSON even when typed into a note or referral', async () => {
    const client = uniqueEmail('client');
    await app.request('POST', '/policies', {
      token,
      body: {
        client: { name: 'Kit', email: client },
        endedOn: '2026-11-20',
        checkIn: { format: 'session', note: `Write to me at ${therapistEmail.toUpperCase()} to book.` },
        referrals: [{ name: 'Me', contact: therapistEmail }],
      },
    });
    const link = await app.linkFor(client);
    const json = await app.request('GET', `/client/${link}`);
    const page = await app.request('GET', `/c/${link}`);
    for (const body of [json.text, page.text]) {
      expect(body.toLowerCase()).not.toContain(therapistEmail.toLowerCase());
      expect(body).toContain('(address kept private)');
    }
  });

  it('previews exactly what the client will be told, and answers dates that do not fit with reasons, not a failure', async () => {
    const body = { client: { name: 'Ren', email: uniqueEmail('ren') }, endedOn: '2026-11-20' };
    const ok = await app.request('POST', '/policies/preview', { token, body });
    expect(ok.status).toBe(200);
    expect(ok.json.ok).toBe(true);
    expect(ok.json.invitation.text).toContain('Ren');
    expect(ok.json.summary[0]).toContain('up to 3 short updates');
    const clash = await app.request('POST', '/policies/preview', { token, body: { ...body, closesOn: '2026-12-01' } });
    expect(clash.status).toBe(200);
    expect(clash.json).toMatchObject({
      ok: false,
      errors: expect.arrayContaining([expect.objectContaining({ path: 'closesOn' })]),
    });
    const malformed = await app.request('POST', '/policies/preview', {
      token,
      body: { ...body, updates: { limit: 13 } },
    });
    expect(malformed.status).toBe(400);
    expect(
      (await app.request('GET', '/policies', { token })).json.policies.map(
        (p: { client: { name: string } }) => p.client.name,
      ),
    ).not.toContain('Ren');
  });

  it('links therapist emails to a portal address that opens', async () => {
    const link = /https?:\/\/[^\s]+#\/policies\/[\w-]+/.exec((await app.mailTo(therapistEmail)).at(-1)!.text)?.[0];
    expect(link).toBeDefined();
    const res = await app.request('GET', new URL(link!).pathname);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
  });

  it('refuses to resume a policy that is not paused, with a 409 problem', async () => {
    const { id } = await accepted();
    await app.request('POST', `/policies/${id}/close`, { token });
    const res = await app.request('POST', `/policies/${id}/resume`, { token });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('changes the rules with PATCH, recomputes dates and re-plans the schedule', async () => {
    const { id, link } = await accepted();
    const res = await app.request('PATCH', `/policies/${id}`, {
      token,
      body: { updates: { limit: 5, until: '2027-01-31' }, checkIn: { afterMonths: 4 } },
    });
    expect(res.status).toBe(200);
    expect(res.json.rules.updates).toMatchObject({ limit: 5, until: '2027-01-31' });
    expect(res.json.rules.checkIn.on).toBe('2027-03-20');
    expect(res.json.rules.closesOn).toBe('2027-04-03');
    expect(res.json.upcoming.map((u: { kind: string; on: string }) => `${u.kind} ${u.on}`)).toEqual([
      'check-in-reminder 2027-03-13',
      'check-in-reminder 2027-03-19',
      'check-in-day 2027-03-20',
      'closing 2027-04-03',
    ]);
    const status = await app.request('GET', `/client/${link}`);
    expect(status.json.updates.limit).toBe(5);
  });

  it('rejects a PATCH that would make the dates inconsistent, changing nothing', async () => {
    const { id } = await accepted();
    const res = await app.request('PATCH', `/policies/${id}`, { token, body: { closesOn: '2026-12-01' } });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].path).toBe('closesOn');
    expect((await app.request('GET', `/policies/${id}`, { token })).json.rules.closesOn).toBe('2027-03-06');
  });

  it('reissues the link: the old one stops working and the client gets a new one the therapist never sees', async () => {
    const { id, link, client } = await accepted();
    const res = await app.request('POST', `/policies/${id}/reissue-link`, { token });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json)).not.toMatch(/[\w-]{43}/);
    expect((await app.request('GET', `/client/${link}`)).status).toBe(404);
    const fresh = await app.linkFor(client);
    expect(fresh).not.toBe(link);
    expect((await app.request('GET', `/client/${fresh}`)).json.state).toBe('active');
  });

  it('keeps the client’s words on the page when their link was replaced while they wrote', async () => {
    const { id, link } = await accepted();
    await app.request('POST', `/policies/${id}/reissue-link`, { token });
    const words = 'Written before the new link arrived: <keep me> & all.';
    const res = await app.request('POST', `/c/${link}/update`, {
      raw: new URLSearchParams({ text: words }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(404);
    expect(res.text).toContain('Written before the new link arrived: &lt;keep me&gt; &amp; all.');
    expect(res.text).toContain('988');
  });

  it('closes on the therapist’s word with one goodbye to the client', async () => {
    const { id, client } = await accepted();
    const before = (await app.mailTo(client)).length;
    const res = await app.request('POST', `/policies/${id}/close`, { token });
    expect(res.json).toMatchObject({ state: 'closed', closedReason: 'therapist', upcoming: [] });
    expect((await app.mailTo(client)).length).toBe(before + 1);
    // Closing twice is harmless and sends nothing more.
    await app.request('POST', `/policies/${id}/close`, { token });
    expect((await app.mailTo(client)).length).toBe(before + 1);
  });

  it('lets the client decline: the therapist is told and the client hears nothing more', async () => {
    const client = uniqueEmail('decliner');
    const created = await app.request('POST', '/policies', {
      token,
      body: { client: { name: 'Quinn', email: client }, endedOn: '2026-11-20', timeZone: 'America/New_York' },
    });
    const link = await app.linkFor(client);
    expect((await app.request('POST', `/client/${link}/decline`)).json.state).toBe('declined');
    expect((await app.request('GET', `/policies/${created.json.id}`, { token })).json.state).toBe('declined');
    app.clock.set(new Date('2027-03-10T15:00:00Z'));
    await app.dispatch();
    expect(await app.mailTo(client)).toHaveLength(1);
    app.clock.set(new Date('2026-11-20T15:00:00Z'));
  });

  it('lets the client skip the check-in, which cancels the reminders', async () => {
    const { id, link } = await accepted();
    const res = await app.request('POST', `/client/${link}/skip-check-in`);
    expect(res.json.checkIn.status).toBe('skipped');
    const detail = await app.request('GET', `/policies/${id}`, { token });
    expect(detail.json.upcoming.map((u: { kind: string }) => u.kind)).toEqual(['closing']);
  });

  it('exports everything stored about a policy as JSON', async () => {
    const { id, link } = await accepted();
    await app.request('POST', `/client/${link}/updates`, { body: { text: 'for the record' } });
    const res = await app.request('GET', `/policies/${id}/export`, { token });
    expect(res.headers.get('content-disposition')).toContain(`policy-${id}.json`);
    expect(res.json.updates[0].text).toBe('for the record');
  });

  it('keeps a profile whose display name and zone new policies use', async () => {
    const put = await app.request('PUT', '/profile', {
      token,
      body: { displayName: 'Eva Novak, LCSW', timeZone: 'Europe/Berlin' },
    });
    expect(put.json).toMatchObject({
      displayName: 'Eva Novak, LCSW',
      timeZone: 'Europe/Berlin',
      email: therapistEmail,
    });
    const created = await app.request('POST', '/policies', {
      token,
      body: { client: { name: 'Ari', email: uniqueEmail('ari') }, endedOn: '2026-11-20' },
    });
    expect(created.json.rules.timeZone).toBe('Europe/Berlin');
    const bad = await app.request('PUT', '/profile', { token, body: { timeZone: 'Mars/Olympus' } });
    expect(bad.status).toBe(400);
  });
});
