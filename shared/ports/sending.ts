/**
 * What the account lets us send, and the answer that says "not now" rather than "failed".
 * SES meters an account by a sending rate and may pause it (bounces, complaints, a review):
 * mail is then held, never dead-lettered for it.
 */
export interface SendingLimits {
  /** Emails a second the account may send (SES's MaxSendRate). */
  maxSendRate: number;
  /** False while SES has paused sending for the account. */
  sendingEnabled: boolean;
}

export interface SendingAccount {
  limits(): Promise<SendingLimits>;
}

/** SES's "not now" (throttled, paused, daily-quota), or the dispatcher's own: too little time left in its run to send and record it. */
export type HoldReason = 'throttled' | 'paused' | 'daily-quota' | 'out-of-time';

/** SES declined for now (rate, pause, daily quota): the email is held and tried later, using up no try. */
export class MailHeldError extends Error {
  override name = 'MailHeldError';
  constructor(
    readonly reason: HoldReason,
    options?: ErrorOptions,
  ) {
    super(`sending held: ${reason}`, options);
  }
}
