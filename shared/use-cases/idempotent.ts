/**
 * Requests that carry an Idempotency-Key: a retry gets the first answer back, and two copies
 * racing each other get the one that was decided first. The key is stored hashed, in the
 * same transaction as what it decided (or alone, for a refusal that changed nothing).
 */
import { createHash } from 'node:crypto';
import { IdempotencyTakenError, type StoredOutcome } from '../ports/store.js';
import type { Deps } from './deps.js';

export async function idempotent(
  deps: Deps,
  policyId: string,
  idempotencyKey: string | null,
  run: (keyHash: string | null) => Promise<StoredOutcome>,
): Promise<StoredOutcome> {
  const keyHash = idempotencyKey ? createHash('sha256').update(idempotencyKey).digest('hex') : null;
  if (keyHash) {
    const replay = await deps.store.getIdempotency(policyId, keyHash);
    if (replay) return replay;
  }
  try {
    return await run(keyHash);
  } catch (err) {
    // A concurrent request with the same key won: return what it decided.
    if (err instanceof IdempotencyTakenError && keyHash) {
      const first = await deps.store.getIdempotency(policyId, keyHash);
      if (first) return first;
    }
    throw err;
  }
}

/** A refusal changes nothing but is still recorded under its key, so a retry gets the same answer. */
export async function recordRefusal(
  deps: Deps,
  policyId: string,
  keyHash: string | null,
  outcome: StoredOutcome,
): Promise<StoredOutcome> {
  if (keyHash && !(await deps.store.putIdempotency(policyId, keyHash, outcome))) throw new IdempotencyTakenError();
  return outcome;
}
