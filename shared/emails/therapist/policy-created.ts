/** Confirms a new arrangement: what the client will read, and that they get one invitation only. */
import { DEFAULTS } from '../../domain/policy.js';
import { describeRules } from '../../wording/client.js';
import { referralLine } from '../../wording/format.js';
import { policyCreatedMail as words } from '../../wording/therapist.js';
import { h, list, p } from '../layout.js';
import { therapistEmail, type TherapistTemplate } from './common.js';

export const policyCreated: TherapistTemplate = (ctx) => {
  const { policy } = ctx;
  const client = policy.client.name;
  const { referrals, timeZone } = policy.rules;
  return therapistEmail(ctx, {
    title: words.title,
    body: [
      p(words.oneInvitation(client)),
      h(words.rulesHeading(client)),
      list(describeRules(policy.rules, policy.therapist.name)),
      p(words.sendTime(DEFAULTS.sendAt, timeZone)),
      h(words.referralsHeading),
      ...(referrals.length > 0
        ? [p(words.referralsGiven(client)), list(referrals.map(referralLine))]
        : [p(words.noReferrals)]),
    ],
  });
};
