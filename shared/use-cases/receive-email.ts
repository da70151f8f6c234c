/**
 * An update sent by replying to one of our emails. Steps: find the reply address's token →
 * check it belongs to a live policy and the message really comes from that client (SES's
 * SPF/DKIM verdicts and the From address) → keep only the new words above the quote →
 * the same decision as the page, with the Message-ID as idempotency key (mail can arrive
 * twice) → the client gets a receipt, or a refusal that quotes their words back.
 * Anything else is dropped quietly (logged without content): answering strangers would
 * be backscatter.
 */
import { hashToken } from '../domain/tokens.js';
import { ValidationError } from '../domain/errors.js';
import { stripQuotedReply } from '../domain/text.js';
import { submitUpdateTo } from './client-actions.js';
import type { Deps } from './deps.js';

export interface InboundUpdate {
  recipients: string[];
  from: string | null;
  text: string;
  messageId: string;
  /** SES found SPF or DKIM passing and no virus: the From address can be trusted. */
  authenticated: boolean;
}

export type InboundOutcome = 'accepted' | 'refused' | 'ignored';

const REPLY_ADDRESS = /^reply\+([a-z2-7]{52})@/i;

export async function receiveEmailUpdate(deps: Deps, mail: InboundUpdate): Promise<InboundOutcome> {
  const ignore = (reason: string, policyId?: string) => {
    deps.log.info('inbound.ignored', { reason, ...(policyId ? { policyId } : {}) });
    return 'ignored' as const;
  };
  const token = mail.recipients.map((r) => REPLY_ADDRESS.exec(r.trim())?.[1]?.toLowerCase()).find(Boolean);
  if (!token) return ignore('not-a-reply-address');
  const link = await deps.store.getLink(hashToken(token));
  if (!link || link.purpose !== 'reply') return ignore('unknown-reply-address');
  const policy = await deps.store.getPolicy(link.policyId);
  if (!policy || policy.linkGeneration !== link.generation) return ignore('revoked-reply-address', link.policyId);
  // An ended arrangement sends nothing more, not even a refusal.
  if (policy.state === 'closed' || policy.state === 'declined') return ignore('arrangement-ended', policy.id);
  if (!mail.authenticated || mail.from?.trim().toLowerCase() !== policy.client.email.trim().toLowerCase()) {
    return ignore('sender-not-the-client', policy.id);
  }
  const words = stripQuotedReply(mail.text);
  if (!words) return ignore('no-new-words', policy.id);
  try {
    const outcome = await submitUpdateTo(deps, policy.id, words, `email:${mail.messageId}`, 'email');
    return outcome.status < 400 ? 'accepted' : 'refused';
  } catch (err) {
    if (err instanceof ValidationError) return ignore('invalid-text', policy.id);
    throw err;
  }
}
