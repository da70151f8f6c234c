/** The therapist changed an accepted arrangement: exactly what is different, in plain words. */
import { rulesChangedMail } from '../../wording/client.js';
import { shortName } from '../escape.js';
import { list, p } from '../layout.js';
import { snapshot } from '../read-data.js';
import { clientEmail, greeting, pageButton, type ClientTemplate } from './common.js';

export const rulesChanged: ClientTemplate = (ctx) => {
  const { policy } = ctx;
  const therapist = policy.therapist.name;
  const lines = snapshot<'rules-changed'>(ctx.data)
    .text('changes', '')
    .split('\n')
    .filter((line) => line.trim() !== '');
  return clientEmail(ctx, {
    subject: rulesChangedMail.subject(shortName(therapist)),
    heading: rulesChangedMail.heading,
    body: [
      greeting(policy),
      p(rulesChangedMail.intro(therapist)),
      list(lines),
      p(rulesChangedMail.rest),
      pageButton(ctx),
    ],
  });
};
