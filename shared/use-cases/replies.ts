/**
 * The therapist answers one of the client's messages: once per message, only when the
 * client was told the therapist may reply. The reply is stored beside the message and
 * emailed to the client by the service, so the therapist's own address stays private.
 */
import { NotFoundError } from '../domain/errors.js';
import { decideReply, replyKey, type ReplyTarget } from '../domain/replies.js';
import type { StoredOutcome } from '../ports/store.js';
import type { Deps, Therapist } from './deps.js';
import { idempotent, recordRefusal } from './idempotent.js';
import { mail } from './mail.js';
import { mutatePolicy, next } from './mutate.js';
import { refusalOutcome } from './update-changes.js';

export interface ReplyInput {
  inReplyTo: ReplyTarget;
  text: string;
}

/** The day the answered message was written (messages never change once stored). */
async function messageSentOn(deps: Deps, policyId: string, target: ReplyTarget): Promise<string | null> {
  const { updates, checkInMessage } = await deps.store.getConversation(policyId);
  if ('update' in target) return updates.find((u) => u.seq === target.update)?.sentOn ?? null;
  return checkInMessage?.sentOn ?? null;
}

export async function replyToMessage(
  deps: Deps,
  therapist: Therapist,
  policyId: string,
  input: ReplyInput,
  idempotencyKey: string | null,
): Promise<StoredOutcome> {
  // Ownership first: a stored answer under the same key is only ever replayed to its own therapist.
  const current = await deps.store.getPolicy(policyId);
  if (!current || current.therapistId !== therapist.id) throw new NotFoundError('No policy with that id.');
  const sentOn = await messageSentOn(deps, policyId, input.inReplyTo);
  return idempotent(deps, policyId, idempotencyKey, (keyHash) =>
    mutatePolicy(deps, policyId, async (policy) => {
      if (policy.therapistId !== therapist.id) throw new NotFoundError('No policy with that id.');
      const decision = decideReply(policy, input.inReplyTo, input.text);
      if (decision.outcome === 'refused') {
        deps.log.info('reply.refused', { policyId, reason: decision.refusal.reason });
        return { result: await recordRefusal(deps, policyId, keyHash, refusalOutcome(decision.refusal)), change: null };
      }
      // decideReply found the message on the policy; its record is written before the policy says so.
      if (!sentOn) throw new NotFoundError('There is no such message from the client in this arrangement.');
      const at = deps.clock.now().toISOString();
      const key = replyKey(input.inReplyTo);
      const reply = { inReplyTo: input.inReplyTo, text: decision.text, characters: decision.characters, sentAt: at };
      const outcome: StoredOutcome = { status: 201, body: reply };
      const about = 'update' in input.inReplyTo ? ('update' as const) : ('check-in' as const);
      return {
        result: outcome,
        change: {
          at,
          policy: next(policy, { repliedTo: [...(policy.repliedTo ?? []), key] }),
          expectedVersion: policy.version,
          addReply: reply,
          events: [{ at, type: 'replied', data: { to: key } }],
          mails: [
            mail('reply', {
              text: decision.text,
              about,
              seq: 'update' in input.inReplyTo ? input.inReplyTo.update : 0,
              messageSentOn: sentOn,
            }),
          ],
          ...(keyHash ? { idempotency: { keyHash, outcome } } : {}),
        },
      };
    }),
  );
}
