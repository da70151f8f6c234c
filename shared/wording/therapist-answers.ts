/**
 * What the service answers a therapist when an action cannot be done as asked (the API's
 * problem details, shown by the portal). Plain and specific: what stands in the way and what can be done.
 */
import { formatDate } from '../domain/dates.js';
import type { RuleChange } from '../domain/rule-changes.js';
import { count, plural } from './format.js';

export const replyRefusals = {
  off: 'This arrangement tells the client that you will not reply, so replies are off. To reply, change "replies" to "may reply" first; the client will be told.',
  notActive: (state: string) => `This arrangement is ${state}, so no reply can be sent now.`,
  noSuchMessage: 'There is no such message from the client in this arrangement.',
  already: 'You have already replied to this message. Each message can have one reply.',
  empty: 'Please write something before sending.',
  controlCharacters: 'The reply contains characters that cannot be sent. Please remove them and try again.',
  tooLong: (characters: number, max: number) =>
    `Your reply is ${count(characters)} characters; replies in this arrangement can be up to ${count(max)}, the same as the client's updates.`,
};

/** One thing a rule change would take back, in a few words with before → after. */
export function reductionDetail(change: RuleChange): string {
  switch (change.what) {
    case 'limit':
      return `fewer updates (${change.from} → ${change.to})`;
    case 'maxCharacters':
      return `fewer characters per update (${count(change.from)} → ${count(change.to)})`;
    case 'minDaysBetween':
      return `a longer wait between updates (${plural(change.from, 'day')} → ${plural(change.to, 'day')})`;
    case 'window':
      return `a shorter update window (${formatDate(change.from.from)}–${formatDate(change.from.until)} → ${formatDate(change.to.from)}–${formatDate(change.to.until)})`;
    case 'checkIn':
      return change.to && change.from
        ? `an earlier check-in (${formatDate(change.from.on)} → ${formatDate(change.to.on)})`
        : 'the check-in removed';
    case 'closesOn':
      return `an earlier closing (${formatDate(change.from)} → ${formatDate(change.to)})`;
    default:
      return change.what;
  }
}

export const changeRefusals = {
  reducesPromise: (details: string[]) =>
    `This change takes back something the client was told: ${details.join('; ')}. To make it anyway, confirm it (confirmReduce: true); the client will get one email that says exactly what changed.`,
  emailOnlyWhileInvited:
    'The client address can only be corrected before the client accepts. After that, the arrangement stays with the address they accepted from.',
};
