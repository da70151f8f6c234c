/** Confirms the arrangement has started and what the client can do now. */
import { acceptanceMail } from '../../wording/client.js';
import { shortName } from '../escape.js';
import { p } from '../layout.js';
import { clientEmail, greeting, pageButton, type ClientTemplate } from './common.js';

export const acceptance: ClientTemplate = (ctx) => {
  const { policy } = ctx;
  const therapist = policy.therapist.name;
  const checkIn = policy.rules.checkIn;
  const body = [
    greeting(policy),
    p(acceptanceMail.thanks(therapist)),
    p(acceptanceMail.pageIsThere(policy.rules.updates.limit > 0)),
    pageButton(ctx),
  ];
  if (checkIn && checkIn.remindDaysBefore.length > 0) body.push(p(acceptanceMail.reminders(checkIn.remindDaysBefore)));
  return clientEmail(ctx, {
    subject: acceptanceMail.subject(shortName(therapist)),
    heading: acceptanceMail.subject(therapist),
    body,
  });
};
