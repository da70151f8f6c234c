/** The one email a client gets before saying yes: who, what, until when, and how to answer. */
import { clientMail, describeRules, invitationMail } from '../../wording/client.js';
import { shortName } from '../escape.js';
import { p } from '../layout.js';
import { clientEmail, greeting, noteBlocks, pageButton, type ClientTemplate } from './common.js';

export const invitation: ClientTemplate = (ctx) => {
  const { policy } = ctx;
  const therapist = policy.therapist.name;
  return clientEmail(ctx, {
    subject: invitationMail.subject(shortName(therapist)),
    heading: invitationMail.subject(therapist),
    body: [
      greeting(policy),
      p(invitationMail.offer(therapist)),
      ...noteBlocks(therapist, policy.rules.invitationNote),
      p(invitationMail.noPressure),
    ],
    limits: { heading: invitationMail.offering(therapist), lines: describeRules(policy.rules, therapist) },
    afterLimits: [
      pageButton(ctx, clientMail.acceptOrDecline),
      p(invitationMail.onlyEmail),
      p(invitationMail.keepLinkPrivate),
    ],
  });
};
