/** The client chose to skip the check-in. */
import { checkInSkippedMail as words } from '../../wording/therapist.js';
import { checkInLastDay } from '../../domain/policy.js';
import { p } from '../layout.js';
import { therapistEmail, type TherapistTemplate } from './common.js';

export const checkInSkipped: TherapistTemplate = (ctx) => {
  const { policy } = ctx;
  const client = policy.client.name;
  const checkIn = policy.rules.checkIn;
  return therapistEmail(ctx, {
    title: words.title,
    body: [
      p(words.skipped(client, checkIn ? checkIn.on : null, checkIn?.format === 'session')),
      p(words.continues(policy.rules.closesOn)),
      ...(checkIn ? [p(words.mayUndo(checkInLastDay(checkIn)))] : []),
    ],
  });
};
