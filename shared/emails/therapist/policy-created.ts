/** Confirms a new arrangement: what the client will read, and that they get one invitation only. */
import { describeRules } from '../../domain/wording.js';
import { shortName } from '../escape.js';
import { h, list, p } from '../layout.js';
import { therapistEmail, type TherapistTemplate } from './common.js';

export const policyCreated: TherapistTemplate = (ctx) => {
  const { policy } = ctx;
  const client = policy.client.name;
  const { referrals, timeZone } = policy.rules;
  return therapistEmail(ctx, {
    subject: `Arrangement created for ${shortName(client)}`,
    heading: `Arrangement created for ${client}`,
    body: [
      p(`${client} gets one invitation email now. Nothing else is sent to them unless they accept.`),
      h(`The rules, as ${client} reads them`),
      list(describeRules(policy.rules, policy.therapist.name)),
      p(`Reminders and other scheduled emails go out at 09:00 (${timeZone}).`),
      h('Referrals'),
      ...(referrals.length > 0
        ? [
            p(`${client} is given these at closing and whenever an update cannot be passed on:`),
            list(referrals.map((r) => (r.contact ? `${r.name}: ${r.contact}` : r.name))),
          ]
        : [p('No referrals are set. You can add them in the portal; the client is given them at closing and whenever an update cannot be passed on.')]),
    ],
  });
};
