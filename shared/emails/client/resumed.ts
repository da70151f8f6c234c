/** The pause is over (by the therapist, or on its end date): the arrangement is open again. */
import { resumedMail } from '../../wording/client.js';
import { shortName } from '../escape.js';
import { p } from '../layout.js';
import { clientEmail, greeting, pageButton, type ClientTemplate } from './common.js';

export const resumed: ClientTemplate = (ctx) => {
  const { policy } = ctx;
  const therapist = policy.therapist.name;
  return clientEmail(ctx, {
    subject: resumedMail.subject(shortName(therapist)),
    heading: resumedMail.heading,
    body: [greeting(policy), p(resumedMail.open(therapist)), pageButton(ctx)],
  });
};
