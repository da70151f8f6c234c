/** A fresh private link (the therapist reissued it); earlier links stop working. */
import { clientMail, newLinkMail } from '../../wording/client.js';
import { shortName } from '../escape.js';
import { p } from '../layout.js';
import { clientEmail, greeting, pageButton, type ClientTemplate } from './common.js';

export const newLink: ClientTemplate = (ctx) => {
  const { policy } = ctx;
  const therapist = policy.therapist.name;
  const label = policy.state === 'invited' ? clientMail.acceptOrDecline : clientMail.openPage;
  return clientEmail(ctx, {
    subject: newLinkMail.subject(shortName(therapist)),
    heading: newLinkMail.heading,
    body: [greeting(policy), p(newLinkMail.replaces(therapist)), pageButton(ctx, label), p(newLinkMail.unchanged)],
  });
};
