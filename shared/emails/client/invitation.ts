/** The one email a client gets before saying yes: who, what, until when, and how to answer. */
import { describeRules } from '../../domain/wording.js';
import { shortName } from '../escape.js';
import { p } from '../layout.js';
import { clientEmail, greeting, pageButton, type ClientTemplate } from './common.js';

export const invitation: ClientTemplate = (ctx) => {
  const { policy } = ctx;
  const therapist = policy.therapist.name;
  return clientEmail(ctx, {
    subject: `An invitation from ${shortName(therapist)}`,
    heading: `An invitation from ${therapist}`,
    body: [
      greeting(policy),
      p(
        `${therapist} would like to offer you a small, clear way to stay in touch now that your sessions have ended. ` +
          'It has simple limits, agreed in advance, so you both know what to expect.',
      ),
      p('Nothing is expected of you. You can accept, decline, or simply leave this email be.'),
    ],
    limits: { heading: `What ${therapist} is offering`, lines: describeRules(policy.rules, therapist) },
    afterLimits: [
      pageButton(ctx, 'Accept or decline on your private page'),
      p('This is the only email you will get unless you accept. If you decline, or do nothing, nothing more will be sent.'),
      p('The link is just for you. Please keep it to yourself: anyone who has it can open your page.'),
    ],
  });
};
