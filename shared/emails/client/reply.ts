/** The therapist's reply to an update or the check-in message, sent by the service (never from their address). */
import { replyMail } from '../../wording/client.js';
import { shortName } from '../escape.js';
import { p, quote } from '../layout.js';
import { snapshot } from '../read-data.js';
import { clientEmail, greeting, pageButton, type ClientTemplate } from './common.js';

export const reply: ClientTemplate = (ctx) => {
  const { policy, today } = ctx;
  const therapist = policy.therapist.name;
  const data = snapshot<'reply'>(ctx.data);
  const seq = data.text('about', 'update') === 'check-in' ? null : data.number('seq', 0);
  return clientEmail(ctx, {
    subject: replyMail.subject(shortName(therapist)),
    heading: replyMail.heading(therapist),
    body: [
      greeting(policy),
      p(replyMail.about(therapist, seq, data.date('messageSentOn', today))),
      quote(data.text('text', '')),
      p(replyMail.onYourPage),
      pageButton(ctx),
    ],
  });
};
