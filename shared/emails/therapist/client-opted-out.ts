/**
 * The client stopped all emails, which closes the arrangement. No separate closing summary
 * follows an opt-out, so this email carries the summary's facts too.
 */
import { addDays, formatDate } from '../../domain/dates.js';
import { DEFAULTS } from '../../domain/policy.js';
import { shortName } from '../escape.js';
import { closedOn } from '../facts.js';
import { p } from '../layout.js';
import { therapistEmail, type TherapistTemplate } from './common.js';

export const clientOptedOut: TherapistTemplate = (ctx) => {
  const { policy, today } = ctx;
  const client = policy.client.name;
  const on = closedOn(policy, today);
  const n = policy.updatesAccepted;
  return therapistEmail(ctx, {
    subject: `${shortName(client)} stopped all emails`,
    heading: `${client} stopped all emails`,
    body: [
      p(`${client} chose to stop all emails, so the arrangement closed on ${formatDate(on)}.`),
      p(`They got a short confirmation with your referrals and crisis resources. Nothing more will be sent to them.`),
      p(`${n === 1 ? '1 update was' : `${n} updates were`} received during the arrangement.`),
      p(
        `Its data will be deleted ${DEFAULTS.retentionDays} days after closing, on ${formatDate(addDays(on, DEFAULTS.retentionDays))}. ` +
          'You can export it from the portal before then.',
      ),
    ],
    portalLabel: 'Review or export this arrangement',
  });
};
