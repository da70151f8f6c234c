/**
 * What a failed SES call means for the email: certainly not sent, or maybe sent. SES has no
 * idempotency key for SendEmail, so a request that may have reached it must not be repeated
 * blindly: the SDK's retries are limited here to failures where nothing was sent.
 */
import { StandardRetryStrategy } from '@smithy/core/retry';
import type { RetryErrorInfo, RetryStrategyV2, StandardRetryToken } from '@smithy/types';
import { MailSendError } from '../../ports/mailer.js';
import { MailHeldError } from '../../ports/sending.js';
import { asHeld } from './held-errors.js';

/** Network errors raised before a connection existed: the request never left this process. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * The SDK's error for a failed SendEmail, as the ports report it: SES's "not now" held
 * (held-errors.ts), anything else not sent or of unknown outcome.
 */
export function sendFailure(err: unknown): MailSendError | MailHeldError {
  if (err instanceof MailSendError || err instanceof MailHeldError) return err;
  const held = asHeld(err);
  if (held instanceof MailHeldError) return held;
  const name = text(field(err, 'name')) ?? 'Error';
  const code = text(field(err, 'code'));
  const status = field(field(err, '$metadata'), 'httpStatusCode');
  const cause = { cause: err };
  // SES answered: nothing was sent.
  if (typeof status === 'number')
    return new MailSendError('not-sent', status >= 500 ? 'unavailable' : 'rejected', name, cause);
  if (code && NOT_CONNECTED.has(code)) return new MailSendError('not-sent', 'unavailable', code, cause);
  // The handler's connect timeout (no code, unlike its request timeout's ETIMEDOUT): no connection, nothing sent.
  const message = text(field(err, 'message')) ?? '';
  if (name === 'TimeoutError' && !code && message.includes('establish a connection'))
    return new MailSendError('not-sent', 'unavailable', 'ConnectTimeout', cause);
  // A timeout, an abort or a lost connection once the request may have been written.
  return new MailSendError('unknown', 'unanswered', code ?? name, cause);
}

const mayHaveSent = (err: unknown) => {
  const failure = sendFailure(err);
  return failure instanceof MailSendError && failure.outcome === 'unknown';
};

/**
 * The SDK's standard retries (backoff, retry quota, throttling delays) for everything that
 * certainly did not send; a failure whose outcome is unknown goes straight to the caller,
 * which knows whether a possible copy is acceptable (the dispatcher's retry decides).
 */
export function sendRetryStrategy(maxAttempts: number): RetryStrategyV2 {
  const standard = new StandardRetryStrategy(maxAttempts);
  return {
    acquireInitialRetryToken: (scope: string) => standard.acquireInitialRetryToken(scope),
    refreshRetryTokenForRetry: (token: StandardRetryToken, info: RetryErrorInfo) =>
      mayHaveSent(info.error)
        ? Promise.reject(info.error ?? new Error('unknown'))
        : standard.refreshRetryTokenForRetry(token, info),
    recordSuccess: (token: StandardRetryToken) => standard.recordSuccess(token),
  };
}
