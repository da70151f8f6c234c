/**
 * A therapist's reply to one of the client's messages (an update or the check-in message):
 * possible only when the client was told the therapist may reply, once per message, up to
 * the arrangement's length. Pure: the policy knows which messages exist and which have a reply.
 */
import { replyRefusals } from '../wording/therapist-answers.js';
import { NotFoundError, RefusalError, ValidationError } from './errors.js';
import type { Policy } from './policy.js';
import { countCharacters, hasControlCharacters, isBlank, normaliseMessage } from './text.js';

/** What a reply answers: an update by its number, or the one check-in message. */
export type ReplyTarget = { update: number } | { checkIn: true };

/** The policy's record of what has a reply: "update#2", "check-in". */
export const replyKey = (target: ReplyTarget): string => ('update' in target ? `update#${target.update}` : 'check-in');

export type ReplyDecision =
  { outcome: 'accepted'; text: string; characters: number } | { outcome: 'refused'; refusal: RefusalError };

function messageExists(policy: Policy, target: ReplyTarget): boolean {
  if ('update' in target) return target.update >= 1 && target.update <= policy.updatesAccepted;
  return policy.checkIn === 'sent' && policy.rules.checkIn?.format === 'message';
}

/** In this order: replies off → not active → no such message (404) → already replied → the text. */
export function decideReply(policy: Policy, target: ReplyTarget, rawText: string): ReplyDecision {
  const refuse = (refusal: RefusalError): ReplyDecision => ({ outcome: 'refused', refusal });
  if (policy.rules.replies !== 'may-reply') return refuse(new RefusalError('replies-off', replyRefusals.off));
  if (policy.state !== 'active')
    return refuse(new RefusalError('not-active', replyRefusals.notActive(policy.state), { state: policy.state }));
  if (!messageExists(policy, target)) throw new NotFoundError(replyRefusals.noSuchMessage);
  if ((policy.repliedTo ?? []).includes(replyKey(target)))
    return refuse(new RefusalError('already-replied', replyRefusals.already));
  const text = normaliseMessage(rawText);
  if (isBlank(text)) throw new ValidationError(replyRefusals.empty, [{ path: 'text', message: 'The reply is empty.' }]);
  if (hasControlCharacters(text))
    throw new ValidationError(replyRefusals.controlCharacters, [
      { path: 'text', message: 'Contains control characters.' },
    ]);
  const characters = countCharacters(text);
  const max = policy.rules.updates.maxCharacters;
  if (characters > max)
    return refuse(
      new RefusalError('too-long', replyRefusals.tooLong(characters, max), { limit: max, count: characters }),
    );
  return { outcome: 'accepted', text, characters };
}
