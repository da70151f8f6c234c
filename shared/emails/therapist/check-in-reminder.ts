/** Before the check-in: what the client may do (message) or what to arrange (session). */
import { whenFromNow } from '../../wording/format.js';
import { therapistReminderMail as words } from '../../wording/therapist.js';
import { p, type Block } from '../layout.js';
import { snapshot } from '../read-data.js';
import { sessionNote, therapistEmail, type TherapistTemplate } from './common.js';

export const therapistCheckInReminder: TherapistTemplate = (ctx) => {
  const { policy } = ctx;
  const client = policy.client.name;
  const checkIn = policy.rules.checkIn;
  const when = whenFromNow(snapshot<'therapist-check-in-reminder'>(ctx.data).number('daysBefore', 1));
  const body: Block[] = [];
  if (!checkIn) {
    body.push(p(words.noCheckIn));
  } else if (checkIn.format === 'message') {
    body.push(
      p(words.message(client, when, checkIn.on)),
      p(words.messageWindow(client, checkIn.messageUntil)),
      p(words.remindedToo(client)),
    );
  } else {
    body.push(p(words.session(client, when, checkIn.on)), p(words.arrangeIt), ...sessionNote(client, checkIn.note));
  }
  return therapistEmail(ctx, {
    title: (name) => words.title(name, when),
    body,
  });
};
