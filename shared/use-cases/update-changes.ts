/**
 * What a decided update writes, as plain data: the use case reads the policy and the clock,
 * these turn the decision into the change and the answer the client gets.
 */
import { allowance } from '../domain/enforcement.js';
import type { AppError, RefusalError } from '../domain/errors.js';
import type { IsoDate } from '../domain/dates.js';
import type { Policy } from '../domain/policy.js';
import { toProblem } from '../domain/problem.js';
import type { PolicyChange, StoredOutcome } from '../ports/store.js';
import { mail } from './mail.js';
import { next, type Decided } from './mutate.js';
import { toldOfUpdate, type TherapistChoice } from './tell-therapist.js';
import { clientView } from './views.js';

export interface AcceptedText {
  text: string;
  characters: number;
}

export function refusalOutcome(refusal: AppError): StoredOutcome {
  return { status: refusal.status, body: toProblem(refusal) };
}

/** The key goes into the same transaction as the change, so a retry finds what was decided. */
function keyed(keyHash: string | null, outcome: StoredOutcome): Pick<PolicyChange, 'idempotency'> {
  return keyHash ? { idempotency: { keyHash, outcome } } : {};
}

/** The receipt the client sees: which update this was and what is left after it. */
export function updateReceipt(updated: Policy, todayDate: IsoDate, characters: number) {
  const left = allowance(updated, todayDate);
  return {
    seq: updated.updatesAccepted,
    sentOn: todayDate,
    characters,
    updates: {
      limit: left.limit,
      used: left.used,
      left: left.left,
      nextAllowedOn: left.nextAllowedOn,
      windowUntil: left.windowUntil,
    },
    summary: clientView(updated, todayDate).summary.left,
  };
}

/**
 * An accepted update: stored, the quota consumed (conditional on the version read), the
 * therapist's copy and the client's receipt queued, the key recorded, all in one change.
 */
export function acceptedUpdate(
  policy: Policy,
  todayDate: IsoDate,
  accepted: AcceptedText,
  at: string,
  keyHash: string | null,
  choice: TherapistChoice,
): Decided<StoredOutcome> {
  const seq = policy.updatesAccepted + 1;
  const updated = next(policy, { updatesAccepted: seq, lastUpdateOn: todayDate });
  const receipt = updateReceipt(updated, todayDate, accepted.characters);
  const outcome: StoredOutcome = { status: 201, body: receipt };
  const { text, characters } = accepted;
  const told = toldOfUpdate(choice, policy, at, { seq, text, characters, sentOn: todayDate });
  return {
    result: outcome,
    change: {
      at,
      policy: updated,
      expectedVersion: policy.version,
      addUpdate: { seq, text, characters, sentOn: todayDate, receivedAt: at },
      events: [{ at, type: 'update-accepted', data: { seq } }],
      ...told,
      mails: [
        ...told.mails,
        mail('update-receipt', {
          seq,
          left: receipt.updates.left,
          limit: receipt.updates.limit,
          nextAllowedOn: receipt.updates.nextAllowedOn,
          windowUntil: receipt.updates.windowUntil,
          text,
        }),
      ],
      ...keyed(keyHash, outcome),
    },
  };
}

/**
 * A refused update that came by email: that path has no page to keep the words, so the reply
 * quotes them back. The key is recorded in the same transaction as that email, so a retry
 * never loses it.
 */
export function refusedByEmail(
  policy: Policy,
  refusal: RefusalError,
  text: string,
  at: string,
  keyHash: string | null,
): Decided<StoredOutcome> {
  const outcome = refusalOutcome(refusal);
  return {
    result: outcome,
    change: {
      at,
      policy: next(policy, {}),
      expectedVersion: policy.version,
      events: [{ at, type: 'update-refused', data: { reason: refusal.reason } }],
      mails: [
        mail('update-refused', {
          text,
          reason: refusal.reason,
          detail: refusal.message,
          nextAllowedOn: refusal.details.nextAllowedOn ?? null,
        }),
      ],
      ...keyed(keyHash, outcome),
    },
  };
}
