/**
 * A practice's retention, applied to what it already has. Each arrangement keeps the
 * `retentionDays` its practice had when it was made; when an admin changes the setting, every
 * arrangement of the practice takes the new value: a closed or declined one has every item
 * re-stamped with the expiry that follows (closing + the new number of days), an open one
 * simply closes with it later.
 *
 * Steps: list the practice's arrangements (the practice index, metadata only; no Scan) →
 * for each, read the policy → if its retention differs, write the new value and expiry
 * (conditional on the version read, read again and retried on a conflict).
 * Idempotent: running it twice, or again after it stopped halfway, changes only what still differs.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { BusyError, VersionConflictError } from '../domain/errors.js';
import { RETENTION } from '../domain/practice.js';
import type { Deps } from './deps.js';

/** How many arrangements are worked on at once: a few, so one practice's change is quick but never a burst. */
const CONCURRENCY = 4;
const MAX_ATTEMPTS = 5;

export interface RetentionApplied {
  /** Arrangements the practice index listed. */
  arrangements: number;
  /** Those whose retention was rewritten (the others had it already, or were deleted meanwhile). */
  changed: number;
  /** Not reached within the time given: saving the same setting again goes on with them. */
  remaining: number;
}

export type ArrangementOutcome = 'changed' | 'unchanged' | 'gone';

export async function applyRetention(
  deps: Pick<Deps, 'store' | 'log'>,
  practiceId: string,
  retentionDays: number,
  /** Stop taking arrangements after this long (a request has 10 s in all); by default, never. */
  budgetMs = Infinity,
): Promise<RetentionApplied> {
  const started = performance.now();
  if (!Number.isInteger(retentionDays) || retentionDays < RETENTION.min || retentionDays > RETENTION.max)
    throw new RangeError(`retentionDays must be a whole number from ${RETENTION.min} to ${RETENTION.max}`);
  const arrangements = await deps.store.listArrangements(practiceId);
  const queue = arrangements.map((a) => a.policyId);
  let changed = 0;
  const inTime = () => performance.now() - started < budgetMs;
  const worker = async () => {
    for (let id = inTime() ? queue.shift() : undefined; id !== undefined; id = inTime() ? queue.shift() : undefined)
      if ((await retainArrangement(deps, id, retentionDays)) === 'changed') changed += 1;
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
  // Counts only: the practice is the caller's to log.
  deps.log.info('retention.applied', {
    count: changed,
    ...(queue.length > 0 ? { reason: `${queue.length} left` } : {}),
  });
  return { arrangements: arrangements.length, changed, remaining: queue.length };
}

/** One arrangement: its policy read fresh, rewritten only when its retention differs. */
export async function retainArrangement(
  deps: Pick<Deps, 'store'>,
  policyId: string,
  retentionDays: number,
): Promise<ArrangementOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    const policy = await deps.store.getPolicy(policyId);
    // Listed by the index a moment ago, deleted by retention since.
    if (!policy) return 'gone';
    if (policy.retentionDays === retentionDays) return 'unchanged';
    try {
      await deps.store.setRetention(policy, retentionDays);
      return 'changed';
    } catch (err) {
      if (!(err instanceof VersionConflictError)) throw err;
      if (attempt >= MAX_ATTEMPTS)
        throw new BusyError(
          'An arrangement kept changing while its retention was set. Nothing was lost; please save again.',
        );
      // Someone changed the arrangement meanwhile (an update, a close): decide again on what they wrote.
      await sleep(Math.random() * 10 * attempt);
    }
  }
}
