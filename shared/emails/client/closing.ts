/** The last email of an arrangement: a kind goodbye, where to find support, and that nothing more will come. */
import { clientMail, closingMail, TAKE_CARE } from '../../wording/client.js';
import { shortName } from '../escape.js';
import { closedOn } from '../facts.js';
import { p } from '../layout.js';
import { clientEmail, endedLines, greeting, noteBlocks, referralBlocks, type ClientTemplate } from './common.js';

export const closing: ClientTemplate = (ctx) => {
  const { policy, today } = ctx;
  const therapist = policy.therapist.name;
  const on = closedOn(policy, today);
  const how =
    policy.closedReason === 'therapist'
      ? closingMail.closedByTherapist(therapist, on)
      : closingMail.endedAsPlanned(therapist, on);
  return clientEmail(ctx, {
    subject: closingMail.subject(shortName(therapist)),
    heading: closingMail.subject(therapist),
    body: [
      greeting(policy),
      p(how),
      ...noteBlocks(therapist, policy.rules.closingNote),
      p(closingMail.endingsStir),
      p(closingMail.nothingMore),
      ...referralBlocks(policy),
      p(TAKE_CARE),
    ],
    limits: { heading: clientMail.whereThingsStand, lines: endedLines() },
  });
};
