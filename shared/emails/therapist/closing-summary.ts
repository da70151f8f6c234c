/** A short summary when an arrangement closes, with when its data will be deleted. */
import { addDays } from '../../domain/dates.js';
import type { Policy } from '../../domain/policy.js';
import { closingSummaryMail as words, therapistMail } from '../../wording/therapist.js';
import { closedOn } from '../facts.js';
import { list, p } from '../layout.js';
import { snapshot } from '../read-data.js';
import { therapistEmail, type TherapistTemplate } from './common.js';

function checkInWords(policy: Policy, status: string): string {
  const c = policy.rules.checkIn;
  if (!c || status === 'none') return words.checkIn.none;
  switch (status) {
    case 'sent':
      return c.format === 'message' ? words.checkIn.messageSent(c.on) : words.checkIn.sessionDay(c.on);
    case 'skipped':
      return words.checkIn.skipped(c.on);
    default:
      return words.checkIn.notTaken(c.on);
  }
}

export const closingSummary: TherapistTemplate = (ctx) => {
  const { policy, today } = ctx;
  const client = policy.client.name;
  const data = snapshot<'closing-summary'>(ctx.data);
  const reason = data.text('reason', policy.closedReason ?? '');
  const received = data.number('updatesReceived', policy.updatesAccepted);
  const on = closedOn(policy, today, reason);
  const farewell =
    reason === 'opted-out'
      ? words.onlyConfirmation
      : policy.acceptedAt
        ? words.closingEmailSent(client, policy.rules.referrals.length > 0, policy.rules.closingNote !== null)
        : words.notAccepted(client);
  return therapistEmail(ctx, {
    title: words.title,
    body: [
      p(words.closed(client, reason, on)),
      list([
        words.received(received, policy.rules.updates.limit),
        checkInWords(policy, data.text('checkIn', policy.checkIn)),
      ]),
      p(farewell),
      p(words.deletion(policy.retentionDays, addDays(on, policy.retentionDays))),
    ],
    portalLabel: therapistMail.reviewOrExport,
  });
};
