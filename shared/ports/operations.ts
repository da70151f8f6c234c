/**
 * What a practice admin's operations need beyond the service's own requests: the lists that
 * need fixing by hand (mail that failed every retry, client addresses that stopped), and the
 * therapist directory. Ids, kinds and dates only: an operator sees no names, words or addresses.
 */
import type { HistoryEvent } from './store.js';

export interface DeadLetter {
  policyId: string;
  jobId: string;
  /** The email template or scheduled job kind. */
  kind: string;
  attempts: number;
  deadAt: string;
}

export interface DueItem {
  /** Null for a therapist's daily digest, which belongs to no one policy. */
  policyId: string | null;
  kind: string;
  dueAt: string;
}

export interface OperationsStore {
  deadLetters(limit: number): Promise<DeadLetter[]>;
  /** Puts a dead-lettered job back into due work, due at `dueAt`; false when it is not dead-lettered (any more). */
  requeue(policyId: string, jobId: string, dueAt: Date, event: HistoryEvent): Promise<boolean>;
  /** Policies whose client address is stopped after a bounce or complaint. */
  suppressed(limit: number): Promise<{ policyId: string; therapistId: string }[]>;
  dueBefore(until: Date, limit: number): Promise<DueItem[]>;
}

/** SES's account-level suppression list (AWS); locally there is none. */
export interface SuppressionList {
  remove(address: string): Promise<'removed' | 'not-listed' | 'none-here'>;
}

/** Where therapists' sign-in accounts live: Cognito in AWS; locally, the local sign-in. */
export interface TherapistDirectory {
  /**
   * Creates the sign-in account and sends the invitation, worded for the practice (AWS: the
   * Cognito user, with its temporary password). Returns the therapist's id (Cognito's `sub`),
   * also when the account existed already.
   */
  invite(therapist: {
    email: string;
    name: string;
    admin: boolean;
    practiceId: string;
    practiceName: string;
  }): Promise<{ outcome: 'invited' | 'already-exists'; therapistId: string }>;
  /** Ends sign-in for good (AWS: disables the user and signs them out everywhere). */
  remove(therapist: { email: string }): Promise<void>;
}
