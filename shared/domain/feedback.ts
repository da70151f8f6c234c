/** What the service learns when an email bounced or was marked as unwanted (from SES in AWS). */
export interface Feedback {
  kind: 'bounce' | 'complaint';
  /** Only permanent bounces and complaints stop mail; a full mailbox tomorrow may not be. */
  permanent: boolean;
  policyId: string | null;
  audience: 'client' | 'therapist' | null;
  /** The client address generation the email was sent to (its `address` tag); null on emails sent before it. */
  addressGeneration: number | null;
}
