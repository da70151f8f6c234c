export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: { name: string; value: string }[];
  /** The service's own reply address for this client (never the therapist's). */
  replyTo?: string;
  /** Non-personal labels SES echoes back in bounce/complaint events (policy id, audience). */
  tags?: { name: string; value: string }[];
}

export interface SendOptions {
  /** Gives up when this fires (the request path's short deadline); what was not sent stays due. */
  signal?: AbortSignal;
}

/**
 * Whether the email may have gone out even though sending failed:
 * - `not-sent`: certainly not (no connection, or the provider answered with an error);
 * - `unknown`: the request may have reached the provider, but no answer came back (timeout,
 *   abort, connection lost after the request was written). Sending again may deliver a copy.
 */
export type SendOutcome = 'not-sent' | 'unknown';

/** Why: the provider refused this email, could not be reached or failed, or never answered. */
export type SendFailureReason = 'rejected' | 'unavailable' | 'unanswered';

/**
 * How a Mailer reports a failed send, so callers can tell "not sent" from "maybe sent".
 * The provider's "not now" (throttling, a paused account, the quota) is a MailHeldError
 * (ports/sending.ts) instead: not sent either, and held rather than counted as a try.
 */
export class MailSendError extends Error {
  override name = 'MailSendError';
  /** The provider's error name or the network error code (logged; never message text). */
  readonly code: string;

  constructor(
    readonly outcome: SendOutcome,
    readonly reason: SendFailureReason,
    code: string,
    options?: { cause?: unknown },
  ) {
    super(`Sending failed (${outcome}, ${reason}: ${code}).`, options);
    this.code = code;
  }
}

/** Sends one email. Throws MailSendError or MailHeldError; the dispatcher holds, retries and dead-letters. */
export interface Mailer {
  send(email: OutgoingEmail, options?: SendOptions): Promise<{ messageId: string }>;
}
