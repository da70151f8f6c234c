/**
 * Local sign-in: stands in for Cognito. Tokens are HMAC-signed claims with the names Cognito
 * puts in an ID token (sub, email, name, custom:practice, cognito:groups, exp), in the shape
 * API Gateway hands them to a function (a list claim as one "[a b]" string), so handlers
 * cannot tell the difference. A token is accepted only in exactly the form it was issued in,
 * and only until it expires.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import { localTherapistId } from '../shared/adapters/local/identity.js';
import type { Role } from '../shared/domain/practice.js';

const claimsSchema = z.strictObject({
  sub: z.string(),
  email: z.string(),
  name: z.string(),
  'custom:practice': z.string(),
  'cognito:groups': z.optional(z.string()),
  iat: z.int(),
  exp: z.int(),
});
export type Claims = z.infer<typeof claimsSchema>;

/** As long as a working day: longer than Cognito's one hour, because locally nothing refreshes it. */
export const LOCAL_TOKEN_SECONDS = 12 * 60 * 60;

/** Two base64url parts; the second is a whole HMAC-SHA256 (32 bytes: 43 characters). Nothing before, between or after. */
const TOKEN_FORM = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/;

export interface SignIn {
  email: string;
  name: string;
  role?: Role | undefined;
  practice?: string | undefined;
}

export class LocalSigner {
  constructor(
    private readonly secret: Buffer = randomBytes(32),
    /** Real time, not the local clock: moving the clock three months ahead must not sign everyone out. */
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  signIn({ email, name, role = 'therapist', practice = 'default' }: SignIn): string {
    const iat = this.nowSeconds();
    const claims: Claims = {
      sub: localTherapistId(email),
      email,
      name,
      'custom:practice': practice,
      ...(role === 'admin' ? { 'cognito:groups': '[admin]' } : {}),
      iat,
      exp: iat + LOCAL_TOKEN_SECONDS,
    };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  verify(token: string): Claims | null {
    const [, payload, signature] = TOKEN_FORM.exec(token) ?? [];
    if (payload === undefined || signature === undefined) return null;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    let claims: Claims;
    try {
      claims = claimsSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    } catch {
      return null;
    }
    return claims.exp > this.nowSeconds() ? claims : null;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
