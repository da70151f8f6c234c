/** The client's one check-in message, in full. */
import { isIsoDate } from '../../domain/dates.js';
import { checkInMessageMail as words } from '../../wording/therapist.js';
import { p, quote } from '../layout.js';
import { snapshot } from '../read-data.js';
import { therapistEmail, type TherapistTemplate } from './common.js';

export const checkInMessage: TherapistTemplate = (ctx) => {
  const { policy, today } = ctx;
  const client = policy.client.name;
  const data = snapshot<'check-in-message'>(ctx.data);
  const sentOn = data.text('sentOn', today);
  return therapistEmail(ctx, {
    title: words.title,
    body: [p(words.sentOn(client, isIsoDate(sentOn) ? sentOn : today)), quote(data.text('text', ''))],
  });
};
