/**
 * An update that could not be passed on (email path). The client's words come back in full,
 * with the reason in plain words and what is possible next. Never a scolding.
 */
import { allowance } from '../../domain/enforcement.js';
import { isTerminal } from '../../domain/policy.js';
import {
  describeAllowance,
  REFUSED_UPDATE_FALLBACK,
  REFUSED_UPDATE_UNKNOWN,
  refusedMail,
} from '../../wording/client.js';
import { shortName } from '../escape.js';
import { h, p, quote, type Block } from '../layout.js';
import { snapshot } from '../read-data.js';
import { checkInAhead, clientEmail, currentLimits, pageButton, referralBlocks, type ClientTemplate } from './common.js';

export const updateRefused: ClientTemplate = (ctx) => {
  const { policy, today } = ctx;
  const therapist = policy.therapist.name;
  const data = snapshot<'update-refused'>(ctx.data);
  const reason = data.text('reason', '');
  const detail = data.text('detail', '').trim() || REFUSED_UPDATE_FALLBACK[reason] || REFUSED_UPDATE_UNKNOWN;
  const text = data.text('text', '');

  const next: Block[] = [];
  const a = allowance(policy, today);
  if (policy.state === 'active' && a.nextAllowedOn) {
    next.push(p(describeAllowance(a, today)));
    if (reason === 'too-long') next.push(p(refusedMail.shorterFits(policy.rules.updates.maxCharacters)));
  } else if (policy.state === 'active' || isTerminal(policy.state)) {
    // No further update fits: point to what is still ahead, and let the words stay theirs.
    const ahead = policy.state === 'active' ? checkInAhead(policy, today) : null;
    if (ahead && !detail.includes(ahead)) next.push(p(ahead));
    next.push(p(refusedMail.wordsStillYours));
  }
  // Invited or paused: the detail already says when updates open.
  if (!isTerminal(policy.state)) next.push(pageButton(ctx));

  const quoted: Block[] = text.trim() ? [h(refusedMail.youWroteHeading), p(refusedMail.youWrote), quote(text)] : [];
  return clientEmail(ctx, {
    subject: refusedMail.subject(shortName(therapist)),
    heading: refusedMail.heading,
    body: [
      p(refusedMail.notPassedOn(therapist, detail)),
      ...quoted,
      h(refusedMail.nextHeading),
      ...next,
      ...referralBlocks(policy),
    ],
    limits: { lines: currentLimits(ctx, { allowance: null }) },
  });
};
