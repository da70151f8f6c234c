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

/** Sends one email. Throws on failure; the dispatcher retries and dead-letters. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}
