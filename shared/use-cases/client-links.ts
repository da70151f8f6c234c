/**
 * The client's tokens, from sending to clicking. Each client email mints its own (only their
 * hashes are stored), and a token opens only what it was minted for. Page links die with "Send
 * a new link"; a stop link lives as long as the arrangement, so the client can stop from any
 * email ever sent. Every link also records the client address it was sent to, so that links sent
 * to a mistyped address can be stopped once it is corrected.
 */
import { NotFoundError } from '../domain/errors.js';
import type { Policy } from '../domain/policy.js';
import { hashToken } from '../domain/tokens.js';
import type { LinkPurpose, LinkRecord } from '../ports/store.js';
import type { Deps } from './deps.js';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const DAY_SECONDS = 86_400;

/** What a link is used for here: the page and its actions, or only stopping all emails. */
export type LinkUse = 'page' | 'stop';

export const linkNotActive = () =>
  new NotFoundError(
    'This link is not active. If you have a newer email about this arrangement, please use the link in that one.',
  );

export function linkExpiry(policy: Policy): number {
  // Links outlive the arrangement by its retention period, twice over, so a late click still gets
  // a kind page (and stops, if it is a stop link) while the arrangement's data is kept.
  return Math.floor(Date.parse(`${policy.rules.closesOn}T00:00:00Z`) / 1000) + 2 * policy.retentionDays * DAY_SECONDS;
}

/** Stores the hash of a new token for `policy` as it is now, to open `purpose`. */
export function mintLink(deps: Deps, policy: Policy, purpose: LinkPurpose, token: string): Promise<void> {
  const link: LinkRecord = {
    policyId: policy.id,
    generation: policy.linkGeneration,
    purpose,
    addressGeneration: policy.clientAddressGeneration,
  };
  return deps.store.putLink(hashToken(token), link, linkExpiry(policy));
}

/**
 * Whether a link still opens `use` for the policy as it is now. Links stored before a purpose
 * or an address was recorded are page links sent to the first address.
 */
export function linkOpens(link: LinkRecord, policy: Policy, use: LinkUse): boolean {
  if ((link.addressGeneration ?? 1) !== policy.clientAddressGeneration) return false;
  switch (link.purpose ?? 'page') {
    case 'page':
      return link.generation === policy.linkGeneration;
    case 'stop':
      // Not tied to the link generation: "Send a new link" must never take away a way to stop.
      return use === 'stop';
    case 'reply':
      return false;
  }
}

export interface OpenedLink {
  policy: Policy;
  /** False for a stop link: its pages must not lead to the client's page, which it cannot open. */
  opensPage: boolean;
}

/** Token → the policy it opens for `use`, or a 404 that says nothing about whether a policy exists. */
export async function openLink(deps: Deps, token: string, use: LinkUse): Promise<OpenedLink> {
  if (!TOKEN_SHAPE.test(token)) throw linkNotActive();
  const link = await deps.store.getLink(hashToken(token));
  const policy = link && (await deps.store.getPolicy(link.policyId));
  if (!link || !policy || !linkOpens(link, policy, use)) throw linkNotActive();
  return { policy, opensPage: (link.purpose ?? 'page') === 'page' };
}
