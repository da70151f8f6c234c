/** Confirms a stop: nothing more will be sent; referrals and crisis resources to take along. */
import { clientMail, optedOutMail, TAKE_CARE } from '../../wording/client.js';
import { shortName } from '../escape.js';
import { p } from '../layout.js';
import { clientEmail, endedLines, greeting, referralBlocks, type ClientTemplate } from './common.js';

export const optedOut: ClientTemplate = (ctx) => {
  const { policy } = ctx;
  const therapist = policy.therapist.name;
  return clientEmail(ctx, {
    subject: optedOutMail.subject(shortName(therapist)),
    heading: optedOutMail.heading,
    body: [
      greeting(policy),
      p(optedOutMail.stopped(therapist)),
      p(optedOutMail.yoursToChoose(therapist)),
      ...referralBlocks(policy),
      p(TAKE_CARE),
    ],
    limits: { heading: clientMail.whereThingsStand, lines: endedLines() },
  });
};
