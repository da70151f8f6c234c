/** Domain events out, after a commit. Best effort by design: see afterCommit in mutate.ts. */
import { toDomainEvents } from '../domain/events.js';
import { errorFields } from '../ports/logger.js';
import type { HistoryEvent } from '../ports/store.js';
import type { Deps } from './deps.js';

export async function publishEvents(
  deps: Deps,
  policy: { id: string; therapistId: string },
  history: HistoryEvent[],
): Promise<void> {
  if (history.length === 0) return;
  try {
    const events = toDomainEvents(policy, history);
    if (events.length > 0) await deps.events.publish(events);
  } catch (err) {
    deps.log.error('events.publish-failed', { policyId: policy.id, count: history.length, ...errorFields(err) });
  }
}
