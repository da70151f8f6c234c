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
  // SES v2 answers LimitExceeded for the daily sending quota as well as for too many calls.
  if (err instanceof LimitExceededException) return 'daily-quota';
  // Throttling that the SDK sees before SES's own answer (its retry quota, HTTP 429 without a body).
  if (err instanceof Error && (err.name === 'ThrottlingException' || err.name === 'Throttling')) return 'throttled';
  return null;
}

/** Rethrows SES's "not now" as MailHeldError; anything else unchanged. */
export function asHeld(err: unknown): unknown {
  const reason = holdReason(err);
  return reason ? new MailHeldError(reason, { cause: err }) : err;
}
