/** One accepted update, in full, with its number. */
import { isIsoDate } from '../../domain/dates.js';
import { describeReplies } from '../../wording/client.js';
import { therapistMail, updateReceivedMail as words } from '../../wording/therapist.js';
import { p, quote } from '../layout.js';
import { snapshot } from '../read-data.js';
import { therapistEmail, updatesLeft, type TherapistTemplate } from './common.js';

export const updateReceived: TherapistTemplate = (ctx) => {
  const { policy, today } = ctx;
  const client = policy.client.name;
  const data = snapshot<'update-received'>(ctx.data);
  const seq = data.number('seq', policy.updatesAccepted);
  const limit = policy.rules.updates.limit;
  const sentOn = data.text('sentOn', today);
  return therapistEmail(ctx, {
    title: (name) => words.title(name, seq, limit),
    body: [
      p(words.sentOn(client, isIsoDate(sentOn) ? sentOn : today, data.number('characters', 0))),
      quote(data.text('text', '')),
      p(words.left(seq, limit, updatesLeft(policy, seq))),
      p(therapistMail.clientWasTold(client, describeReplies(policy.rules, policy.therapist.name))),
    ],
  });
};
