/**
 * Read → decide → conditional write, retried when another request changed the policy
 * in between. This is how every limit holds under concurrency: a decision is only ever
 * written against the exact version it was made from.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { todayIn, type IsoDate } from '../domain/dates.js';
import { BusyError, NotFoundError, VersionConflictError } from '../domain/errors.js';
import type { Policy } from '../domain/policy.js';
import type { Job, PolicyChange } from '../ports/store.js';
import type { Deps } from './deps.js';
import { deliverNow } from './deliver.js';

const MAX_ATTEMPTS = 12;

export interface Decided<R> {
  change: PolicyChange | null;
  result: R;
}

export function today(deps: Deps, policy: Policy): IsoDate {
  return todayIn(policy.rules.timeZone, deps.clock.now());
}

export async function mutatePolicy<R>(
  deps: Deps,
  policyId: string,
  decide: (policy: Policy, today: IsoDate) => Decided<R> | Promise<Decided<R>>,
): Promise<R> {
  for (let attempt = 1; ; attempt += 1) {
    const policy = await deps.store.getPolicy(policyId);
    if (!policy) throw new NotFoundError('This arrangement could not be found.');
    const { change, result } = await decide(policy, today(deps, policy));
    if (!change) return result;
    let created: Job[];
    try {
      created = await deps.store.commit(change);
    } catch (err) {
      if (err instanceof VersionConflictError && attempt < MAX_ATTEMPTS) {
        // Jittered backoff so twenty simultaneous requests do not collide in lockstep again.
        await sleep(Math.random() * 10 * attempt);
        continue;
      }
      if (err instanceof VersionConflictError)
        throw new BusyError('Many changes arrived at once. Nothing was saved or lost; please try again in a moment.');
      throw err;
    }
    await afterCommit(deps, change, created);
    return result;
  }
}

/**
 * What follows a successful commit: send the emails it queued (the dispatcher retries any
 * that fail). Its domain events need nothing here: the timeline entries the commit wrote
 * leave through the table's stream (shared/adapters/dynamodb/outbox.ts), even if this
 * process stops right now.
 */
export async function afterCommit(deps: Deps, change: PolicyChange, created: Job[]): Promise<void> {
  await deliverNow(deps, created, change.policy);
}

/** The next snapshot of a policy: same id, version + 1. */
export function next(policy: Policy, patch: Partial<Policy>): Policy {
  return { ...policy, ...patch, version: policy.version + 1 };
}
