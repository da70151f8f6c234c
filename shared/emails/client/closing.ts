/** The last email of an arrangement: a kind goodbye, where to find support, and that nothing more will come. */
import { formatDate } from '../../domain/dates.js';
import { shortName } from '../escape.js';
import { closedOn } from '../facts.js';
import { p } from '../layout.js';
import { clientEmail, endedLines, greeting, referralBlocks, type ClientTemplate } from './common.js';

export const closing: ClientTemplate = (ctx) => {
  const { policy, today } = ctx;
  const therapist = policy.therapist.name;
  const on = formatDate(closedOn(policy, today));
  const how =
    policy.closedReason === 'therapist'
      ? `${therapist} has brought your arrangement to a close, as of ${on}.`
      : `Your arrangement with ${therapist} came to its end on ${on}, as planned.`;
  return clientEmail(ctx, {
    subject: `Your arrangement with ${shortName(therapist)} has ended`,
    heading: `Your arrangement with ${therapist} has ended`,
    body: [
      greeting(policy),
      p(how),
      p('Endings can stir up a lot, even planned ones. Whatever you feel about this one makes sense.'),
      p('No more emails will be sent, and nothing more can be sent through your private page.'),
      ...referralBlocks(policy),
      p('Take good care of yourself.'),
    ],
    limits: { heading: 'Where things stand', lines: endedLines() },
  });
};
