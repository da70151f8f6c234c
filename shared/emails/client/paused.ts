/** The therapist paused the arrangement: what is paused, until when if known, that nothing is lost. */
import { pausedMail } from '../../wording/client.js';
import { shortName } from '../escape.js';
import { p, quote } from '../layout.js';
import { snapshot } from '../read-data.js';
import { clientEmail, greeting, pageButton, type ClientTemplate } from './common.js';

export const paused: ClientTemplate = (ctx) => {
  const { policy } = ctx;
  const therapist = policy.therapist.name;
  const data = snapshot<'paused'>(ctx.data);
  const until = data.dateOrNull('until', policy.pause?.until ?? null);
  const note = data.text('note', policy.pause?.note ?? '');
  return clientEmail(ctx, {
    subject: pausedMail.subject(shortName(therapist)),
    heading: pausedMail.heading,
    body: [
      greeting(policy),
      p(pausedMail.paused(therapist, until)),
      ...(note ? [p(pausedMail.noteFrom(therapist)), quote(note)] : []),
      p(pausedMail.whilePaused),
      p(pausedMail.nothingLost),
      ...(until ? [] : [p(pausedMail.weWillTell)]),
      pageButton(ctx),
    ],
  });
};
