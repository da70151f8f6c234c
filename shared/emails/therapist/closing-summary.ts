/** A short summary when an arrangement closes, with when its data will be deleted. */
import { addDays, formatDate } from '../../domain/dates.js';
import { DEFAULTS, type Policy } from '../../domain/policy.js';
import { shortName } from '../escape.js';
import { closedOn } from '../facts.js';
import { list, p } from '../layout.js';
import { snapshot } from '../read-data.js';
import { therapistEmail, type TherapistTemplate } from './common.js';

function reasonWords(reason: string, on: string): string {
  switch (reason) {
    case 'closing-date':
      return `it reached its closing date, ${on}`;
    case 'therapist':
      return `you closed it on ${on}`;
    case 'opted-out':
      return `the client stopped all emails on ${on}`;
    case 'declined':
      return 'the client declined it';
    default:
      return `it closed on ${on}`;
  }
}

function checkInWords(policy: Policy, status: string): string {
  const c = policy.rules.checkIn;
  if (!c || status === 'none') return 'Check-in: none was planned.';
  const date = formatDate(c.on);
  switch (status) {
    case 'sent':
      return c.format === 'message' ? `Check-in: the client sent their check-in message (check-in day ${date}).` : `Check-in: the session day was ${date}.`;
    case 'skipped':
      return `Check-in: the client chose to skip it (planned for ${date}).`;
    default:
      return `Check-in: it had not taken place by closing (planned for ${date}).`;
  }
}

export const closingSummary: TherapistTemplate = (ctx) => {
  const { policy, today } = ctx;
  const client = policy.client.name;
  const data = snapshot<'closing-summary'>(ctx.data);
  const reason = data.text('reason', policy.closedReason ?? '');
  const received = data.number('updatesReceived', policy.updatesAccepted);
  const on = closedOn(policy, today, reason);
  const limit = policy.rules.updates.limit;
  const farewell =
    reason === 'opted-out'
      ? 'As they stopped all emails, only a short confirmation was sent to them.'
      : policy.acceptedAt
        ? `${client} got a closing email with your referrals and crisis resources. Nothing more will be sent to them.`
        : `${client} had not accepted the arrangement, so no closing email was sent to them.`;
  return therapistEmail(ctx, {
    subject: `Arrangement with ${shortName(client)} closed`,
    heading: `Arrangement with ${client} closed`,
    body: [
      p(`The arrangement with ${client} is closed: ${reasonWords(reason, formatDate(on))}.`),
      list([`Updates received: ${received} of ${limit}.`, checkInWords(policy, data.text('checkIn', policy.checkIn))]),
      p(farewell),
      p(
        `Its data, including every update, will be deleted ${DEFAULTS.retentionDays} days after closing, on ${formatDate(addDays(on, DEFAULTS.retentionDays))}. ` +
          'You can export it from the portal before then.',
      ),
    ],
    portalLabel: 'Review or export this arrangement',
  });
};
