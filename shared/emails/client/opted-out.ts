/** Confirms a stop: nothing more will be sent; referrals and crisis resources to take along. */
import { shortName } from '../escape.js';
import { p } from '../layout.js';
import { clientEmail, endedLines, greeting, referralBlocks, type ClientTemplate } from './common.js';

export const optedOut: ClientTemplate = (ctx) => {
  const { policy } = ctx;
  const therapist = policy.therapist.name;
  return clientEmail(ctx, {
    subject: `Emails stopped: your arrangement with ${shortName(therapist)}`,
    heading: 'All emails have stopped',
    body: [
      greeting(policy),
      p(`You asked to stop all emails from your arrangement with ${therapist}, so it has ended. This is the last email you will get from it.`),
      p(`That was yours to choose, and it is completely fine. ${therapist} will be told that the arrangement has ended.`),
      ...referralBlocks(policy),
      p('Take good care of yourself.'),
    ],
    limits: { heading: 'Where things stand', lines: endedLines() },
  });
};
