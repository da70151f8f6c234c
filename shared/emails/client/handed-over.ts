/**
 * The practice tells the client that a colleague took over when their therapist left: who
 * looks after the arrangement now, that its rules and what is left stay the same, the
 * practice's note. Sent in the practice's name; the arrangement's own sections name the colleague.
 */
import { handedOverMail, practiceMail } from '../../wording/client.js';
import { shortName } from '../escape.js';
import { p, quote } from '../layout.js';
import { snapshot } from '../read-data.js';
import { clientEmail, greeting, pageButton, type ClientTemplate } from './common.js';

export const handedOver: ClientTemplate = (ctx) => {
  const { policy } = ctx;
  const colleague = policy.therapist.name;
  const data = snapshot<'handed-over'>(ctx.data);
  const practice = data.text('practiceName', '');
  const former = data.text('formerTherapist', policy.handovers?.at(-1)?.from ?? colleague);
  const note = data.text('note', '');
  return clientEmail(ctx, {
    subject: handedOverMail.subject(shortName(former)),
    heading: handedOverMail.heading(colleague),
    body: [
      greeting(policy),
      p(handedOverMail.opening(practice, former)),
      // Read as things are when it goes out: a client who accepted meanwhile is no longer deciding.
      ...(policy.state === 'invited'
        ? [p(handedOverMail.offerStands(former, colleague)), p(handedOverMail.noPressure)]
        : [p(handedOverMail.takesOver(colleague)), p(handedOverMail.sameRules)]),
      ...(note ? [p(practiceMail.noteFrom(practice)), quote(note)] : []),
      ...(policy.updatesAccepted > 0 || policy.checkIn === 'sent' ? [p(handedOverMail.keptOnPage)] : []),
      p(handedOverMail.change),
      pageButton(ctx),
    ],
    signedBy: practiceMail.signedBy(practice),
  });
};
