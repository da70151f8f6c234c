/** The daily digests' part of persistence (see store.ts): one job and its entries per therapist. */
import type { DigestEntry } from '../domain/notifications.js';

/**
 * What accepting a message writes for a daily digest, in the same transaction: the entry, and
 * the therapist's digest job planned for `dueAt` (their next 09:00) unless one is planned already.
 */
export interface DigestAddition {
  therapistId: string;
  entry: DigestEntry;
  dueAt: string;
}

/** A therapist's digest job as the due list shows it: enough to claim it. */
export interface DueDigest {
  therapistId: string;
  /** Opaque claim marker, as a job's. */
  lease: string;
}

export interface DigestJob extends DueDigest {
  dueAt: string;
  attempts: number;
  /** Entries written and not yet sent: kept in step with them in every transaction. */
  pending: number;
}

/** A pending entry as stored: `key` names exactly it, so exactly the entries sent are removed. */
export interface StoredDigestEntry extends DigestEntry {
  key: string;
}

/** The end of a digest run: job removed, moved to the next 09:00 (more arrived meanwhile), or the lease was lost. */
export type DigestFinish = 'finished' | 'rescheduled' | 'lost';

/** The daily digests: one job and its pending entries per therapist, in the therapist's partition. */
export interface DigestStore {
  /** Conditional like claimJob: the job, or null when someone else claimed or changed it first. */
  claimDigest(due: DueDigest, leaseUntil: Date): Promise<DigestJob | null>;
  digestEntries(therapistId: string): Promise<StoredDigestEntry[]>;
  /**
   * After the digest went out: removes exactly `entries`, then the job, or (when more arrived
   * while it was sent) moves the job to `nextDueAt`. Every write is conditional on the lease.
   */
  finishDigest(job: DigestJob, entries: StoredDigestEntry[], nextDueAt: string): Promise<DigestFinish>;
  /** Due again at `dueAt`, entries kept. `countAttempt: false` holds it back without using up a try. */
  retryDigest(job: DigestJob, dueAt: Date, options?: { countAttempt?: boolean }): Promise<void>;
}
