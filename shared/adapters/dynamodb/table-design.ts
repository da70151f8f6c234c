/**
 * The single table: its key attributes, indexes and every key format, in one place.
 * Used by the DynamoDB store, the local table bootstrap and the CDK stack.
 * Access patterns are listed in docs/data-model.md.
 */
export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  /** The stream carries each written item's new image; only new timeline entries reach a reader (outbox.ts). */
  streamViewType: 'NEW_IMAGE',
  indexes: {
    /** A therapist's policies, newest first. */
    byTherapist: { name: 'byTherapist', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /**
     * A practice's therapists and its arrangements, each under its own key. It carries only the
     * member record and the arrangement's metadata (arrangement-meta.ts): an admin's list cannot
     * reach a client's name, address or words, because the index does not hold them.
     */
    byPractice: { name: 'byPractice', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projected: ['member', 'arrangement'] },
    /**
     * Sparse: only jobs waiting to run (and the two operations lists) are in it, sorted by when
     * they are due. Due work is spread over DUE_SHARDS partition key values, so no one value
     * takes more than a small share of a partition's throughput at the 09:00 peak. It carries
     * only what the dispatcher and the operations lists read; a claim returns the whole job.
     */
    due: {
      name: 'dueByShard',
      partitionKey: 'duePk',
      sortKey: 'dueSk',
      projected: ['dueAt', 'attempts', 'jobKind', 'therapistId'],
    },
  },
} as const;

const pad = (n: number) => String(n).padStart(4, '0');

/**
 * How many partition key values due work is spread over. Part of the key layout, like the key
 * formats: raising it is safe (the dispatcher reads every shard below it, and a job keeps the
 * shard it was written in until it runs), lowering it would strand the jobs above it. See the
 * paper model in docs/data-model.md for why 32.
 */
export const DUE_SHARDS = 32;

/** FNV-1a (32 bit): a stable, even spread of ids over shards, in a few lines and no dependency. */
export function shardOf(id: string, shards = DUE_SHARDS): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

export const keys = {
  policyPk: (policyId: string) => `POLICY#${policyId}`,
  /** The ids back out of the keys (index entries carry keys, not copies of the ids). */
  policyIdOf: (pk: string) => pk.slice(keys.policyPk('').length),
  jobIdOf: (sk: string) => sk.slice(keys.sortPrefix.job.length),
  policy: (policyId: string) => ({ pk: keys.policyPk(policyId), sk: 'POLICY' }),
  update: (policyId: string, seq: number) => ({ pk: keys.policyPk(policyId), sk: `UPDATE#${pad(seq)}` }),
  checkInMessage: (policyId: string) => ({ pk: keys.policyPk(policyId), sk: 'CHECKIN' }),
  /** Right after the message it answers (UPDATE#0002#REPLY, CHECKIN#REPLY): one per message, read with it. */
  reply: (policyId: string, target: { update: number } | { checkIn: true }) => ({
    pk: keys.policyPk(policyId),
    sk: `${'update' in target ? keys.update(policyId, target.update).sk : keys.checkInMessage(policyId).sk}${keys.replySuffix}`,
  }),
  replySuffix: '#REPLY',
  /** Events can share an instant; eight characters of a fresh random id tell them apart. */
  event: (policyId: string, at: string, unique: string) => ({
    pk: keys.policyPk(policyId),
    sk: `EVENT#${at}#${unique.slice(0, 8)}`,
  }),
  job: (policyId: string, jobId: string) => ({ pk: keys.policyPk(policyId), sk: `JOB#${jobId}` }),
  scheduledJobId: (key: string) => `SCHED#${key}`,
  mailJobId: (unique: string) => `MAIL#${unique}`,
  idempotency: (policyId: string, keyHash: string) => ({ pk: keys.policyPk(policyId), sk: `IDEMPOTENCY#${keyHash}` }),
  link: (tokenHash: string) => ({ pk: `LINK#${tokenHash}`, sk: 'LINK' }),
  profile: (therapistId: string) => ({ pk: `THERAPIST#${therapistId}`, sk: 'PROFILE' }),
  byTherapist: (therapistId: string, createdAt: string, policyId: string) => ({
    gsi1pk: `THERAPIST#${therapistId}`,
    gsi1sk: `POLICY#${createdAt}#${policyId}`,
  }),
  therapistPartition: (therapistId: string) => `THERAPIST#${therapistId}`,
  /** A therapist's place in a practice, beside their profile (admins write it, the therapist does not). */
  member: (therapistId: string) => ({ pk: `THERAPIST#${therapistId}`, sk: 'MEMBER' }),
  practicePk: (practiceId: string) => `PRACTICE#${practiceId}`,
  practice: (practiceId: string) => ({ pk: keys.practicePk(practiceId), sk: 'PRACTICE' }),
  /** The practice's timeline (admin actions); like a policy's, each entry leaves as a domain event. */
  practiceEvent: (practiceId: string, at: string, unique: string) => ({
    pk: keys.practicePk(practiceId),
    sk: `EVENT#${at}#${unique.slice(0, 8)}`,
  }),
  isPracticePk: (pk: string) => pk.startsWith(keys.practicePk('')),
  practiceIdOf: (pk: string) => pk.slice(keys.practicePk('').length),
  practiceMembers: (practiceId: string) => `PRACTICE#${practiceId}#THERAPISTS`,
  practiceArrangements: (practiceId: string) => `PRACTICE#${practiceId}#ARRANGEMENTS`,
  byPracticeMember: (practiceId: string, therapistId: string) => ({
    gsi2pk: keys.practiceMembers(practiceId),
    gsi2sk: therapistId,
  }),
  byPracticeArrangement: (practiceId: string, createdAt: string, policyId: string) => ({
    gsi2pk: keys.practiceArrangements(practiceId),
    gsi2sk: `${createdAt}#${policyId}`,
  }),
  therapistIdOf: (pk: string) => pk.slice(keys.therapistPartition('').length),
  isTherapistPk: (pk: string) => pk.startsWith(keys.therapistPartition('')),
  /** A therapist's daily digest job: one per therapist, in their own partition, due in their id's shard. */
  digestJob: (therapistId: string) => ({
    pk: keys.therapistPartition(therapistId),
    sk: `${keys.sortPrefix.job}DIGEST`,
  }),
  digestDuePk: (therapistId: string) => keys.dueShardPk(shardOf(therapistId)),
  digestDueSk: (dueAt: string, therapistId: string) => `${dueAt}#${therapistId}#DIGEST`,
  /** One entry per message the next digest counts (ids and dates, no words), in the order they came. */
  digestEntry: (therapistId: string, at: string, policyId: string, unique: string) => ({
    pk: keys.therapistPartition(therapistId),
    sk: `${keys.sortPrefix.digestEntry}${at}#${policyId}#${unique.slice(0, 8)}`,
  }),
  /** The due-work partition of one shard, e.g. DUE#07; a policy's jobs all go to its policy's shard. */
  dueShardPk: (shard: number) => `DUE#${String(shard).padStart(2, '0')}`,
  duePk: (policyId: string) => keys.dueShardPk(shardOf(policyId)),
  /**
   * The one partition all due work used before it was sharded. Jobs written then keep it until
   * they run (a claim or a retry moves only the sort key), so it is read as one more shard; once
   * it is empty that costs one empty query a run.
   */
  unshardedDuePk: 'DUE',
  /**
   * The same sparse index holds two small lists for operations, each in its own partition the
   * dispatcher never reads: jobs that failed every retry (until re-sent) and policies whose
   * client address bounced or complained (until lifted).
   */
  deadPk: 'DEAD',
  deadSk: (deadAt: string, policyId: string, jobId: string) => `${deadAt}#${policyId}#${jobId}`,
  suppressedPk: 'SUPPRESSED',
  dueSk: (dueAt: string, policyId: string, jobId: string) => `${dueAt}#${policyId}#${jobId}`,
  sortPrefix: {
    update: 'UPDATE#',
    event: 'EVENT#',
    job: 'JOB#',
    checkIn: 'CHECKIN',
    policy: 'POLICY',
    digestEntry: 'DIGEST#',
  },
} as const;

/** The index of the unsharded release (same keys, every attribute projected); kept only while upgrading (docs/deploy.md). */
export const UNSHARDED_DUE_INDEX = 'due';

/** Every partition due work can be in, numbered as the dispatcher reads them: the shards, then the unsharded one. */
export const DUE_PARTITIONS: readonly string[] = [
  ...Array.from({ length: DUE_SHARDS }, (_, shard) => keys.dueShardPk(shard)),
  keys.unshardedDuePk,
];

export function duePartition(n: number): string {
  const pk = DUE_PARTITIONS[n];
  if (pk === undefined) throw new RangeError(`no due partition ${n} (there are ${DUE_PARTITIONS.length})`);
  return pk;
}
