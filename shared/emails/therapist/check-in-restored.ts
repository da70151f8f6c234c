/** The client took back their skip: the check-in is on again. */
import { checkInRestoredMail as words } from '../../wording/therapist.js';
import { p } from '../layout.js';
import { therapistEmail, type TherapistTemplate } from './common.js';

export const checkInRestored: TherapistTemplate = (ctx) => {
  const { policy } = ctx;
  const checkIn = policy.rules.checkIn;
  return therapistEmail(ctx, {
    title: words.title,
    body: checkIn ? [p(words.restored(policy.client.name, checkIn.on, checkIn.format === 'session'))] : [],
  });
};
