/**
 * The local sign-in token, the stand-in for Cognito's ID token: accepted only in exactly the
 * form it was signed in, with every claim it must carry, until it expires; and how a handler
 * reads the claims of any verified token (signedInFrom).
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signedInFrom } from '../../functions/http/handler.js';
import { LOCAL_TOKEN_SECONDS, LocalSigner } from '../../local/auth.js';
import { apiEvent } from '../../local/api-event.js';
import { localTherapistId } from '../../shared/adapters/local/identity.js';
import { UnauthorizedError } from '../../shared/domain/errors.js';

const SECRET = Buffer.alloc(32, 7);
const T0 = 1_795_000_000;

/** A signer on a clock the test moves. */
function signerAt(seconds = T0, secret = SECRET) {
  const clock = { now: seconds };
  return { signer: new LocalSigner(secret, () => clock.now), clock };
}

/** A token for any payload, signed with the test's secret the way the signer signs. */
function signedAs(payload: string, secret = SECRET): string {
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
}

const encode = (claims: unknown) => Buffer.from(JSON.stringify(claims)).toString('base64url');

/** One character changed, to another the encoding allows, so only the content differs. */
const changeAt = (text: string, index: number) =>
  `${text.slice(0, index)}${text[index] === 'A' ? 'B' : 'A'}${text.slice(index + 1)}`;

describe('the local sign-in token', () => {
  const { signer } = signerAt();
  const token = signer.signIn({ email: 'Dana@Practice.example', name: 'Dana Reyes' });
  const [payload = '', signature = ''] = token.split('.');

  it('verifies exactly as signed, with the claims Cognito’s ID token would carry', () => {
    expect(signer.verify(token)).toEqual({
      sub: localTherapistId('Dana@Practice.example'),
      email: 'Dana@Practice.example',
      name: 'Dana Reyes',
      'custom:practice': 'default',
      iat: T0,
      exp: T0 + LOCAL_TOKEN_SECONDS,
    });
  });

  it('carries the practice and, for an admin, the admin group as API Gateway passes a list', () => {
    const admin = signer.verify(
      signer.signIn({ email: 'lee@north.example', name: 'Lee', role: 'admin', practice: 'northside' }),
    );
    expect(admin).toMatchObject({ 'custom:practice': 'northside', 'cognito:groups': '[admin]' });
    const therapist = signer.verify(signer.signIn({ email: 'kim@north.example', name: 'Kim', practice: 'northside' }));
    expect(therapist).toMatchObject({ 'custom:practice': 'northside' });
    expect(therapist).not.toHaveProperty('cognito:groups');
  });

  it.each([
    ['a trailing ".x"', `${token}.x`],
    ['a third part', `${token}.${signature}`],
    ['a leading space', ` ${token}`],
    ['a trailing space', `${token} `],
    ['a trailing newline', `${token}\n`],
    ['a space inside', `${payload}. ${signature}`],
    ['the signature alone', signature],
    ['the payload alone', payload],
    ['an empty string', ''],
    ['a changed character in the payload', `${changeAt(payload, 10)}.${signature}`],
    ['a changed character in the signature', `${payload}.${changeAt(signature, 5)}`],
    ['a shortened signature', `${payload}.${signature.slice(0, -1)}`],
    ['the signature in standard base64', `${payload}.${createHmac('sha256', SECRET).update(payload).digest('base64')}`],
  ])('refuses the token with %s', (_what, tampered) => {
    expect(tampered).not.toBe(token);
    expect(signer.verify(tampered)).toBeNull();
  });

  it('refuses the same claims re-encoded with padding or in standard base64 (+ and /), even signed', () => {
    // Characters whose bytes encode to "+" and "/", and a length that needs padding.
    const claims = { ...signer.verify(token), name: 'Dana ~~~ ??? >>> Reyes!' };
    const standard = Buffer.from(JSON.stringify(claims)).toString('base64');
    expect(standard).toMatch(/[+/]/);
    expect(standard).toMatch(/=$/);
    const urlForm = encode(claims);
    expect(signer.verify(signedAs(urlForm))).toMatchObject({ name: 'Dana ~~~ ??? >>> Reyes!' });
    for (const other of [standard, `${urlForm}=`, `${urlForm}==`]) {
      expect(signer.verify(signedAs(other))).toBeNull();
      expect(signer.verify(`${other}.${signedAs(urlForm).split('.')[1]}`)).toBeNull();
    }
  });

  it('refuses a token signed with another secret', () => {
    const other = signerAt(T0, Buffer.alloc(32, 9)).signer;
    const theirs = other.signIn({ email: 'Dana@Practice.example', name: 'Dana Reyes' });
    expect(other.verify(theirs)).not.toBeNull();
    expect(signer.verify(theirs)).toBeNull();
  });

  it('accepts a token until the second it expires, and never after', () => {
    const { signer: timed, clock } = signerAt();
    const fresh = timed.signIn({ email: 'dana@practice.example', name: 'Dana' });
    clock.now = T0 + LOCAL_TOKEN_SECONDS - 1;
    expect(timed.verify(fresh)).not.toBeNull();
    clock.now = T0 + LOCAL_TOKEN_SECONDS;
    expect(timed.verify(fresh)).toBeNull();
    clock.now = T0 + 30 * 24 * 60 * 60;
    expect(timed.verify(fresh)).toBeNull();
  });

  const complete = {
    sub: 'local-1',
    email: 'dana@practice.example',
    name: 'Dana',
    'custom:practice': 'default',
    iat: T0,
    exp: T0 + 60,
  };

  it.each(['sub', 'email', 'name', 'custom:practice', 'iat', 'exp'])(
    'refuses a correctly signed token whose claims lack %s',
    (field) => {
      const claims: Record<string, unknown> = { ...complete };
      delete claims[field];
      expect(signer.verify(signedAs(encode(complete)))).not.toBeNull();
      expect(signer.verify(signedAs(encode(claims)))).toBeNull();
    },
  );

  it.each([
    ['an extra claim', { ...complete, 'cognito:username': 'dana' }],
    ['a group list that is not one string', { ...complete, 'cognito:groups': ['admin'] }],
    ['an expiry that is not a whole number', { ...complete, exp: T0 + 0.5 }],
    ['an expiry given as text', { ...complete, exp: String(T0 + 60) }],
  ])('refuses a correctly signed token with %s', (_what, claims) => {
    expect(signer.verify(signedAs(encode(claims)))).toBeNull();
  });

  it('refuses a correctly signed payload that is not JSON', () => {
    expect(signer.verify(signedAs(Buffer.from('not json').toString('base64url')))).toBeNull();
  });
});

describe('reading the signed-in therapist from verified claims', () => {
  const event = (claims: Record<string, unknown> | undefined) =>
    apiEvent({ method: 'GET', url: new URL('http://localhost/policies'), headers: {}, body: '', claims });
  const base = { sub: 'th-1', email: 'dana@practice.example', name: 'Dana Reyes' };

  it('names the therapist and takes no practice or admin group from a token without them', () => {
    expect(signedInFrom(event(base))).toEqual({
      id: 'th-1',
      email: 'dana@practice.example',
      name: 'Dana Reyes',
      practiceHint: null,
      adminHint: false,
    });
  });

  it.each([
    ['an array', ['other', 'admin'], true],
    ['API Gateway’s "[admin other]" string', '[admin other]', true],
    ['a string of one group', '[admin]', true],
    ['a list without admin', '[other]', false],
    ['a group that only starts like it', '[administrators]', false],
    ['an empty list', '[]', false],
    ['an array without admin', ['therapists'], false],
    ['something that is no list at all', 42, false],
  ])('reads the groups claim given as %s', (_what, groups, admin) => {
    expect(signedInFrom(event({ ...base, 'cognito:groups': groups })).adminHint).toBe(admin);
  });

  it('takes the practice claim when it is a practice id', () => {
    expect(signedInFrom(event({ ...base, 'custom:practice': 'northside' })).practiceHint).toBe('northside');
  });

  it.each([
    ['capitals and spaces', 'North Side'],
    ['an empty string', ''],
    ['a number', 7],
    ['too long', 'p'.repeat(41)],
    ['a key separator', 'north#side'],
  ])('answers 401 to a practice claim with %s', (_what, practice) => {
    expect(() => signedInFrom(event({ ...base, 'custom:practice': practice }))).toThrow(UnauthorizedError);
  });

  it.each([
    ['no claims at all', undefined],
    ['no sub', { email: base.email }],
    ['no email', { sub: base.sub }],
    ['a sub that is not text', { ...base, sub: 12 }],
  ])('answers 401 to %s', (_what, claims) => {
    expect(() => signedInFrom(event(claims))).toThrow(UnauthorizedError);
  });

  it('falls back to the address’s first part when the token has no name', () => {
    expect(signedInFrom(event({ sub: 'th-1', email: 'dana@practice.example' })).name).toBe('dana');
  });
});
