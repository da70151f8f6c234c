/** The check-in day: the one check-in message can be sent now, or the session is today. */
import { formatDate } from '../../domain/dates.js';
import { shortName } from '../escape.js';
import { p, quote, type Block } from '../layout.js';
import { clientEmail, currentLimits, greeting, pageButton, type ClientTemplate } from './common.js';

export const checkInDay: ClientTemplate = (ctx) => {
  const { policy } = ctx;
  const therapist = policy.therapist.name;
  const checkIn = policy.rules.checkIn;
  const body: Block[] = [greeting(policy)];
  if (!checkIn) {
    body.push(p('This arrangement does not include a check-in.'), pageButton(ctx));
  } else if (checkIn.format === 'message') {
    body.push(
      p(
        `Today is your check-in day. From today until ${formatDate(checkIn.messageUntil)}, you can send ${therapist} one check-in message from your private page. ` +
          'It does not count as one of your updates.',
      ),
      p(
        `Write as much or as little as you like, up to ${policy.rules.updates.maxCharacters.toLocaleString('en-US')} characters. ` +
          'If you would rather not, you can skip the check-in on the same page.',
      ),
      pageButton(ctx, 'Write your check-in message'),
    );
  } else {
    body.push(p(`Today is your check-in session with ${therapist}.`));
    body.push(...(checkIn.note ? [p(`A note from ${therapist}:`), quote(checkIn.note)] : [p(`${therapist} will arrange the details with you.`)]));
    body.push(pageButton(ctx));
  }
  return clientEmail(ctx, {
    subject: `Today is your check-in with ${shortName(therapist)}`,
    heading: 'Today is your check-in',
    body,
    limits: { lines: currentLimits(ctx, { withCheckIn: !checkIn }) },
  });
};
