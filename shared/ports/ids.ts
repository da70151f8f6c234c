import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** Identifiers and capabilities. Client links carry 256 bits from the CSPRNG. */
export interface Ids {
  policyId(): string;
  jobId(): string;
  linkToken(): string;
}

export const cryptoIds: Ids = {
  policyId: () => randomUUID(),
  jobId: () => randomUUID(),
  linkToken: () => randomBytes(32).toString('base64url'),
};

/** Links are stored only as this hash; the token itself is never written or logged. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
