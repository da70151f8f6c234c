/**
 * Persistence, in the language of the domain. One adapter (DynamoDB) implements it;
 * tests of persistence run it against DynamoDB Local, never against a fake.
 */
import type { IsoDate } from '../domain/dates.js';
import type { Policy, Referral } from '../domain/policy.js';
import type { ScheduledJob } from '../domain/schedule.js';
import type { EmailKind } from '../domain/email-kinds.js';
import type { ReplyTarget } from '../domain/replies.js';
import type { Notifications } from '../domain/notifications.js';
import type { DigestAddition, DigestStore, DueDigest } from './digest-store.js';

export type {
  DigestAddition,
  DigestFinish,
  DigestJob,
  DigestStore,
  DueDigest,
  StoredDigestEntry,
} from './digest-store.js';
import type { HandoverPlan, MemberStatus, Practice, Role } from '../domain/practice.js';
import type { ArrangementMeta } from '../domain/arrangement-meta.js';

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

/** The therapist's one reply to an update or the check-in message (replies: may-reply). */
export interface ReplyRecord {
  inReplyTo: ReplyTarget;
  text: string;
  characters: number;
  sentAt: string;
}

/** What the client wrote and what came back: their page lists it all. */
export interface Conversation {
  updates: UpdateRecord[];
  checkInMessage: CheckInMessageRecord | null;
  replies: ReplyRecord[];
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

/** A job as the due list shows it: enough to claim it, nothing of what it says. */
export interface DueJob {
  id: string;
  policyId: string;
  /** Opaque claim marker; the store uses it to make every later write conditional. */
  lease: string;
}

export interface Job extends DueJob {
  dueAt: string;
  attempts: number;
  mail?: MailJob;
  scheduled?: ScheduledJob;
  /** Set once SES accepted the email (with its message id); the job then leaves due work. */
  sent?: { at: string; messageId: string };
  /** Failed every retry; kept out of due work until re-sent by an operator. */
  deadLettered?: boolean;
}

/** The email template or scheduled kind: what logs, the timeline and operations lists name a job by. */
export const jobKindOf = (job: Pick<Job, 'mail' | 'scheduled'>): string =>
  job.mail?.template ?? job.scheduled?.kind ?? 'unknown';

/**
 * How long a claim holds a job. Mail jobs are created already held by the process that made
 * them (it sends them right after the commit), so a crash only delays them by this much.
 */
export const JOB_LEASE_MS = 2 * 60_000;

/** What a request or a dispatcher step changes, written in one conditional transaction. */
export interface PolicyChange {
  /** The clock's now when the change was decided; emails it creates are due from then. */
  at: string;
  policy: Policy;
  /** The version read; null when creating. The write fails with VersionConflictError otherwise. */
  expectedVersion: number | null;
  addUpdate?: UpdateRecord;
  addCheckInMessage?: CheckInMessageRecord;
  addReply?: ReplyRecord;
  events?: HistoryEvent[];
  /** Emails to send; each becomes a job due now, so none is lost if sending fails. */
  mails?: MailJob[];
  /** Scheduled jobs to (re)write and keys of ones to remove. */
  schedule?: ScheduledJob[];
  unschedule?: string[];
  /** A claimed job this change completes (deleted in the same transaction). */
  completeJob?: Job;
  /** A message the therapist hears of in their daily digest, not by an email of its own. */
  digest?: DigestAddition;
  idempotency?: { keyHash: string; outcome: StoredOutcome };
}

export interface StoredOutcome {
  status: number;
  body: unknown;
}

export interface PolicyDetail extends Conversation {
  policy: Policy;
  events: HistoryEvent[];
  jobs: Job[];
}

export interface TherapistProfile {
  therapistId: string;
  email: string;
  displayName: string;
  timeZone: string;
  crisisLocale: Policy['rules']['crisisLocale'];
  /** Set once the therapist saved a crisis locale themselves; until then their practice's default (if any) applies. */
  crisisLocaleChosen?: boolean;
  /** The therapist's usual rules, applied under whatever a new policy sets. */
  defaultRules?: DefaultRules;
  /** How they hear of a new update or check-in message. */
  notifications: Notifications;
}

export interface DefaultRules {
  /** `windowDays`: the update window ends this many days after therapy ended, unless a policy says until when. */
  updates?: { limit?: number; minDaysBetween?: number; maxCharacters?: number; windowDays?: number };
  checkIn?: { afterMonths?: number; format?: 'message' | 'session'; remindDaysBefore?: number[] };
  replies?: 'none' | 'may-reply';
  referrals?: Referral[];
  /** The notes a new policy starts with; null (like absent) is none. */
  invitationNote?: string | null;
  closingNote?: string | null;
}

/** What a client token opens: absent on links written before reply addresses and stop links existed. */
export type LinkPurpose = 'page' | 'reply' | 'stop';

export interface LinkRecord {
  policyId: string;
  /** The policy's link generation when sent: page links and reply addresses of an older one are revoked. */
  generation: number;
  /**
   * The client's page, the reply address that takes updates by email, or one email's stop link
   * (it only stops, and keeps working after a new link is sent).
   */
  purpose?: LinkPurpose;
  /** The policy's client address generation when sent; absent on links from before it was recorded (1). */
  addressGeneration?: number;
}

/** Policies and everything in their partitions, read together and written in one transaction. */
export interface PolicyStore {
  getPolicy(id: string): Promise<Policy | null>;
  getPolicyDetail(id: string): Promise<PolicyDetail | null>;
  listPolicies(therapistId: string): Promise<Policy[]>;
  /** The client's messages and the replies, without the rest of the partition (events, jobs). */
  getConversation(id: string): Promise<Conversation>;
  /** Returns the mail jobs it created. Throws VersionConflictError or IdempotencyTakenError. */
  commit(change: PolicyChange): Promise<Job[]>;
  /**
   * The practice changed how long closed data is kept: `policy` (as read) takes `retentionDays`
   * and, once it has ended, every item of its partition the expiry that follows from it. Throws
   * VersionConflictError when the policy changed since it was read; running it again is harmless.
   */
  setRetention(policy: Policy, retentionDays: number): Promise<void>;
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

/** Due work for the dispatcher, in shards; every write after the claim is conditional on the lease. */
export interface JobQueue {
  /** How many partitions due work can be in (numbered from 0; the store knows which is which). */
  readonly dueShards: number;
  /** Policies' jobs and therapists' daily digests alike, due by `now`. */
  dueJobs(shard: number, now: Date, limit: number): Promise<(DueJob | DueDigest)[]>;
  /** Conditional: the whole job, or null when someone else claimed or changed it first. */
  claimJob(job: DueJob, leaseUntil: Date): Promise<Job | null>;
  /** Removes a job that has nothing (more) to do. */
  completeJob(job: DueJob): Promise<void>;
  /**
   * Records that SES accepted the email, with its message id, and takes the job out of due
   * work, in one conditional write. False when the lease was lost (nothing is written then).
   */
  recordSent(job: DueJob, sent: { at: string; messageId: string }): Promise<boolean>;
  /** Due again at `dueAt`. `countAttempt: false` holds a job back (throttling) without using up a try. */
  retryJob(job: Job, dueAt: Date, options?: { countAttempt?: boolean }): Promise<void>;
  /** Writes `event` to the timeline in the same transaction; `therapistId` lets its domain event be published. */
  deadLetterJob(job: Job, event: HistoryEvent, therapistId: string | undefined): Promise<void>;
}

/**
 * A therapist's place in a practice: written by the practice's admins (and once, on first
 * sign-in, from the token), read on every request of that therapist. Kept apart from the
 * profile, which the therapist writes themselves, so neither can overwrite the other.
 */
export interface Member {
  therapistId: string;
  practiceId: string;
  email: string;
  name: string;
  role: Role;
  status: MemberStatus;
  since: string;
  /** While leaving: the colleague their arrangements go to (null: each is closed kindly) and the practice's note. */
  handover?: HandoverPlan | null;
  version: number;
}

/** The practice's own items: its settings, its therapists, its arrangements as metadata. */
export interface PracticeStore {
  getPractice(practiceId: string): Promise<Practice | null>;
  /** Conditional on `practice.version` as read (null: not saved yet); throws VersionConflictError otherwise. */
  putPractice(practice: Practice, events: PracticeEvent[]): Promise<void>;
  getMember(therapistId: string): Promise<Member | null>;
  /**
   * Conditional on `expectedVersion` (null: only if there is no member record yet). Returns false
   * when someone else wrote first. `events` go on the practice's timeline in the same transaction.
   */
  putMember(member: Member, expectedVersion: number | null, events?: PracticeEvent[]): Promise<boolean>;
  /** Every therapist of the practice, in no particular order (an index read: a write can take a moment to show). */
  listMembers(practiceId: string): Promise<Member[]>;
  /** Every arrangement of the practice as metadata only: the index holds nothing else. */
  listArrangements(practiceId: string): Promise<ArrangementMeta[]>;
  practiceTimeline(practiceId: string, limit: number): Promise<PracticeEvent[]>;
}

/** An entry on the practice's timeline: who did what to whom, ids and dates only. */
export interface PracticeEvent {
  at: string;
  type: string;
  /** The admin (or `ops`) who did it. */
  by: string;
  /** The therapist it concerns, when it concerns one. */
  therapistId?: string;
  data?: Record<string, string | number | boolean>;
}

export interface ProfileStore {
  getProfile(therapistId: string): Promise<TherapistProfile | null>;
  putProfile(profile: TherapistProfile): Promise<void>;
}

/** What the use cases are given: every part of persistence. */
export interface Store
  extends PolicyStore, LinkStore, IdempotencyStore, JobQueue, ProfileStore, DigestStore, PracticeStore {}

export class IdempotencyTakenError extends Error {
  constructor(options?: ErrorOptions) {
    super('idempotency key already used', options);
    this.name = 'IdempotencyTakenError';
  }
}
