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
});
