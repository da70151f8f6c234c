/** The client chose not to take part; nothing more goes to them. */
import { clientDeclinedMail as words } from '../../wording/therapist.js';
import { p } from '../layout.js';
import { therapistEmail, type TherapistTemplate } from './common.js';

export const clientDeclined: TherapistTemplate = (ctx) => {
  const client = ctx.policy.client.name;
  return therapistEmail(ctx, {
    title: words.title,
    body: [p(words.notTakingPart(client))],
  });
};
