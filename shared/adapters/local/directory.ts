/**
 * Locally the sign-in page is the directory: an invited therapist can sign in at once with
 * their address, and is the same therapist (the same id) when they do. Apart from the Cognito
 * adapter, so that what imports it (every function's deps) never loads the Cognito client.
 */
import type { TherapistDirectory } from '../../ports/operations.js';
import { localTherapistId } from './identity.js';

export const localDirectory: TherapistDirectory = {
  invite: async ({ email }) => ({ outcome: 'invited', therapistId: localTherapistId(email) }),
  remove: async () => {},
};
