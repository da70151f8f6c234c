/** The client chose to skip the check-in. */
import { formatDate } from '../../domain/dates.js';
import { shortName } from '../escape.js';
import { p } from '../layout.js';
import { therapistEmail, type TherapistTemplate } from './common.js';

export const checkInSkipped: TherapistTemplate = (ctx) => {
  const { policy } = ctx;
  const client = policy.client.name;
  const checkIn = policy.rules.checkIn;
  const planned = checkIn ? ` planned for ${formatDate(checkIn.on)}` : '';
  const consequence =
    checkIn?.format === 'session' ? 'There is no session to arrange.' : 'No check-in message will come.';
  return therapistEmail(ctx, {
    subject: `${shortName(client)} skipped the check-in`,
    heading: `${client} skipped the check-in`,
    body: [
      p(`${client} chose to skip the check-in${planned}. ${consequence}`),
      p(`The rest of the arrangement continues until ${formatDate(policy.rules.closesOn)}.`),
    ],
  });
};
