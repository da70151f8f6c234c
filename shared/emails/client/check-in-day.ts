/** The check-in day: the one check-in message can be sent now, or the session is today. */
import { checkInDayMail, NO_CHECK_IN } from '../../wording/client.js';
import { shortName } from '../escape.js';
import { p, type Block } from '../layout.js';
import { clientEmail, currentLimits, greeting, pageButton, sessionNote, type ClientTemplate } from './common.js';

export const checkInDay: ClientTemplate = (ctx) => {
  const { policy } = ctx;
  const therapist = policy.therapist.name;
  const checkIn = policy.rules.checkIn;
  const body: Block[] = [greeting(policy)];
  if (!checkIn) {
    body.push(p(NO_CHECK_IN), pageButton(ctx));
  } else if (checkIn.format === 'message') {
    body.push(
      p(checkInDayMail.message(therapist, checkIn.messageUntil)),
      p(checkInDayMail.asMuchAsYouLike(policy.rules.updates.maxCharacters)),
      pageButton(ctx, checkInDayMail.write),
    );
  } else {
    body.push(p(checkInDayMail.session(therapist)));
    body.push(...sessionNote(therapist, checkIn.note));
    body.push(pageButton(ctx));
  }
  return clientEmail(ctx, {
    subject: checkInDayMail.subject(shortName(therapist)),
    heading: checkInDayMail.heading,
    body,
    limits: { lines: currentLimits(ctx, { withCheckIn: !checkIn }) },
  });
};
