/**
 * The practice's goodbye when it closed the arrangement because the therapist left: that it
 * has ended and why, the practice's note, where to find support (the practice's referrals and
 * the arrangement's own), and that nothing more will come. Sent in the practice's name.
 */
import type { PracticeClosing } from '../../domain/policy.js';
import { clientMail, closedByPracticeMail, closingMail, practiceMail, TAKE_CARE } from '../../wording/client.js';
import { shortName } from '../escape.js';
import { closedOn } from '../facts.js';
import { p, quote } from '../layout.js';
import { clientEmail, endedLines, greeting, referralList, type ClientTemplate } from './common.js';

export const closedByPractice: ClientTemplate = (ctx) => {
  const { policy, today } = ctx;
  const former = policy.therapist.name;
  // Written with the close, which nothing changes afterwards.
  const said: PracticeClosing = policy.closedByPractice ?? {
    practiceName: '',
    note: null,
    referrals: policy.rules.referrals,
  };
  const practice = said.practiceName;
  const invited = policy.acceptedAt === null;
  const subject = invited ? closedByPracticeMail.invitedSubject : closedByPracticeMail.subject;
  return clientEmail(ctx, {
    subject: subject(shortName(former)),
    heading: subject(former),
    body: [
      greeting(policy),
      p(
        invited
          ? closedByPracticeMail.invitationEnded(practice, former)
          : closedByPracticeMail.ended(practice, former, closedOn(policy, today, 'therapist-left')),
      ),
      p(closedByPracticeMail.notYou),
      ...(said.note ? [p(practiceMail.noteFrom(practice)), quote(said.note)] : []),
      p(closingMail.nothingMore),
      ...referralList(said.referrals, practiceMail.suggests(practice)),
      p(TAKE_CARE),
    ],
    limits: { heading: clientMail.whereThingsStand, lines: endedLines() },
    signedBy: practiceMail.signedBy(practice),
  });
};
