/**
 * What every therapist email shares: a link to the arrangement in the portal and a short
 * footer. The context type has `links: null`, so a therapist template cannot reach the
 * client's private page or stop link even by mistake.
 */
import type { Policy } from '../../domain/policy.js';
import type { EmailContext, RenderedEmail } from '../context.js';
import { button, p, renderDocument, type Block } from '../layout.js';

export type TherapistEmailContext = Omit<EmailContext, 'links'> & { links: null };

export type TherapistTemplate = (ctx: TherapistEmailContext) => RenderedEmail;

export interface TherapistEmailParts {
  subject: string;
  heading: string;
  body: Block[];
  /** Label of the portal link at the end of the body. */
  portalLabel?: string;
}

export function policyUrl(ctx: Pick<EmailContext, 'portalUrl' | 'policy'>): string {
  // The portal routes in the fragment (#/policies/<id>): one page, no server route per screen.
  return `${ctx.portalUrl.replace(/\/+$/, '')}#/policies/${encodeURIComponent(ctx.policy.id)}`;
}

export function therapistEmail(ctx: TherapistEmailContext, parts: TherapistEmailParts): RenderedEmail {
  return renderDocument({
    subject: parts.subject,
    heading: parts.heading,
    body: [...parts.body, button(parts.portalLabel ?? 'Open this arrangement in the portal', policyUrl(ctx))],
    footer: [
      p(
        `Sent by Afterword about your arrangement with ${ctx.policy.client.name}. ` +
          'Your email address is never shown to the client.',
      ),
    ],
  });
}

/** "Update 2 of 3" counts: how many are left after `seq`. */
export function updatesLeft(policy: Policy, seq: number): number {
  return Math.max(0, policy.rules.updates.limit - seq);
}
