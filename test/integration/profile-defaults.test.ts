/**
 * The profile's defaults over HTTP: a window length, referrals and notes that a new arrangement
 * starts from (whatever the request gives wins), returned by GET /profile; and a profile stored
 * before these existed, which keeps working. One app; each test signs in its own therapist.
 */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

const DEFAULTS = {
  updates: { limit: 2, windowDays: 28 },
  referrals: [{ name: 'Harbour Clinic', contact: '555-0142' }],
  invitationNote: 'It was good to work with you.',
  closingNote: 'Go gently.',
};

describe('profile defaults', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp({ now: '2026-11-20T15:00:00Z' });
  });
  afterAll(() => app.close());

  const newPolicy = (token: string, extra: Record<string, unknown> = {}) =>
    app.request('POST', '/policies', {
      token,
      body: {
        client: { name: 'Robin', email: uniqueEmail('client') },
        endedOn: '2026-11-20',
        timeZone: 'America/New_York',
        ...extra,
      },
    });

  it('keeps the defaults and gives them back', async () => {
    const token = await app.signIn(uniqueEmail('dr.defaults'), 'Dr. Defaults');
    const put = await app.request('PUT', '/profile', { token, body: { defaultRules: DEFAULTS } });
    expect(put.status).toBe(200);
    expect(put.json.defaultRules).toEqual(DEFAULTS);
    expect((await app.request('GET', '/profile', { token })).json.defaultRules).toEqual(DEFAULTS);
  });

  it('starts a new arrangement from the defaults: the window length, the referrals and both notes', async () => {
    const token = await app.signIn(uniqueEmail('dr.defaults'), 'Dr. Defaults');
    await app.request('PUT', '/profile', { token, body: { defaultRules: DEFAULTS } });
    const created = await newPolicy(token);
    expect(created.status).toBe(201);
    expect(created.json.rules).toMatchObject({
      updates: { limit: 2, from: '2026-11-20', until: '2026-12-18' },
      referrals: DEFAULTS.referrals,
      invitationNote: DEFAULTS.invitationNote,
      closingNote: DEFAULTS.closingNote,
    });
    const preview = await app.request('POST', '/policies/preview', {
      token,
      body: { client: { name: 'Robin', email: uniqueEmail('client') }, endedOn: '2026-11-20' },
    });
    expect(preview.json.invitation.text).toContain('> It was good to work with you.');
  });

  it('lets what the request gives win over every default', async () => {
    const token = await app.signIn(uniqueEmail('dr.defaults'), 'Dr. Defaults');
    await app.request('PUT', '/profile', { token, body: { defaultRules: DEFAULTS } });
    const created = await newPolicy(token, {
      updates: { until: '2026-12-31' },
      referrals: [],
      invitationNote: null,
      closingNote: 'Take care.',
    });
    expect(created.json.rules).toMatchObject({
      updates: { limit: 2, until: '2026-12-31' },
      referrals: [],
      invitationNote: null,
      closingNote: 'Take care.',
    });
  });

  it('refuses a window length outside 1 to 365 days with a 400 naming it', async () => {
    const token = await app.signIn(uniqueEmail('dr.defaults'), 'Dr. Defaults');
    const res = await app.request('PUT', '/profile', {
      token,
      body: { defaultRules: { updates: { windowDays: 400 } } },
    });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toEqual(['defaultRules.updates.windowDays']);
  });

  it('reads a profile stored before these defaults existed, and starts from the service’s own', async () => {
    const email = uniqueEmail('dr.old');
    const token = await app.signIn(email, 'Dr. Old');
    const therapistId = (await app.request('GET', '/profile', { token })).json.therapistId as string;
    const old = {
      therapistId,
      email,
      displayName: 'Dr. Old',
      timeZone: 'America/New_York',
      crisisLocale: 'US',
      defaultRules: { updates: { limit: 4 }, replies: 'may-reply' },
    };
    await app.dynamo.send(
      new PutItemCommand({
        TableName: app.tableName,
        Item: marshall({ pk: `THERAPIST#${therapistId}`, sk: 'PROFILE', profile: old }),
      }),
    );
    const got = await app.request('GET', '/profile', { token });
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ displayName: 'Dr. Old', defaultRules: old.defaultRules });
    const created = await newPolicy(token);
    expect(created.json.rules).toMatchObject({
      updates: { limit: 4, until: '2027-01-01' },
      replies: 'may-reply',
      referrals: [],
      invitationNote: null,
      closingNote: null,
    });
  });
});
