/**
 * Persistence, in the language of the domain. One adapter (DynamoDB) implements it;
 * tests of persistence run it against DynamoDB Local, never against a fake.
 */
import type { IsoDate } from '../domain/dates.js';
import type { Policy } from '../domain/policy.js';
import type { ScheduledJob } from '../domain/schedule.js';
import type { EmailKind } from '../domain/email-kinds.js';

export interface UpdateRecord {
  seq: number;
  text: string;
  characters: number;
  sentOn: IsoDate;
  receivedAt: string;
}

export interface CheckInMessageRecord {
  text: string;
  characters: number;
  sentOn: IsoDate;
  receivedAt: string;
}

/** Timeline entries. `data` holds counts, dates and reasons, never people's words. */
export interface HistoryEvent {
  at: string;
  type: string;
  data?: Record<string, string | number | boolean>;
}

export type MailData = Record<string, string | number | boolean | null>;

export interface MailJob {
  template: EmailKind;
  /** A snapshot of what the email must say as of the moment it was decided (e.g. what is left). */
  data: MailData;
}

export interface Job {
  id: string;
  policyId: string;
  dueAt: string;
  attempts: number;
  /** Opaque claim marker; the store uses it to make every later write conditional. */
  lease: string;
  mail?: MailJob;
  scheduled?: ScheduledJob;
}

/** What a request or a dispatcher step changes, written in one conditional transaction. */
export interface PolicyChange {
  /** The clock's now when the change was decided; emails it creates are due from then. */
  at: string;
  policy: Policy;
  /** The version read; null when creating. The write fails with VersionConflictError otherwise. */
  expectedVersion: number | null;
  addUpdate?: UpdateRecord;
  addCheckInMessage?: CheckInMessageRecord;
  events?: HistoryEvent[];
  /** Emails to send; each becomes a job due now, so none is lost if sending fails. */
  mails?: MailJob[];
  /** Scheduled jobs to (re)write and keys of ones to remove. */
  schedule?: ScheduledJob[];
  unschedule?: string[];
  /** A claimed job this change completes (deleted in the same transaction). */
  completeJob?: Job;
  idempotency?: { keyHash: string; outcome: StoredOutcome };
}

export interface StoredOutcome {
  status: number;
  body: unknown;
}

export interface PolicyDetail {
  policy: Policy;
  updates: UpdateRecord[];
  checkInMessage: CheckInMessageRecord | null;
  events: HistoryEvent[];
  jobs: Job[];
}

export interface TherapistProfile {
  therapistId: string;
  email: string;
  displayName: string;
  timeZone: string;
  crisisLocale: Policy['rules']['crisisLocale'];
  /** The therapist's usual rules, applied under whatever a new policy sets. */
  defaultRules?: DefaultRules;
}

export interface DefaultRules {
  updates?: { limit?: number; minDaysBetween?: number; maxCharacters?: number };
  checkIn?: { afterMonths?: number; format?: 'message' | 'session'; remindDaysBefore?: number[] };
  replies?: 'none' | 'may-reply';
}

export interface LinkRecord {
  policyId: string;
  generation: number;
  /** What the token opens: the client's page, or the reply address that takes updates by email. */
  purpose?: 'page' | 'reply';
}

/** Policies and everything in their partitions, read together and written in one transaction. */
export interface PolicyStore {
  getPolicy(id: string): Promise<Policy | null>;
  getPolicyDetail(id: string): Promise<PolicyDetail | null>;
  listPolicies(therapistId: string): Promise<Policy[]>;
  /** Returns the mail jobs it created. Throws VersionConflictError or IdempotencyTakenError. */
  commit(change: PolicyChange): Promise<Job[]>;
}

export interface LinkStore {
  putLink(tokenHash: string, link: LinkRecord, expiresAt: number): Promise<void>;
  getLink(tokenHash: string): Promise<LinkRecord | null>;
}

export interface IdempotencyStore {
  getIdempotency(policyId: string, keyHash: string): Promise<StoredOutcome | null>;
  /** Records a refusal's outcome; false when the key was already used. */
  putIdempotency(policyId: string, keyHash: string, outcome: StoredOutcome): Promise<boolean>;
}

/** Due work for the dispatcher; every write after the claim is conditional on the lease. */
export interface JobQueue {
  dueJobs(now: Date, limit: number): Promise<Job[]>;
  /** Conditional: null when someone else claimed or changed the job first. */
  claimJob(job: Job, leaseUntil: Date): Promise<Job | null>;
  completeJob(job: Job): Promise<void>;
  retryJob(job: Job, dueAt: Date): Promise<void>;
  deadLetterJob(job: Job, event: HistoryEvent): Promise<void>;
}

export interface ProfileStore {
  getProfile(therapistId: string): Promise<TherapistProfile | null>;
  putProfile(profile: TherapistProfile): Promise<void>;
}

/** What the use cases are given: every part of persistence. */
export interface Store extends PolicyStore, LinkStore, IdempotencyStore, JobQueue, ProfileStore {}

export class IdempotencyTakenError extends Error {
  constructor(options?: ErrorOptions) {
    super('idempotency key already used', options);
    this.name = 'IdempotencyTakenError';
  }
}
