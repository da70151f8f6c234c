/**
 * An update that could not be passed on (email path). The client's words come back in full,
 * with the reason in plain words and what is possible next. Never a scolding.
 */
import { allowance } from '../../domain/enforcement.js';
import { isTerminal } from '../../domain/policy.js';
import { describeAllowance } from '../../domain/wording.js';
import { shortName } from '../escape.js';
import { h, p, quote, type Block } from '../layout.js';
import { snapshot } from '../read-data.js';
import { capitalise, checkInAhead, clientEmail, currentLimits, pageButton, referralBlocks, type ClientTemplate } from './common.js';

/** Used only when the snapshot has no detail of its own. */
const FALLBACK_DETAIL: Record<string, string> = {
  'not-active': 'Updates are not open at the moment.',
  'outside-window': 'It arrived outside the time set for updates.',
  'too-long': 'It is longer than this arrangement allows.',
  'limit-reached': 'All the updates this arrangement allows have been sent.',
  'too-soon': 'It arrived sooner after your last update than this arrangement allows.',
};

export const updateRefused: ClientTemplate = (ctx) => {
  const { policy, today } = ctx;
  const therapist = policy.therapist.name;
  const data = snapshot<'update-refused'>(ctx.data);
  const reason = data.text('reason', '');
  const detail = data.text('detail', '').trim() || FALLBACK_DETAIL[reason] || 'It could not be passed on this time.';
  const text = data.text('text', '');

  const next: Block[] = [];
  const a = allowance(policy, today);
  if (policy.state === 'active' && a.nextAllowedOn) {
    next.push(p(capitalise(describeAllowance(a, today))));
    if (reason === 'too-long') {
      next.push(p(`Each update can be up to ${policy.rules.updates.maxCharacters.toLocaleString('en-US')} characters, so a shorter version will fit.`));
    }
  } else if (policy.state === 'active' || isTerminal(policy.state)) {
    // No further update fits: point to what is still ahead, and let the words stay theirs.
    const ahead = policy.state === 'active' ? checkInAhead(policy, today) : null;
    if (ahead && !detail.includes(ahead)) next.push(p(ahead));
    next.push(p('Your words are still yours. You might keep them, or share them with someone you trust.'));
  }
  // Invited or paused: the detail already says when updates open.
  if (!isTerminal(policy.state)) next.push(pageButton(ctx));

  const quoted: Block[] = text.trim() ? [h('What you wrote'), p('Here are your words in full, so nothing is lost:'), quote(text)] : [];
  return clientEmail(ctx, {
    subject: `About your update to ${shortName(therapist)}`,
    heading: 'Your update could not be sent this time',
    body: [
      p(`Thank you for writing. This update could not be passed on to ${therapist}. ${detail}`),
      ...quoted,
      h('What you can do next'),
      ...next,
      ...referralBlocks(policy),
    ],
    limits: { lines: currentLimits(ctx, { allowance: null }) },
  });
};
