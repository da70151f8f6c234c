/** Before the check-in: what the client may do (message) or what to arrange (session). */
import { formatDate, formatDateWithWeekday } from '../../domain/dates.js';
import { shortName } from '../escape.js';
import { whenFromNow } from '../facts.js';
import { p, quote, type Block } from '../layout.js';
import { snapshot } from '../read-data.js';
import { therapistEmail, type TherapistTemplate } from './common.js';

export const therapistCheckInReminder: TherapistTemplate = (ctx) => {
  const { policy } = ctx;
  const client = policy.client.name;
  const checkIn = policy.rules.checkIn;
  const when = whenFromNow(snapshot<'therapist-check-in-reminder'>(ctx.data).number('daysBefore', 1));
  const body: Block[] = [];
  if (!checkIn) {
    body.push(p(`This arrangement has no check-in, so there is nothing to prepare.`));
  } else if (checkIn.format === 'message') {
    body.push(
      p(`The check-in with ${client} is ${when}, on ${formatDateWithWeekday(checkIn.on)}.`),
      p(`From that day until ${formatDate(checkIn.messageUntil)}, ${client} may send you one check-in message. It will come to you by email.`),
      p(`${client} has been reminded too.`),
    );
  } else {
    body.push(
      p(`The check-in session with ${client} is ${when}, on ${formatDateWithWeekday(checkIn.on)}.`),
      p('Please remember to arrange it, if you have not already.'),
      ...(checkIn.note ? [p(`Your note, as ${client} reads it:`), quote(checkIn.note)] : []),
    );
  }
  return therapistEmail(ctx, {
    subject: `Check-in with ${shortName(client)} ${when}`,
    heading: `Check-in with ${client} ${when}`,
    body,
  });
};
