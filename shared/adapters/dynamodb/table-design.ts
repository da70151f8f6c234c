/**
 * The single table: its key attributes, indexes and every key format, in one place.
 * Used by the DynamoDB store, the local table bootstrap and the CDK stack.
 * Access patterns are listed in docs/data-model.md.
 */
export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  indexes: {
    /** A therapist's policies, newest first. */
    byTherapist: { name: 'byTherapist', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** Sparse: only jobs waiting to run are in it, sorted by when they are due. */
    due: { name: 'due', partitionKey: 'duePk', sortKey: 'dueSk' },
  },
} as const;

const pad = (n: number) => String(n).padStart(4, '0');

export const keys = {
  policyPk: (policyId: string) => `POLICY#${policyId}`,
  policy: (policyId: string) => ({ pk: keys.policyPk(policyId), sk: 'POLICY' }),
  update: (policyId: string, seq: number) => ({ pk: keys.policyPk(policyId), sk: `UPDATE#${pad(seq)}` }),
  checkInMessage: (policyId: string) => ({ pk: keys.policyPk(policyId), sk: 'CHECKIN' }),
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
  /** One partition for due work: it only ever holds what is waiting, so it stays small. */
  duePk: 'DUE',
  /**
   * The same sparse index holds two small lists for operations, each in its own partition the
   * dispatcher never reads: jobs that failed every retry (until re-sent) and policies whose
   * client address bounced or complained (until lifted).
   */
  deadPk: 'DEAD',
  deadSk: (deadAt: string, policyId: string, jobId: string) => `${deadAt}#${policyId}#${jobId}`,
  suppressedPk: 'SUPPRESSED',
  dueSk: (dueAt: string, policyId: string, jobId: string) => `${dueAt}#${policyId}#${jobId}`,
  sortPrefix: { update: 'UPDATE#', event: 'EVENT#', job: 'JOB#', checkIn: 'CHECKIN', policy: 'POLICY' },
} as const;
