/** The client's one check-in message: in full, or (a notice) only that it arrived. */
import { isIsoDate } from '../../domain/dates.js';
import { checkInMessageMail as words, noticeMail } from '../../wording/therapist.js';
import { p, quote } from '../layout.js';
import { snapshot } from '../read-data.js';
import {
  heldBackByHandover,
  neutralReference,
  therapistEmail,
  therapistNotice,
  type TherapistTemplate,
} from './common.js';

export const checkInMessage: TherapistTemplate = (ctx) => {
  const { policy, today } = ctx;
  const data = snapshot<'check-in-message'>(ctx.data);
  const raw = data.text('sentOn', today);
  const sentOn = isIsoDate(raw) ? raw : today;
  // Jobs decided before the choice existed hold the words: they were written as full text.
  const notice = data.text('style', 'full-text') === 'notice';
  const heldBack = !notice && heldBackByHandover(policy, sentOn);
  if (notice || heldBack) {
    const { ref, arrangement } = neutralReference(policy);
    return therapistNotice(ctx, {
      title: noticeMail.checkInTitle(ref),
      body: [p(noticeMail.checkIn(arrangement, sentOn)), p(noticeMail.readInPortal)],
      ...(heldBack ? { why: noticeMail.whyAfterHandover } : {}),
    });
  }
  const client = policy.client.name;
  return therapistEmail(ctx, {
    title: words.title,
    body: [p(words.sentOn(client, sentOn)), quote(data.text('text', ''))],
  });
};
