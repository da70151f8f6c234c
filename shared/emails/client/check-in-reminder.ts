/** A few days (or one) before the check-in: when it is and what it will be. */
import { reminderMail } from '../../wording/client.js';
import { whenFromNow } from '../../wording/format.js';
import { shortName } from '../escape.js';
import { p, type Block } from '../layout.js';
import { snapshot } from '../read-data.js';
import { clientEmail, currentLimits, greeting, pageButton, sessionNote, type ClientTemplate } from './common.js';

export const checkInReminder: ClientTemplate = (ctx) => {
  const { policy } = ctx;
  const therapist = policy.therapist.name;
  const checkIn = policy.rules.checkIn;
  const when = whenFromNow(snapshot<'check-in-reminder'>(ctx.data).number('daysBefore', 1));
  const body: Block[] = [greeting(policy)];
  if (!checkIn) {
    body.push(p(reminderMail.noCheckIn));
  } else if (checkIn.format === 'message') {
    body.push(
      p(reminderMail.message(therapist, when, checkIn.on)),
      p(reminderMail.messageWindow(therapist, checkIn.messageUntil)),
      p(reminderMail.skipIsFine),
    );
  } else {
    body.push(p(reminderMail.session(therapist, when, checkIn.on)));
    body.push(...sessionNote(therapist, checkIn.note));
  }
  body.push(pageButton(ctx));
  return clientEmail(ctx, {
    subject: reminderMail.subject(shortName(therapist), when),
    heading: reminderMail.heading(when),
    body,
    limits: { lines: currentLimits(ctx, { withCheckIn: !checkIn }) },
  });
};
