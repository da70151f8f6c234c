/** Confirms a new arrangement: what the client will read, and that they get one invitation only. */
import { DEFAULTS, type Policy } from '../../domain/policy.js';
import { describeRules } from '../../wording/client.js';
import { referralLine } from '../../wording/format.js';
import { policyCreatedMail as words } from '../../wording/therapist.js';
import { h, list, p, quote, type Block } from '../layout.js';
import { therapistEmail, type TherapistTemplate } from './common.js';

/** The therapist's own notes, only those they wrote: nothing claims a note that is not there. */
function notes(rules: Policy['rules'], client: string): Block[] {
  return [
    ...(rules.invitationNote ? [p(words.invitationNote(client)), quote(rules.invitationNote)] : []),
    ...(rules.closingNote ? [p(words.closingNoteSet(client))] : []),
  ];
}

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
      ...notes(policy.rules, client),
      p(words.sendTime(DEFAULTS.sendAt, timeZone)),
      h(words.referralsHeading),
      ...(referrals.length > 0
        ? [p(words.referralsGiven(client)), list(referrals.map(referralLine))]
        : [p(words.noReferrals)]),
    ],
  });
};
