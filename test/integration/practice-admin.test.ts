/**
 * A practice admin's API over HTTP on DynamoDB Local: the practice's settings, its
 * therapists (invite, remove) and its arrangements as metadata only; admins only (403 for
 * a therapist), another practice's ids not found (404), and nothing of one practice visible
 * to another. Each test sets up its own practice, so they stand alone in any order.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

const ADMIN_ROUTES = [
  { method: 'GET', path: () => '/practice' },
  { method: 'PUT', path: () => '/practice', body: { name: 'Northside' } },
  { method: 'GET', path: () => '/practice/therapists' },
  { method: 'POST', path: () => '/practice/therapists', body: { email: uniqueEmail('x'), name: 'Dr. X' } },
  { method: 'DELETE', path: (id: string) => `/practice/therapists/${id}` },
  { method: 'POST', path: (id: string) => `/practice/therapists/${id}/handover`, body: { to: null } },
  { method: 'GET', path: () => '/practice/arrangements' },
];

describe('the practice admin API', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp({ now: '2026-11-20T15:00:00Z' });
  });
  afterAll(() => app.close());

  /** A practice of its own: an admin and two therapists, each signed in once (so each is a member). */
  async function practice() {
    const id = `p-${randomUUID().slice(0, 8)}`;
    const adminEmail = uniqueEmail('dr.admin');
    const admin = await app.signIn(adminEmail, 'Dr. Ada Admin', { role: 'admin', practice: id });
    const aliceEmail = uniqueEmail('dr.alice');
    const alice = await app.signIn(aliceEmail, 'Dr. Alice Ash', { practice: id });
    const bob = await app.signIn(uniqueEmail('dr.bob'), 'Dr. Bob Birch', { practice: id });
    const listed = await app.request('GET', '/practice/therapists', { token: admin });
    const idOf = (name: string) =>
      (listed.json.therapists as { id: string; name: string }[]).find((t) => t.name === name)!.id;
    return {
      id,
      admin,
      adminEmail,
      alice,
      aliceEmail,
      bob,
      adminId: idOf('Dr. Ada Admin'),
      aliceId: idOf('Dr. Alice Ash'),
      bobId: idOf('Dr. Bob Birch'),
    };
  }

  const create = async (token: string, extra: Record<string, unknown> = {}) => {
    const client = { name: 'Wren Halloway', email: uniqueEmail('wren') };
    const res = await app.request('POST', '/policies', {
      token,
      body: { client, endedOn: '2026-11-20', timeZone: 'America/New_York', ...extra },
    });
    return { res, id: res.json?.id as string, client };
  };

  it('gives a practice nobody has set up the product’s own settings', async () => {
    const p = await practice();
    const res = await app.request('GET', '/practice', { token: p.admin });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      id: p.id,
      name: 'Your practice',
      defaults: {},
      bounds: { maxUpdates: 12, maxCharacters: 5000, maxWindowDays: 366, checkInFormats: ['message', 'session'] },
      retentionDays: 90,
      version: null,
    });
  });

  it('saves what PUT /practice names, keeps the rest, and records which settings changed (never a note’s words)', async () => {
    const p = await practice();
    const first = await app.request('PUT', '/practice', {
      token: p.admin,
      body: {
        name: 'Northside Counselling',
        defaults: { updates: { limit: 2 }, invitationNote: 'We are glad you stayed in touch.' },
        bounds: { maxUpdates: 4 },
        retentionDays: 180,
      },
    });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({
      id: p.id,
      name: 'Northside Counselling',
      defaults: { updates: { limit: 2 }, invitationNote: 'We are glad you stayed in touch.' },
      bounds: { maxUpdates: 4, maxCharacters: 5000, maxWindowDays: 366, checkInFormats: ['message', 'session'] },
      retentionDays: 180,
      version: 1,
    });
    const second = await app.request('PUT', '/practice', {
      token: p.admin,
      body: { defaults: { referrals: [{ name: 'Harbour Clinic', contact: '555-0142' }] } },
    });
    expect(second.json).toMatchObject({
      name: 'Northside Counselling',
      defaults: { updates: { limit: 2 }, referrals: [{ name: 'Harbour Clinic', contact: '555-0142' }] },
      retentionDays: 180,
      version: 2,
    });
    expect((await app.request('GET', '/practice', { token: p.admin })).json).toEqual(second.json);

    const changed = app.events.events.filter(
      (e) => e.type === 'practice.settings-changed' && e.detail.practiceId === p.id,
    );
    expect(changed.map((e) => e.detail)).toEqual([
      expect.objectContaining({
        by: p.adminId,
        changed: 'name,defaults.invitationNote,defaults.updates,bounds.maxUpdates,retentionDays',
      }),
      expect.objectContaining({ by: p.adminId, changed: 'defaults.referrals' }),
    ]);
    expect(JSON.stringify(changed)).not.toContain('glad');
  });

  it('refuses a malformed PUT /practice, and defaults that a new arrangement could not keep to, naming each field', async () => {
    const p = await practice();
    for (const body of [{ retentionDays: 10 }, { colour: 'blue' }, { bounds: { maxUpdates: 13 } }]) {
      const res = await app.request('PUT', '/practice', { token: p.admin, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.json).toMatchObject({ status: 400, type: '/problems/validation' });
    }
    const retention = await app.request('PUT', '/practice', { token: p.admin, body: { retentionDays: 10 } });
    expect(retention.json.errors).toEqual([expect.objectContaining({ path: 'retentionDays' })]);

    const beyond = await app.request('PUT', '/practice', {
      token: p.admin,
      body: { defaults: { updates: { limit: 6 } }, bounds: { maxUpdates: 4, checkInFormats: ['session'] } },
    });
    expect(beyond.status).toBe(400);
    expect(beyond.json.errors.map((e: { path: string }) => e.path)).toEqual([
      'defaults.updates.limit',
      'defaults.checkIn.format',
    ]);
    expect(beyond.json.detail).toContain('more than the bound of 4');
    // Nothing was saved.
    expect((await app.request('GET', '/practice', { token: p.admin })).json.version).toBeNull();
  });

  it('lists the practice’s therapists with their own addresses and how many open arrangements each has', async () => {
    const p = await practice();
    await create(p.alice);
    const closed = await create(p.alice);
    await app.request('POST', `/policies/${closed.id}/close`, { token: p.alice });
    await create(p.alice);
    const res = await app.request('GET', '/practice/therapists', { token: p.admin });
    expect(res.status).toBe(200);
    expect(res.json.therapists).toEqual([
      expect.objectContaining({ id: p.adminId, name: 'Dr. Ada Admin', role: 'admin', openArrangements: 0 }),
      expect.objectContaining({ id: p.aliceId, email: p.aliceEmail, role: 'therapist', openArrangements: 2 }),
      expect.objectContaining({ id: p.bobId, status: 'active', openArrangements: 0, since: expect.any(String) }),
    ]);
  });

  it('invites a therapist, who then signs in as that member; a malformed invitation is a 400 problem', async () => {
    const p = await practice();
    const email = uniqueEmail('dr.cleo');
    const invited = await app.request('POST', '/practice/therapists', {
      token: p.admin,
      body: { email, name: 'Dr. Cleo Cedar', role: 'admin' },
    });
    expect(invited.status).toBe(201);
    expect(invited.json).toEqual({
      id: expect.any(String),
      name: 'Dr. Cleo Cedar',
      email,
      role: 'admin',
      status: 'active',
      since: expect.stringMatching(/^2026-11-20T15:/),
      invitation: 'invited',
    });
    const cleo = await app.signIn(email, 'Dr. Cleo Cedar', { role: 'admin', practice: p.id });
    expect((await app.request('GET', '/practice/therapists', { token: cleo })).status).toBe(200);
    expect(
      app.events.events.filter(
        (e) => e.type === 'practice.therapist-added' && e.detail.therapistId === invited.json.id,
      ),
    ).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ practiceId: p.id, by: p.adminId, role: 'admin' }) }),
    ]);

    for (const body of [{ email }, { email: 'not-an-address', name: 'X' }, { email, name: 'X', role: 'owner' }]) {
      const res = await app.request('POST', '/practice/therapists', { token: p.admin, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  it('refuses to invite an address that belongs to another practice, without naming that practice', async () => {
    const a = await practice();
    const b = await practice();
    const res = await app.request('POST', '/practice/therapists', {
      token: b.admin,
      body: { email: a.aliceEmail, name: 'Dr. Alice Ash' },
    });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ type: '/problems/state-conflict' });
    expect(res.json.detail).toContain('another practice');
    expect(res.text).not.toContain(a.id);
    // Alice is still Alice of the first practice.
    expect((await app.request('GET', '/policies', { token: a.alice })).status).toBe(200);
  });

  it('refuses to remove a therapist with open arrangements, and removes them once those are closed', async () => {
    const p = await practice();
    const one = await create(p.alice);
    const two = await create(p.alice);
    const refused = await app.request('DELETE', `/practice/therapists/${p.aliceId}`, { token: p.admin });
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ type: '/problems/state-conflict' });
    expect(refused.json.detail).toContain('2 open arrangements');
    expect(refused.json.detail).toContain('Hand them over');

    for (const id of [one.id, two.id]) await app.request('POST', `/policies/${id}/close`, { token: p.alice });
    const removed = await app.request('DELETE', `/practice/therapists/${p.aliceId}`, { token: p.admin });
    expect(removed.status).toBe(200);
    expect(removed.json).toEqual({ id: p.aliceId, status: 'removed' });
    // At once: the token Alice still holds opens nothing, and she cannot sign in again.
    const next = await app.request('GET', '/policies', { token: p.alice });
    expect(next.status).toBe(403);
    expect(next.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const again = await app.request('POST', '/local/sign-in', {
      body: { email: p.aliceEmail, name: 'Dr. Alice Ash', practice: p.id },
    });
    expect(again.status).toBe(403);
    const listed = await app.request('GET', '/practice/therapists', { token: p.admin });
    expect(listed.json.therapists.map((t: { id: string }) => t.id)).not.toContain(p.aliceId);
    // Removing again answers the same; her ended arrangements stay in the overview, under her name.
    expect((await app.request('DELETE', `/practice/therapists/${p.aliceId}`, { token: p.admin })).json).toEqual(
      removed.json,
    );
    const overview = await app.request('GET', '/practice/arrangements', { token: p.admin });
    expect(overview.json.arrangements.map((a: { therapistName: string }) => a.therapistName)).toEqual([
      'Dr. Alice Ash',
      'Dr. Alice Ash',
    ]);
    expect(
      app.events.events.filter((e) => e.type === 'practice.therapist-removed' && e.detail.practiceId === p.id),
    ).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ therapistId: p.aliceId, by: p.adminId }) }),
    ]);

    // Invited again, she is back: active, and able to sign in.
    const back = await app.request('POST', '/practice/therapists', {
      token: p.admin,
      body: { email: p.aliceEmail, name: 'Dr. Alice Ash' },
    });
    expect(back.status).toBe(201);
    expect(back.json).toMatchObject({ id: p.aliceId, status: 'active', role: 'therapist' });
    const signedIn = await app.signIn(p.aliceEmail, 'Dr. Alice Ash', { practice: p.id });
    expect((await app.request('GET', '/policies', { token: signedIn })).status).toBe(200);
  });

  it('does not let the last admin remove themselves, but lets one of two', async () => {
    const p = await practice();
    const alone = await app.request('DELETE', `/practice/therapists/${p.adminId}`, { token: p.admin });
    expect(alone.status).toBe(409);
    expect(alone.json.detail).toContain('last admin');
    const second = await app.signIn(uniqueEmail('dr.second'), 'Dr. Second Admin', { role: 'admin', practice: p.id });
    const ok = await app.request('DELETE', `/practice/therapists/${p.adminId}`, { token: p.admin });
    expect(ok.status).toBe(200);
    expect((await app.request('GET', '/practice', { token: p.admin })).status).toBe(403);
    expect((await app.request('GET', '/practice', { token: second })).status).toBe(200);
  });

  it('answers 404 for a therapist of another practice, or of none, on removal and handover', async () => {
    const a = await practice();
    const b = await practice();
    for (const id of [a.aliceId, 'local-00000000000000000000', 'a'.repeat(2000)]) {
      const res = await app.request('DELETE', `/practice/therapists/${id}`, { token: b.admin });
      expect(res.status, id).toBe(404);
      expect(res.json).toMatchObject({ type: '/problems/not-found' });
    }
    const malformed = await app.request('POST', '/practice/therapists/not%20an%20id/handover', {
      token: b.admin,
      body: { to: null },
    });
    expect(malformed.status).toBe(404);
    // Alice of the first practice was not touched.
    expect((await app.request('GET', '/policies', { token: a.alice })).status).toBe(200);
  });

  it('answers a malformed handover body with a 400 problem before anything is handed over', async () => {
    const p = await practice();
    for (const body of [{}, { to: 'not an id!' }, { to: null, colour: 'blue' }]) {
      const res = await app.request('POST', `/practice/therapists/${p.aliceId}/handover`, { token: p.admin, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  it('answers 403 to a therapist who is not an admin, on every admin route', async () => {
    const p = await practice();
    expect(ADMIN_ROUTES).toHaveLength(7);
    for (const route of ADMIN_ROUTES) {
      const res = await app.request(route.method, route.path(p.bobId), { token: p.alice, body: route.body });
      expect(res.status, `${route.method} ${route.path(':id')}`).toBe(403);
      expect(res.json).toMatchObject({ status: 403, type: '/problems/forbidden' });
    }
    // Nothing changed: Bob is still there.
    const listed = await app.request('GET', '/practice/therapists', { token: p.admin });
    expect(listed.json.therapists.map((t: { id: string }) => t.id)).toContain(p.bobId);
  });

  it('shows each arrangement as metadata with its therapist and what comes next, never the client’s name, address or words', async () => {
    const p = await practice();
    const made = await create(p.alice, { checkIn: { on: '2027-01-15', format: 'message' } });
    await app.request('POST', `/client/${await app.linkFor(made.client.email)}/accept`);
    const sent = await app.request('POST', `/client/${await app.linkFor(made.client.email)}/updates`, {
      body: { text: 'The lighthouse keeper waved back at me today.' },
    });
    expect(sent.status).toBe(201);
    const res = await app.request('GET', '/practice/arrangements', { token: p.admin });
    expect(res.status).toBe(200);
    expect(res.json.arrangements).toEqual([
      {
        policyId: made.id,
        therapistId: p.aliceId,
        therapistName: 'Dr. Alice Ash',
        state: 'active',
        createdAt: expect.stringMatching(/^2026-11-20T15:/),
        endedOn: '2026-11-20',
        closesOn: '2027-01-29',
        closedAt: null,
        updates: { used: 1, limit: 3, until: '2027-01-01' },
        checkIn: { on: '2027-01-15', status: 'pending' },
        pausedUntil: null,
        clientEmailStopped: false,
        next: { what: 'updates-close', on: '2027-01-01' },
      },
    ]);
    for (const secret of ['Wren', 'Halloway', made.client.email, 'lighthouse', '@'])
      expect(res.text, secret).not.toContain(secret);
  });

  it('keeps practices apart: an admin sees none of another practice’s therapists or arrangements', async () => {
    const a = await practice();
    const b = await practice();
    await create(a.alice);
    await create(b.bob);
    const aTherapists = await app.request('GET', '/practice/therapists', { token: a.admin });
    const aArrangements = await app.request('GET', '/practice/arrangements', { token: a.admin });
    expect(aTherapists.json.therapists.map((t: { id: string }) => t.id).sort()).toEqual(
      [a.adminId, a.aliceId, a.bobId].sort(),
    );
    expect(aArrangements.json.arrangements.map((x: { therapistId: string }) => x.therapistId)).toEqual([a.aliceId]);
    for (const id of [b.adminId, b.aliceId, b.bobId]) {
      expect(aTherapists.text).not.toContain(id);
      expect(aArrangements.text).not.toContain(id);
    }
    // A policy of another practice is as unknown to a therapist here as any other therapist's.
    const theirs = (await app.request('GET', '/policies', { token: b.bob })).json.policies[0].id as string;
    expect((await app.request('GET', `/policies/${theirs}`, { token: a.admin })).status).toBe(404);
  });
});

describe('a practice’s defaults and bounds on its therapists’ arrangements', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp({ now: '2026-11-20T15:00:00Z' });
  });
  afterAll(() => app.close());

  /** A practice with settings saved by its admin, and one therapist of it. */
  async function practiceWith(settings: Record<string, unknown>) {
    const id = `p-${randomUUID().slice(0, 8)}`;
    const admin = await app.signIn(uniqueEmail('dr.admin'), 'Dr. Ada Admin', { role: 'admin', practice: id });
    const saved = await app.request('PUT', '/practice', { token: admin, body: settings });
    if (saved.status !== 200) throw new Error(`setup failed: ${saved.text}`);
    const therapist = await app.signIn(uniqueEmail('dr.tess'), 'Dr. Tess Thorn', { practice: id });
    return { id, admin, therapist };
  }

  const body = (extra: Record<string, unknown> = {}) => ({
    client: { name: 'Robin', email: uniqueEmail('robin') },
    endedOn: '2026-11-20',
    timeZone: 'Europe/London',
    ...extra,
  });

  const BOUNDED = {
    defaults: { updates: { limit: 3, maxCharacters: 800 }, checkIn: { format: 'session' } },
    bounds: { maxUpdates: 4, maxCharacters: 800, maxWindowDays: 60, checkInFormats: ['session'] },
  };

  it('refuses a new arrangement beyond a bound with 409 outside-practice-bounds, naming the bound in words', async () => {
    const p = await practiceWith(BOUNDED);
    const res = await app.request('POST', '/policies', { token: p.therapist, body: body({ updates: { limit: 6 } }) });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.json).toMatchObject({
      type: '/problems/outside-practice-bounds',
      reason: 'outside-practice-bounds',
      bound: 'maxUpdates',
      allowed: 4,
      breaches: [{ bound: 'maxUpdates', allowed: 4, offered: 6 }],
    });
    expect(res.json.detail).toContain('Your practice allows at most 4 updates');

    const several = await app.request('POST', '/policies', {
      token: p.therapist,
      body: body({ updates: { maxCharacters: 1200, until: '2027-03-01' }, checkIn: { format: 'message' } }),
    });
    expect(several.json).toMatchObject({
      reason: 'outside-practice-bounds',
      bound: 'maxCharacters',
      allowed: 800,
      breaches: [
        { bound: 'maxCharacters', allowed: 800, offered: 1200 },
        { bound: 'maxWindowDays', allowed: 60, offered: 102 },
        { bound: 'checkInFormats', allowed: ['session'], offered: 'message' },
      ],
    });
    expect(several.json.detail).toContain('only as a check-in session');
    expect((await app.request('GET', '/policies', { token: p.therapist })).json.policies).toEqual([]);
  });

  it('says the same in the preview, beside the field, before anything is saved', async () => {
    const p = await practiceWith(BOUNDED);
    const res = await app.request('POST', '/policies/preview', {
      token: p.therapist,
      body: body({ updates: { limit: 6 } }),
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      ok: false,
      reason: 'outside-practice-bounds',
      bound: 'maxUpdates',
      allowed: 4,
      errors: [{ path: 'updates.limit', message: expect.stringContaining('at most 4 updates') }],
    });
    const fine = await app.request('POST', '/policies/preview', { token: p.therapist, body: body() });
    expect(fine.json).toMatchObject({ ok: true, rules: { updates: { limit: 3, maxCharacters: 800 } } });
  });

  it('refuses a change beyond a bound, in the preview and the PATCH alike', async () => {
    const p = await practiceWith(BOUNDED);
    const created = await app.request('POST', '/policies', { token: p.therapist, body: body() });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    const change = { updates: { limit: 5 } };
    const preview = await app.request('POST', `/policies/${id}/preview-change`, { token: p.therapist, body: change });
    expect(preview.json).toMatchObject({ ok: false, reason: 'outside-practice-bounds', bound: 'maxUpdates' });
    const patched = await app.request('PATCH', `/policies/${id}`, { token: p.therapist, body: change });
    expect(patched.status).toBe(409);
    expect(patched.json).toMatchObject({
      reason: 'outside-practice-bounds',
      bound: 'maxUpdates',
      allowed: 4,
      breaches: [{ bound: 'maxUpdates', allowed: 4, offered: 5 }],
    });
    expect((await app.request('GET', `/policies/${id}`, { token: p.therapist })).json.rules.updates.limit).toBe(3);
    const within = await app.request('PATCH', `/policies/${id}`, {
      token: p.therapist,
      body: { updates: { limit: 4 } },
    });
    expect(within.status).toBe(200);
  });

  it('starts a new arrangement from the practice’s defaults, with the therapist’s own on top and the request over both', async () => {
    const referrals = [{ name: 'Harbour Clinic', contact: '555-0142' }];
    const p = await practiceWith({
      defaults: {
        updates: { limit: 2, windowDays: 28 },
        referrals,
        crisisLocale: 'GB',
        invitationNote: 'Our practice is glad you stay in touch.',
        closingNote: 'Go gently, from all of us.',
      },
    });
    const fromPractice = await app.request('POST', '/policies', { token: p.therapist, body: body() });
    expect(fromPractice.json.rules).toMatchObject({
      updates: { limit: 2, until: '2026-12-18' },
      referrals,
      crisisLocale: 'GB',
      invitationNote: 'Our practice is glad you stay in touch.',
      closingNote: 'Go gently, from all of us.',
    });

    await app.request('PUT', '/profile', {
      token: p.therapist,
      body: { defaultRules: { updates: { limit: 1 }, closingNote: 'Take care of yourself.' } },
    });
    const withMine = await app.request('POST', '/policies', { token: p.therapist, body: body() });
    expect(withMine.json.rules).toMatchObject({
      updates: { limit: 1, until: '2026-12-18' },
      referrals,
      crisisLocale: 'GB',
      invitationNote: 'Our practice is glad you stay in touch.',
      closingNote: 'Take care of yourself.',
    });

    const asked = await app.request('POST', '/policies', {
      token: p.therapist,
      body: body({ updates: { limit: 3 }, crisisLocale: 'IE', invitationNote: null }),
    });
    expect(asked.json.rules).toMatchObject({ updates: { limit: 3 }, crisisLocale: 'IE', invitationNote: null });

    // Once the therapist chooses a crisis locale themselves, theirs applies.
    await app.request('PUT', '/profile', { token: p.therapist, body: { crisisLocale: 'US' } });
    expect((await app.request('POST', '/policies', { token: p.therapist, body: body() })).json.rules.crisisLocale).toBe(
      'US',
    );
  });

  it('shows every therapist their role and the practice’s defaults and bounds in GET /profile', async () => {
    const p = await practiceWith({ name: 'Northside Counselling', ...BOUNDED, retentionDays: 365 });
    const mine = await app.request('GET', '/profile', { token: p.therapist });
    expect(mine.status).toBe(200);
    expect(mine.json).toMatchObject({
      displayName: 'Dr. Tess Thorn',
      role: 'therapist',
      practice: {
        id: p.id,
        name: 'Northside Counselling',
        defaults: BOUNDED.defaults,
        bounds: BOUNDED.bounds,
        retentionDays: 365,
      },
    });
    const admin = await app.request('GET', '/profile', { token: p.admin });
    expect(admin.json).toMatchObject({ role: 'admin', practice: mine.json.practice });
  });
});
