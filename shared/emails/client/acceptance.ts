/** Confirms the arrangement has started and what the client can do now. */
import { shortName } from '../escape.js';
import { reminderDays } from '../facts.js';
import { p } from '../layout.js';
import { clientEmail, greeting, pageButton, type ClientTemplate } from './common.js';

export const acceptance: ClientTemplate = (ctx) => {
  const { policy } = ctx;
  const therapist = policy.therapist.name;
  const checkIn = policy.rules.checkIn;
  const canWrite = policy.rules.updates.limit > 0 ? 'send an update, ' : '';
  const body = [
    greeting(policy),
    p(`Thank you for accepting. Your arrangement with ${therapist} has started.`),
    p(`Your private page is always there for you: you can see what is left, ${canWrite}or stop all emails at any time.`),
    pageButton(ctx),
  ];
  if (checkIn && checkIn.remindDaysBefore.length > 0) {
    body.push(p(`We will remind you about your check-in ${reminderDays(checkIn.remindDaysBefore)}, and again on the day.`));
  }
  return clientEmail(ctx, {
    subject: `Your arrangement with ${shortName(therapist)} has started`,
    heading: `Your arrangement with ${therapist} has started`,
    body,
  });
};
