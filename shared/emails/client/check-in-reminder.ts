/** A few days (or one) before the check-in: when it is and what it will be. */
import { formatDate, formatDateWithWeekday } from '../../domain/dates.js';
import { shortName } from '../escape.js';
import { whenFromNow } from '../facts.js';
import { p, quote, type Block } from '../layout.js';
import { snapshot } from '../read-data.js';
import { clientEmail, currentLimits, greeting, pageButton, type ClientTemplate } from './common.js';

export const checkInReminder: ClientTemplate = (ctx) => {
  const { policy } = ctx;
  const therapist = policy.therapist.name;
  const checkIn = policy.rules.checkIn;
  const when = whenFromNow(snapshot<'check-in-reminder'>(ctx.data).number('daysBefore', 1));
  const body: Block[] = [greeting(policy)];
  if (!checkIn) {
    body.push(p('This arrangement does not include a check-in, so there is nothing to prepare.'));
  } else if (checkIn.format === 'message') {
    body.push(
      p(`A gentle reminder: your check-in with ${therapist} is ${when}, on ${formatDateWithWeekday(checkIn.on)}.`),
      p(
        `From that day until ${formatDate(checkIn.messageUntil)}, you can send ${therapist} one check-in message from your private page. ` +
          'It does not count as one of your updates.',
      ),
      p('If you would rather not, you can skip the check-in on the same page. Either is fine.'),
    );
  } else {
    body.push(p(`A gentle reminder: your check-in session with ${therapist} is ${when}, on ${formatDateWithWeekday(checkIn.on)}.`));
    body.push(...(checkIn.note ? [p(`A note from ${therapist}:`), quote(checkIn.note)] : [p(`${therapist} will arrange the details with you.`)]));
  }
  body.push(pageButton(ctx));
  return clientEmail(ctx, {
    subject: `Your check-in with ${shortName(therapist)} is ${when}`,
    heading: `Your check-in is ${when}`,
    body,
    limits: { lines: currentLimits(ctx, { withCheckIn: !checkIn }) },
  });
};
