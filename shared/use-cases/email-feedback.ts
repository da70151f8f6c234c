/**
 * A bounce or complaint from SES. For the client's address: stop all mail to it (the
 * dispatcher checks the flag before every send) and record why on the policy's timeline,
 * so the therapist can see it. SES's account-level suppression list backs this up.
 */
import type { Feedback } from '../domain/feedback.js';
import type { Deps } from './deps.js';
import { mutatePolicy, next } from './mutate.js';

export async function recordEmailFeedback(
  deps: Deps,
  feedback: Feedback,
): Promise<'suppressed' | 'recorded' | 'ignored'> {
  const { policyId } = feedback;
  if (!policyId || !feedback.permanent) {
    deps.log.info('ses.feedback-ignored', { reason: feedback.permanent ? 'untagged' : `transient-${feedback.kind}` });
    return 'ignored';
  }
  const exists = await deps.store.getPolicy(policyId);
  if (!exists) return 'ignored';
  // Sent to an address that has since been corrected: it says nothing about the current one.
  const stale = feedback.addressGeneration !== null && feedback.addressGeneration !== exists.clientAddressGeneration;
  if (feedback.audience === 'client' && stale) {
    deps.log.info('ses.feedback-ignored', { policyId, reason: 'corrected-address' });
    return 'ignored';
  }
  return mutatePolicy(deps, policyId, (policy) => {
    const at = deps.clock.now().toISOString();
    const suppress = feedback.audience === 'client' && !policy.clientEmailSuppressed;
    const event = {
      at,
      type: feedback.audience === 'client' ? 'client-email-suppressed' : 'therapist-email-failed',
      data: { kind: feedback.kind },
    };
    deps.log.warn('ses.feedback', { policyId, reason: `${feedback.audience ?? 'unknown'}-${feedback.kind}` });
    return {
      result: suppress ? 'suppressed' : 'recorded',
      change: {
        at,
        policy: next(policy, suppress ? { clientEmailSuppressed: true } : {}),
        expectedVersion: policy.version,
        events: [event],
      },
    };
  });
}
