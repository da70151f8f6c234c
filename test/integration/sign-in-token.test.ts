/**
 * The local sign-in token over HTTP: an expired or altered token is answered 401
 * problem+json before any handler runs, as API Gateway's JWT authorizer does in AWS; the
 * exact token works until it expires. The signer's clock is the test's, not the local clock
 * (moving that one ahead must not sign anyone out).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_TOKEN_SECONDS, LocalSigner } from '../../local/auth.js';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

describe('the local sign-in token over HTTP', () => {
  let app: App;
  const signedAt = Math.floor(Date.now() / 1000);
  const clock = { now: signedAt };

  beforeAll(async () => {
    app = await startApp({ signer: new LocalSigner(randomBytes(32), () => clock.now) });
  });
  afterAll(() => app.close());

  const expectUnauthorized = async (token: string) => {
    const res = await app.request('GET', '/policies', { token });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.json).toMatchObject({ status: 401, type: '/problems/unauthorized' });
  };

  it('works in exactly the form it was given, and is refused once it expires', async () => {
    clock.now = signedAt;
    const token = await app.signIn(uniqueEmail('dr.time'), 'Dr. Ines Time');
    clock.now = signedAt + LOCAL_TOKEN_SECONDS - 1;
    expect((await app.request('GET', '/policies', { token })).status).toBe(200);
    clock.now = signedAt + LOCAL_TOKEN_SECONDS;
    await expectUnauthorized(token);
    // The local clock moving three months ahead changes nothing for a fresh token.
    clock.now = signedAt;
    app.clock.set(new Date(Date.parse('2026-11-20T15:00:00Z') + 90 * 86_400_000));
    expect((await app.request('GET', '/policies', { token })).status).toBe(200);
  });

  it.each([
    ['a trailing ".x"', (t: string) => `${t}.x`],
    ['a changed character in its claims', (t: string) => `${t.slice(0, 8)}${t[8] === 'A' ? 'B' : 'A'}${t.slice(9)}`],
    ['a changed character in its signature', (t: string) => `${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`],
    ['its claims re-encoded with padding', (t: string) => t.replace('.', '=.')],
    ['its claims made to say admin', (t: string) => adminClaims(t)],
  ])('answers 401 problem+json to a token with %s', async (_what, tamper) => {
    clock.now = signedAt;
    const token = await app.signIn(uniqueEmail('dr.tamper'), 'Dr. Tam Per');
    const tampered = tamper(token);
    expect(tampered).not.toBe(token);
    await expectUnauthorized(tampered);
    expect((await app.request('GET', '/policies', { token })).status).toBe(200);
  });

  it('signs in from the page as an admin of a named practice, and says on the page why it cannot', async () => {
    clock.now = signedAt;
    const email = uniqueEmail('admin.page');
    const form = (fields: Record<string, string>) =>
      app.request('POST', '/local/sign-in', {
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        raw: new URLSearchParams(fields).toString(),
      });

    const page = await app.request('GET', '/local/sign-in');
    expect(page.text).toContain('name="practice"');
    expect(page.text).toContain('value="admin"');

    const signedIn = await form({ name: 'Kim Admin', email, practice: 'lakeside', role: 'admin' });
    expect(signedIn.status).toBe(303);
    const token = decodeURIComponent(/#token=(.+)$/.exec(signedIn.headers.get('location') ?? '')?.[1] ?? '');
    const profile = await app.request('GET', '/profile', { token });
    expect(profile.json).toMatchObject({ role: 'admin', practice: { id: 'lakeside' } });

    const elsewhere = await form({ name: 'Kim Admin', email, practice: 'hillside', role: 'admin' });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.headers.get('content-type')).toContain('text/html');
    expect(elsewhere.text).toContain('This address already belongs to the practice');
  });
});

/** The same token with its claims rewritten to the admin group of another practice, the signature kept. */
function adminClaims(token: string): string {
  const [payload = '', signature = ''] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const forged = { ...claims, 'custom:practice': 'other', 'cognito:groups': '[admin]' };
  return `${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
}
