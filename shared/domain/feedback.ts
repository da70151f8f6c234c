/** What the service learns when an email bounced or was marked as unwanted (from SES in AWS). */
export interface Feedback {
  kind: 'bounce' | 'complaint';
  /** Only permanent bounces and complaints stop mail; a full mailbox tomorrow may not be. */
  permanent: boolean;
  policyId: string | null;
  audience: 'client' | 'therapist' | null;
}
