/** The client's one check-in message, in full. */
import { formatDate, isIsoDate } from '../../domain/dates.js';
import { shortName } from '../escape.js';
import { p, quote } from '../layout.js';
import { snapshot } from '../read-data.js';
import { therapistEmail, type TherapistTemplate } from './common.js';

export const checkInMessage: TherapistTemplate = (ctx) => {
  const { policy, today } = ctx;
  const client = policy.client.name;
  const data = snapshot<'check-in-message'>(ctx.data);
  const sentOn = data.text('sentOn', today);
  return therapistEmail(ctx, {
    subject: `Check-in message from ${shortName(client)}`,
    heading: `Check-in message from ${client}`,
    body: [
      p(`${client} sent their check-in message on ${formatDate(isIsoDate(sentOn) ? sentOn : today)}:`),
      quote(data.text('text', '')),
    ],
  });
};
