/**
 * Local sign-in: stands in for Cognito. Tokens are HMAC-signed claims with the same
 * names Cognito puts in an ID token (sub, email, name), so handlers cannot tell the difference.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';

const claimsSchema = z.object({ sub: z.string(), email: z.string(), name: z.string() });
export type Claims = z.infer<typeof claimsSchema>;

export class LocalSigner {
  constructor(private readonly secret: Buffer = randomBytes(32)) {}

  /** The same address always signs in as the same therapist. */
  signIn(email: string, name: string): string {
    const claims: Claims = {
      sub: `local-${createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 20)}`,
      email,
      name,
    };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  verify(token: string): Claims | null {
    const [payload, signature] = token.split('.');
    if (!payload || !signature) return null;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      return claimsSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    } catch {
      return null;
    }
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
