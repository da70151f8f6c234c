/** Local mode's stand-in for Cognito's `sub`: the same address is always the same therapist. */
import { createHash } from 'node:crypto';

export const localTherapistId = (email: string) =>
  `local-${createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 20)}`;
