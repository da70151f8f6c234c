/** The client said yes: updates are open within the rules and the check-in is scheduled. */
import { describeUpdates } from '../../wording/client.js';
import { clientAcceptedMail as words } from '../../wording/therapist.js';
import { p, type Block } from '../layout.js';
import { therapistEmail, type TherapistTemplate } from './common.js';

export const clientAccepted: TherapistTemplate = (ctx) => {
  const { policy } = ctx;
  const client = policy.client.name;
  const checkIn = policy.rules.checkIn;
  const body: Block[] = [p(words.active(client))];
  if (policy.rules.updates.limit > 0) body.push(p(words.toldAboutUpdates(client, describeUpdates(policy.rules))));
  if (checkIn) body.push(p(words.checkIn(checkIn.on, checkIn.remindDaysBefore)));
  return therapistEmail(ctx, {
    title: words.title,
    body,
  });
};
