/** The client said yes: updates are open within the rules and the check-in is scheduled. */
import { formatDateWithWeekday } from '../../domain/dates.js';
import { describeUpdates } from '../../domain/wording.js';
import { shortName } from '../escape.js';
import { reminderDays } from '../facts.js';
import { p, type Block } from '../layout.js';
import { therapistEmail, type TherapistTemplate } from './common.js';

export const clientAccepted: TherapistTemplate = (ctx) => {
  const { policy } = ctx;
  const client = policy.client.name;
  const checkIn = policy.rules.checkIn;
  const body: Block[] = [p(`${client} accepted the arrangement. It is now active.`)];
  if (policy.rules.updates.limit > 0) body.push(p(`What ${client} was told about updates: “${describeUpdates(policy.rules)}”`));
  if (checkIn) {
    const reminders = checkIn.remindDaysBefore.length > 0 ? ` You will both get a reminder ${reminderDays(checkIn.remindDaysBefore)}.` : '';
    body.push(p(`The check-in is on ${formatDateWithWeekday(checkIn.on)}.${reminders}`));
  }
  return therapistEmail(ctx, {
    subject: `${shortName(client)} accepted the arrangement`,
    heading: `${client} accepted the arrangement`,
    body,
  });
};
