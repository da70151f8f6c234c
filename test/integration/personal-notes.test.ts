/**
 * Personal notes over HTTP: the invitation note in the invitation, its preview and the invited
 * page; the closing note in the goodbye and on the page after it; the therapist told of a note
 * only when there is one. One app; each test makes its own arrangement.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

const INVITATION_NOTE = 'It was good to work with you.\nThis is here if you want it.';
const CLOSING_NOTE = 'I am glad of all you did. Go gently.';

describe('personal notes', () => {
  let app: App;
  let token: string;
  const therapistEmail = uniqueEmail('dr.amani');

  beforeAll(async () => {
    app = await startApp({ now: '2026-11-20T15:00:00Z' });
    token = await app.signIn(therapistEmail, 'Dr. Lena Amani');
  });
  afterAll(() => app.close());

  const body = (client: string, extra: Record<string, unknown> = {}) => ({
    client: { name: 'Robin', email: client },
    endedOn: '2026-11-20',
    timeZone: 'America/New_York',
    ...extra,
  });

  it('puts the invitation note in the invitation, the preview and the invited page, and tells the therapist', async () => {
    const client = uniqueEmail('client');
    const preview = await app.request('POST', '/policies/preview', {
      token,
      body: body(client, { invitationNote: `  ${INVITATION_NOTE}  ` }),
    });
    expect(preview.status).toBe(200);
    expect(preview.json.invitation.text).toContain(
      'A note from Dr. Lena Amani:\n\n> It was good to work with you.\n> This is here if you want it.',
    );

    const created = await app.request('POST', '/policies', {
      token,
      body: body(client, { invitationNote: INVITATION_NOTE }),
    });
    expect(created.status).toBe(201);
    expect(created.json.rules).toMatchObject({ invitationNote: INVITATION_NOTE, closingNote: null });
    const [invitation] = await app.mailTo(client);
    expect(invitation!.text).toContain('> It was good to work with you.');
    expect(invitation!.text).toContain('988');

    const link = await app.linkFor(client);
    expect((await app.request('GET', `/client/${link}`)).json.note).toBe(INVITATION_NOTE);
    const page = await app.request('GET', `/c/${link}`);
    expect(page.text).toContain('A note from Dr. Lena Amani:');
    expect(page.text).toContain('This is here if you want it.');

    const told = (await app.mailTo(therapistEmail)).at(-1)!;
    expect(told.text).toContain('Your note in the invitation, as Robin reads it:');
    expect(told.text).not.toContain('closing note');

    await app.request('POST', `/client/${link}/accept`);
    expect((await app.request('GET', `/client/${link}`)).json.note).toBeNull();
  });

  it('puts a closing note set later in the goodbye and on the page after it, and says so to the therapist', async () => {
    const client = uniqueEmail('client');
    const created = await app.request('POST', '/policies', { token, body: body(client) });
    const id = created.json.id as string;
    const link = await app.linkFor(client);
    await app.request('POST', `/client/${link}/accept`);
    const patched = await app.request('PATCH', `/policies/${id}`, { token, body: { closingNote: CLOSING_NOTE } });
    expect(patched.status).toBe(200);
    expect(patched.json.rules.closingNote).toBe(CLOSING_NOTE);

    await app.request('POST', `/policies/${id}/close`, { token });
    const goodbye = (await app.mailTo(client)).at(-1)!;
    expect(goodbye.subject).toContain('has ended');
    expect(goodbye.text).toContain(`A note from Dr. Lena Amani:\n\n> ${CLOSING_NOTE}`);
    expect(goodbye.text).toContain('988');
    expect((await app.request('GET', `/c/${link}`)).text).toContain(CLOSING_NOTE);
    const summary = (await app.mailTo(therapistEmail)).at(-1)!;
    expect(summary.text).toContain('Robin got a closing email with your note and crisis resources.');
  });

  it('leaves the closing note out after the client stopped all emails, and claims no note the therapist did not write', async () => {
    const stopped = uniqueEmail('client');
    await app.request('POST', '/policies', { token, body: body(stopped, { closingNote: CLOSING_NOTE }) });
    const stopLink = await app.linkFor(stopped);
    await app.request('POST', `/client/${stopLink}/accept`);
    await app.request('POST', `/client/${stopLink}/opt-out`);
    expect((await app.mailTo(stopped)).at(-1)!.text).not.toContain(CLOSING_NOTE);
    expect((await app.request('GET', `/c/${stopLink}/stop`)).text).not.toContain(CLOSING_NOTE);

    const plain = uniqueEmail('client');
    const created = await app.request('POST', '/policies', { token, body: body(plain) });
    await app.request('POST', `/client/${await app.linkFor(plain)}/accept`);
    await app.request('POST', `/policies/${created.json.id}/close`, { token });
    const summary = (await app.mailTo(therapistEmail)).at(-1)!;
    expect(summary.text).toContain('Robin got a closing email with crisis resources.');
    expect(summary.text).not.toMatch(/note/i);
  });

  it('takes a note away with null, and refuses one that is too long with a 400 naming it', async () => {
    const client = uniqueEmail('client');
    const created = await app.request('POST', '/policies', {
      token,
      body: body(client, { closingNote: CLOSING_NOTE }),
    });
    const id = created.json.id as string;
    expect(
      (await app.request('PATCH', `/policies/${id}`, { token, body: { closingNote: null } })).json.rules.closingNote,
    ).toBeNull();
    const tooLong = await app.request('PATCH', `/policies/${id}`, {
      token,
      body: { invitationNote: 'a'.repeat(1001) },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.errors.map((e: { path: string }) => e.path)).toEqual(['invitationNote']);
  });
});
