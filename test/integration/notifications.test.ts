/**
 * How a therapist hears of a new update or check-in message, as their profile chooses: a notice
 * (the default: that something arrived, with a portal link, and nothing of the client's words,
 * name or address) or the full text. One app; each test signs in its own therapist.
 */
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

const WORDS = 'The new job started and I thought of our talks.';
const CHECK_IN_WORDS = 'Three months on, mostly good days.';

describe('therapist notifications', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp({ now: '2026-11-20T15:00:00Z' });
  });
  afterAll(() => app.close());

  /** A therapist with `notifications` (or the default), and one accepted arrangement with a client called Robin Vale. */
  async function accepted(notifications?: string) {
    const therapist = uniqueEmail('dr.notice');
    const token = await app.signIn(therapist, 'Dr. Notice');
    if (notifications) {
      const res = await app.request('PUT', '/profile', { token, body: { notifications } });
      expect(res.json.notifications).toBe(notifications);
    }
    const client = uniqueEmail('robin.vale');
    const created = await app.request('POST', '/policies', {
      token,
      body: { client: { name: 'Robin Vale', email: client }, endedOn: '2026-11-20', timeZone: 'America/New_York' },
    });
    const link = await app.linkFor(client);
    await app.request('POST', `/client/${link}/accept`);
    return { token, therapist, client, link, id: created.json.id as string };
  }

  const lastTo = async (address: string) => (await app.mailTo(address)).at(-1)!;

  it('chooses notices by default, and says so on GET /profile', async () => {
    const token = await app.signIn(uniqueEmail('dr.notice'), 'Dr. Notice');
    expect((await app.request('GET', '/profile', { token })).json.notifications).toBe('notice');
  });

  it('tells of a new update without the client’s words, name or address, with a link to the arrangement', async () => {
    const { therapist, client, link, id } = await accepted();
    expect((await app.request('POST', `/client/${link}/updates`, { body: { text: WORDS } })).status).toBe(201);
    const notice = await lastTo(therapist);
    const everything = JSON.stringify({ subject: notice.subject, text: notice.text, html: notice.html });
    expect(notice.subject).toBe(`New update in arrangement ${id.slice(0, 8)}`);
    for (const secret of [WORDS, 'Robin', 'Vale', client]) expect(everything).not.toContain(secret);
    expect(notice.text).toMatch(new RegExp(`/portal#/policies/${id}`));
  });

  it('keeps no copy of the words in the email job when the therapist chose notices', async () => {
    const { link, id } = await accepted();
    await app.request('POST', `/client/${link}/updates`, { body: { text: WORDS } });
    const out = await app.dynamo.send(
      new QueryCommand({
        TableName: app.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :jobs)',
        ExpressionAttributeValues: { ':pk': { S: `POLICY#${id}` }, ':jobs': { S: 'JOB#MAIL#' } },
      }),
    );
    const toTherapist = (out.Items ?? [])
      .map((i) => unmarshall(i))
      .filter((j) => j.mail.template === 'update-received');
    expect(toTherapist).toHaveLength(1);
    expect(JSON.stringify(toTherapist)).not.toContain(WORDS);
  });

  it('tells of the check-in message the same way', async () => {
    const { therapist, link, id } = await accepted();
    app.clock.set(new Date('2027-02-20T15:00:00Z'));
    try {
      const res = await app.request('POST', `/client/${link}/check-in`, { body: { text: CHECK_IN_WORDS } });
      expect(res.status).toBe(201);
      const notice = await lastTo(therapist);
      expect(notice.subject).toBe(`Check-in message in arrangement ${id.slice(0, 8)}`);
      expect(`${notice.subject}${notice.text}${notice.html}`).not.toMatch(/Three months|Robin|Vale/);
    } finally {
      app.clock.set(new Date('2026-11-20T15:00:00Z'));
    }
  });

  it('gives the words in full to a therapist who chose them', async () => {
    const { therapist, link } = await accepted('full-text');
    await app.request('POST', `/client/${link}/updates`, { body: { text: WORDS } });
    const email = await lastTo(therapist);
    expect(email.subject).toBe('Update 1 of 3 from Robin Vale');
    expect(email.text).toContain(`> ${WORDS}`);
  });

  it('follows a change of choice from the next message on', async () => {
    const { token, therapist, link } = await accepted('full-text');
    await app.request('PUT', '/profile', { token, body: { notifications: 'notice' } });
    await app.request('POST', `/client/${link}/updates`, { body: { text: WORDS } });
    expect((await lastTo(therapist)).text).not.toContain(WORDS);
  });

  it('refuses a choice it does not know with a 400 naming it', async () => {
    const token = await app.signIn(uniqueEmail('dr.notice'), 'Dr. Notice');
    const res = await app.request('PUT', '/profile', { token, body: { notifications: 'pigeon' } });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toEqual(['notifications']);
  });
});
