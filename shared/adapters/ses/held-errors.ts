/**
 * SES's "not now" answers, told apart by the SDK's exception classes and turned into the
 * port's MailHeldError (cause kept), so the dispatcher holds mail instead of spending its tries.
 */
import {
  AccountSuspendedException,
  LimitExceededException,
  SendingPausedException,
  TooManyRequestsException,
} from '@aws-sdk/client-sesv2';
import { MailHeldError, type HoldReason } from '../../ports/sending.js';

function holdReason(err: unknown): HoldReason | null {
  if (err instanceof TooManyRequestsException) return 'throttled';
  if (err instanceof SendingPausedException || err instanceof AccountSuspendedException) return 'paused';
  if (err instanceof LimitExceededException) return 'throttled';
  // SES's documented quota answer is a ThrottlingException saying "Daily message quota exceeded" or
  // "Maximum sending rate exceeded" (docs: manage-sending-quotas-errors); it has no class of its own.
  if (err instanceof Error && (err.name === 'ThrottlingException' || err.name === 'Throttling'))
    return /daily/i.test(err.message) ? 'daily-quota' : 'throttled';
  return null;
}

/** Rethrows SES's "not now" as MailHeldError; anything else unchanged. */
export function asHeld(err: unknown): unknown {
  const reason = holdReason(err);
  return reason ? new MailHeldError(reason, { cause: err }) : err;
}
