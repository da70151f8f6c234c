/** The check-in day, for the therapist. */
import { therapistCheckInDayMail as words } from '../../wording/therapist.js';
import { p, type Block } from '../layout.js';
import { sessionNote, therapistEmail, type TherapistTemplate } from './common.js';

export const therapistCheckInDay: TherapistTemplate = (ctx) => {
  const { policy } = ctx;
  const client = policy.client.name;
  const checkIn = policy.rules.checkIn;
  const body: Block[] = [];
  if (!checkIn) {
    body.push(p(words.noCheckIn));
  } else if (checkIn.format === 'message') {
    body.push(p(words.message(client)), p(words.messageWindow(client, checkIn.messageUntil)));
  } else {
    body.push(p(words.session(client)), p(words.arrangeIt), ...sessionNote(client, checkIn.note));
  }
  return therapistEmail(ctx, {
    title: words.title,
    body,
  });
};
