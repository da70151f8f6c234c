/** The check-in day, for the therapist. */
import { formatDate } from '../../domain/dates.js';
import { shortName } from '../escape.js';
import { p, quote, type Block } from '../layout.js';
import { therapistEmail, type TherapistTemplate } from './common.js';

export const therapistCheckInDay: TherapistTemplate = (ctx) => {
  const { policy } = ctx;
  const client = policy.client.name;
  const checkIn = policy.rules.checkIn;
  const body: Block[] = [];
  if (!checkIn) {
    body.push(p('This arrangement has no check-in.'));
  } else if (checkIn.format === 'message') {
    body.push(
      p(`Today is the check-in day with ${client}.`),
      p(`Until ${formatDate(checkIn.messageUntil)}, ${client} may send you one check-in message. It will come to you by email, and if they skip it you will be told.`),
    );
  } else {
    body.push(
      p(`Today is the check-in session with ${client}.`),
      p('Please make sure it is arranged.'),
      ...(checkIn.note ? [p(`Your note, as ${client} reads it:`), quote(checkIn.note)] : []),
    );
  }
  return therapistEmail(ctx, {
    subject: `Check-in with ${shortName(client)} today`,
    heading: `Check-in with ${client} today`,
    body,
  });
};
