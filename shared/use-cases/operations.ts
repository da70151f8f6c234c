/**
 * What a practice admin does by hand (through `npm run ops`): see and re-send mail that
 * failed every retry, see and lift stopped client addresses, see what is due, and invite a
 * therapist. Each returns ids, kinds, counts and dates only.
 */
import type { OperationsStore, SuppressionList, TherapistDirectory } from '../ports/operations.js';
import type { Deps } from './deps.js';
import { mutatePolicy, next } from './mutate.js';
import { inviteMember } from './practice-therapists.js';

export interface OpsDeps {
  app: Deps;
  operations: OperationsStore;
  suppressionList: SuppressionList;
  directory: TherapistDirectory;
}

export const listDeadLetters = (ops: OpsDeps, limit = 100) => ops.operations.deadLetters(limit);

/**
 * Re-sends one dead-lettered job: back into due work now with a fresh count of tries, noted on
 * the policy's timeline. The dispatcher then sends it, checking consent and stops as always.
 */
export async function resendDeadLetter(
  ops: OpsDeps,
  policyId: string,
  jobId: string,
): Promise<'queued' | 'not-dead-lettered'> {
  const now = ops.app.clock.now();
  const requeued = await ops.operations.requeue(policyId, jobId, now, {
    at: now.toISOString(),
    type: 'delivery-resent',
  });
  if (requeued) ops.app.log.info('ops.resent', { policyId });
  return requeued ? 'queued' : 'not-dead-lettered';
}

export const listSuppressed = (ops: OpsDeps, limit = 100) => ops.operations.suppressed(limit);

/**
 * Lifts a stopped client address (the cause is fixed: a full mailbox emptied, a typo
 * corrected): mail to the client resumes, the timeline says so, and SES's account-level
 * suppression list forgets the address too.
 */
export async function liftSuppression(
  ops: OpsDeps,
  policyId: string,
): Promise<{ lifted: boolean; accountList: string }> {
  // The address comes from the policy the decision was made on: no second read.
  const { lifted, address } = await mutatePolicy(ops.app, policyId, (policy) => {
    if (!policy.clientEmailSuppressed) return { change: null, result: { lifted: false, address: policy.client.email } };
    const at = ops.app.clock.now().toISOString();
    return {
      result: { lifted: true, address: policy.client.email },
      change: {
        at,
        policy: next(policy, { clientEmailSuppressed: false }),
        expectedVersion: policy.version,
        events: [{ at, type: 'client-email-unsuppressed' }],
      },
    };
  });
  const accountList = await ops.suppressionList.remove(address);
  ops.app.log.info('ops.suppression-lifted', {
    policyId,
    reason: `${lifted ? 'lifted' : 'was-not-stopped'}; account list: ${accountList}`,
  });
  return { lifted, accountList };
}

/** What the dispatcher will do in the next `hours`, counted by kind. */
export async function dueSoon(
  ops: OpsDeps,
  hours = 24,
): Promise<{ until: string; total: number; byKind: Record<string, number>; overdue: number }> {
  const now = ops.app.clock.now();
  const until = new Date(now.getTime() + hours * 3_600_000);
  const items = await ops.operations.dueBefore(until, 1000);
  const byKind: Record<string, number> = {};
  for (const item of items) byKind[item.kind] = (byKind[item.kind] ?? 0) + 1;
  return {
    until: until.toISOString(),
    total: items.length,
    byKind,
    overdue: items.filter((i) => i.dueAt < new Date(now.getTime() - 5 * 60_000).toISOString()).length,
  };
}

/**
 * The same invitation a practice admin sends from the portal (practice-therapists.ts), made by
 * `ops`: the account, the practice's invitation, the member record and the timeline entry.
 * Without `admin`, a new therapist is a therapist and one already in the practice keeps their role.
 */
export async function inviteTherapist(
  ops: OpsDeps,
  therapist: { email: string; name: string; admin: boolean; practiceId: string },
) {
  const { member, invitation } = await inviteMember(
    { ...ops.app, directory: ops.directory },
    {
      practiceId: therapist.practiceId,
      email: therapist.email,
      name: therapist.name,
      role: therapist.admin ? 'admin' : undefined,
      by: 'ops',
    },
  );
  return {
    outcome: invitation,
    therapistId: member.therapistId,
    practiceId: member.practiceId,
    role: member.role,
    status: member.status,
  };
}
