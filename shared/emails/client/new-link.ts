/** A fresh private link (the therapist reissued it); earlier links stop working. */
import { shortName } from '../escape.js';
import { p } from '../layout.js';
import { clientEmail, greeting, pageButton, type ClientTemplate } from './common.js';

export const newLink: ClientTemplate = (ctx) => {
  const { policy } = ctx;
  const therapist = policy.therapist.name;
  const label = policy.state === 'invited' ? 'Accept or decline on your private page' : 'Open your private page';
  return clientEmail(ctx, {
    subject: `A new link for your arrangement with ${shortName(therapist)}`,
    heading: 'A new link to your private page',
    body: [
      greeting(policy),
      p(`Here is a new link to your private page for your arrangement with ${therapist}. It replaces any earlier links, which no longer work.`),
      pageButton(ctx, label),
      p('Nothing else about your arrangement has changed. Please keep the link to yourself: anyone who has it can open your page.'),
    ],
  });
};
