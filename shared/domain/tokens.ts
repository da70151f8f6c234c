/** How a client link or reply token is kept: only its SHA-256, so the service itself cannot re-create a link. */
import { createHash } from 'node:crypto';

/** Links are stored only as this hash; the token itself is never written or logged. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
