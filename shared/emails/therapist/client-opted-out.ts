/**
 * The client stopped all emails, which closes the arrangement. No separate closing summary
 * follows an opt-out, so this email carries the summary's facts too.
 */
import { addDays } from '../../domain/dates.js';
import { clientOptedOutMail as words, therapistMail } from '../../wording/therapist.js';
import { closedOn } from '../facts.js';
import { p } from '../layout.js';
import { therapistEmail, type TherapistTemplate } from './common.js';

export const clientOptedOut: TherapistTemplate = (ctx) => {
  const { policy, today } = ctx;
  const client = policy.client.name;
  const on = closedOn(policy, today);
  return therapistEmail(ctx, {
    title: words.title,
    body: [
      p(words.closed(client, on)),
      p(words.confirmed(policy.rules.referrals.length > 0)),
      p(words.received(policy.updatesAccepted)),
      p(words.deletion(policy.retentionDays, addDays(on, policy.retentionDays))),
    ],
    portalLabel: therapistMail.reviewOrExport,
  });
};
