/** A therapist sees only their own policies: another's answers 404, as if it did not exist. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

describe('therapist isolation', () => {
  let app: App;
  let alice: string;
  let bob: string;
  let policyId: string;

  beforeAll(async () => {
    app = await startApp();
    alice = await app.signIn(uniqueEmail('alice'), 'Dr. Alice Moreau');
    bob = await app.signIn(uniqueEmail('bob'), 'Dr. Bob Tran');
    const created = await app.request('POST', '/policies', {
      token: alice,
      body: {
        client: { name: 'Robin', email: uniqueEmail('robin') },
        endedOn: '2026-11-20',
        timeZone: 'Europe/London',
      },
    });
    policyId = created.json.id;
  });
  afterAll(() => app.close());

  it.each([
    ['GET', ''],
    ['PATCH', ''],
    ['POST', '/pause'],
    ['POST', '/resume'],
    ['POST', '/close'],
    ['POST', '/reissue-link'],
    ['GET', '/export'],
  ])('answers 404 to %s /policies/{id}%s for another therapist’s policy', async (method, suffix) => {
    const res = await app.request(method, `/policies/${policyId}${suffix}`, {
      token: bob,
      ...(method === 'PATCH' ? { body: { replies: 'may-reply' } } : {}),
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('lists only the signed-in therapist’s own policies', async () => {
    const mine = await app.request('GET', '/policies', { token: alice });
    const theirs = await app.request('GET', '/policies', { token: bob });
    expect(mine.json.policies.map((p: { id: string }) => p.id)).toEqual([policyId]);
    expect(theirs.json.policies).toEqual([]);
  });

  it('left the policy untouched by the other therapist’s attempts', async () => {
    const res = await app.request('GET', `/policies/${policyId}`, { token: alice });
    expect(res.json).toMatchObject({ state: 'invited', rules: { replies: 'none' } });
    expect(res.json.history.map((h: { type: string }) => h.type)).toEqual(['invited']);
  });

  it('needs a valid sign-in for every therapist route', async () => {
    expect((await app.request('GET', '/policies')).status).toBe(401);
    expect((await app.request('GET', '/policies', { token: `${alice}x` })).status).toBe(401);
  });
});
