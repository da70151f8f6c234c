/** One accepted update: in full with its number, or (a notice) only that it arrived. */
import { isIsoDate } from '../../domain/dates.js';
import { describeReplies } from '../../wording/client.js';
import { noticeMail, therapistMail, updateReceivedMail as words } from '../../wording/therapist.js';
import { p, quote } from '../layout.js';
import { snapshot } from '../read-data.js';
import {
  heldBackByHandover,
  neutralReference,
  therapistEmail,
  therapistNotice,
  updatesLeft,
  type TherapistEmailContext,
  type TherapistTemplate,
} from './common.js';

function facts(ctx: TherapistEmailContext) {
  const { policy, today } = ctx;
  const data = snapshot<'update-received'>(ctx.data);
  const seq = data.number('seq', policy.updatesAccepted);
  const sentOn = data.text('sentOn', today);
  return {
    data,
    seq,
    limit: policy.rules.updates.limit,
    sentOn: isIsoDate(sentOn) ? sentOn : today,
    // Jobs decided before the choice existed hold the words: they were written as full text.
    notice: data.text('style', 'full-text') === 'notice',
  };
}

export const updateReceived: TherapistTemplate = (ctx) => {
  const { policy } = ctx;
  const { data, seq, limit, sentOn, notice } = facts(ctx);
  const left = p(words.left(seq, limit, updatesLeft(policy, seq)));
  const heldBack = !notice && heldBackByHandover(policy, sentOn);
  if (notice || heldBack) {
    const { ref, arrangement } = neutralReference(policy);
    return therapistNotice(ctx, {
      title: noticeMail.updateTitle(ref),
      body: [p(noticeMail.update(arrangement, seq, limit, sentOn)), left, p(noticeMail.readInPortal)],
      ...(heldBack ? { why: noticeMail.whyAfterHandover } : {}),
    });
  }
  const client = policy.client.name;
  return therapistEmail(ctx, {
    title: (name) => words.title(name, seq, limit),
    body: [
      p(words.sentOn(client, sentOn, data.number('characters', 0))),
      quote(data.text('text', '')),
      left,
      p(therapistMail.clientWasTold(client, describeReplies(policy.rules, policy.therapist.name))),
    ],
  });
};
