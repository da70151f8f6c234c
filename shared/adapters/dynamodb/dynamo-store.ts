/**
 * The Store port on one DynamoDB table. Every write is conditional; a request's whole effect
 * (policy snapshot, update, emails to send, schedule, idempotency record) is one transaction.
 * Each concern lives in its own file; this class only puts them together.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Policy } from '../../domain/policy.js';
import type { Clock } from '../../ports/clock.js';
import type { Ids } from '../../ports/ids.js';
import type {
  Conversation,
  DigestFinish,
  DigestJob,
  DueDigest,
  DueJob,
  HistoryEvent,
  Job,
  LinkRecord,
  PolicyChange,
  PolicyDetail,
  Store,
  StoredDigestEntry,
  StoredOutcome,
  TherapistProfile,
  Member,
  PracticeEvent,
} from '../../ports/store.js';
import type { ArrangementMeta } from '../../domain/arrangement-meta.js';
import type { Practice } from '../../domain/practice.js';
import { DynamoPractices } from './practice-store.js';
import { DynamoDigests } from './digest-store.js';
import { DynamoIdempotency } from './idempotency-store.js';
import { DynamoJobQueue } from './job-queue.js';
import { DynamoLinks } from './link-store.js';
import { DynamoPolicies } from './policy-store.js';
import { DynamoProfiles } from './profile-store.js';
import { TableClient, type CapacityMeter } from './table-client.js';

export type { CapacityMeter } from './table-client.js';

export interface DynamoStoreOptions {
  clock: Clock;
  ids: Ids;
  meter?: CapacityMeter;
  /** Told when stamping retention after a close fails; the close itself has committed. */
  onHousekeepingError?: (policyId: string, err: unknown) => void;
}

export class DynamoStore implements Store {
  private readonly policies: DynamoPolicies;
  private readonly links: DynamoLinks;
  private readonly idempotency: DynamoIdempotency;
  private readonly jobs: DynamoJobQueue;
  private readonly profiles: DynamoProfiles;
  private readonly digests: DynamoDigests;
  private readonly practices: DynamoPractices;

  constructor(client: DynamoDBClient, tableName: string, options: DynamoStoreOptions) {
    const table = new TableClient(client, tableName, options.meter);
    this.policies = new DynamoPolicies(table, options.clock, options.ids, options.onHousekeepingError ?? (() => {}));
    this.links = new DynamoLinks(table);
    this.idempotency = new DynamoIdempotency(table, options.clock);
    this.jobs = new DynamoJobQueue(table, options.ids);
    this.profiles = new DynamoProfiles(table);
    this.digests = new DynamoDigests(table);
    this.practices = new DynamoPractices(table, options.ids);
  }

  getPractice(practiceId: string): Promise<Practice | null> {
    return this.practices.getPractice(practiceId);
  }
  putPractice(practice: Practice, events: PracticeEvent[]): Promise<void> {
    return this.practices.putPractice(practice, events);
  }
  getMember(therapistId: string): Promise<Member | null> {
    return this.practices.getMember(therapistId);
  }
  putMember(member: Member, expectedVersion: number | null, events?: PracticeEvent[]): Promise<boolean> {
    return this.practices.putMember(member, expectedVersion, events);
  }
  listMembers(practiceId: string): Promise<Member[]> {
    return this.practices.listMembers(practiceId);
  }
  listArrangements(practiceId: string): Promise<ArrangementMeta[]> {
    return this.practices.listArrangements(practiceId);
  }
  practiceTimeline(practiceId: string, limit: number): Promise<PracticeEvent[]> {
    return this.practices.practiceTimeline(practiceId, limit);
  }

  getPolicy(id: string): Promise<Policy | null> {
    return this.policies.getPolicy(id);
  }
  getPolicyDetail(id: string): Promise<PolicyDetail | null> {
    return this.policies.getPolicyDetail(id);
  }
  listPolicies(therapistId: string): Promise<Policy[]> {
    return this.policies.listPolicies(therapistId);
  }
  getConversation(id: string): Promise<Conversation> {
    return this.policies.getConversation(id);
  }
  commit(change: PolicyChange): Promise<Job[]> {
    return this.policies.commit(change);
  }
  setRetention(policy: Policy, retentionDays: number): Promise<void> {
    return this.policies.setRetention(policy, retentionDays);
  }

  putLink(tokenHash: string, link: LinkRecord, expiresAt: number): Promise<void> {
    return this.links.putLink(tokenHash, link, expiresAt);
  }
  getLink(tokenHash: string): Promise<LinkRecord | null> {
    return this.links.getLink(tokenHash);
  }

  getIdempotency(policyId: string, keyHash: string): Promise<StoredOutcome | null> {
    return this.idempotency.getIdempotency(policyId, keyHash);
  }
  putIdempotency(policyId: string, keyHash: string, outcome: StoredOutcome): Promise<boolean> {
    return this.idempotency.putIdempotency(policyId, keyHash, outcome);
  }

  get dueShards(): number {
    return this.jobs.dueShards;
  }
  dueJobs(shard: number, now: Date, limit: number): Promise<(DueJob | DueDigest)[]> {
    return this.jobs.dueJobs(shard, now, limit);
  }
  claimJob(job: DueJob, leaseUntil: Date): Promise<Job | null> {
    return this.jobs.claimJob(job, leaseUntil);
  }
  completeJob(job: DueJob): Promise<void> {
    return this.jobs.completeJob(job);
  }
  recordSent(job: DueJob, sent: { at: string; messageId: string }): Promise<boolean> {
    return this.jobs.recordSent(job, sent);
  }
  retryJob(job: Job, dueAt: Date, options?: { countAttempt?: boolean }): Promise<void> {
    return this.jobs.retryJob(job, dueAt, options);
  }
  deadLetterJob(job: Job, event: HistoryEvent, therapistId: string | undefined): Promise<void> {
    return this.jobs.deadLetterJob(job, event, therapistId);
  }

  getProfile(therapistId: string): Promise<TherapistProfile | null> {
    return this.profiles.getProfile(therapistId);
  }
  putProfile(profile: TherapistProfile): Promise<void> {
    return this.profiles.putProfile(profile);
  }

  claimDigest(due: DueDigest, leaseUntil: Date): Promise<DigestJob | null> {
    return this.digests.claimDigest(due, leaseUntil);
  }
  digestEntries(therapistId: string): Promise<StoredDigestEntry[]> {
    return this.digests.digestEntries(therapistId);
  }
  finishDigest(job: DigestJob, entries: StoredDigestEntry[], nextDueAt: string): Promise<DigestFinish> {
    return this.digests.finishDigest(job, entries, nextDueAt);
  }
  retryDigest(job: DigestJob, dueAt: Date, options?: { countAttempt?: boolean }): Promise<void> {
    return this.digests.retryDigest(job, dueAt, options);
  }
}
