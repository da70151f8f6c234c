/**
 * What every therapist email shares: a link to the arrangement in the portal and a short
 * footer. The context type has `links: null`, so a therapist template cannot reach the
 * client's private page or stop link even by mistake.
 */
import type { Policy } from '../../domain/policy.js';
import { therapistMail } from '../../wording/therapist.js';
import type { AudienceContext, EmailContext, RenderedEmail, Template } from '../context.js';
import { shortName } from '../escape.js';
import { button, p, quote, renderDocument, type Block, type EmailDocument } from '../layout.js';

export type TherapistEmailContext = AudienceContext<null>;

export type TherapistTemplate = Template<null>;

export interface TherapistEmailParts extends Pick<EmailDocument, 'body'> {
  /** The subject, which is the heading too; the subject gets a shortened name. */
  title: (clientName: string) => string;
  /** Label of the portal link at the end of the body. */
  portalLabel?: string;
}

export function policyUrl(ctx: Pick<EmailContext, 'portalUrl' | 'policy'>): string {
  // The portal routes in the fragment (#/policies/<id>): one page, no server route per screen.
  return `${ctx.portalUrl.replace(/\/+$/, '')}#/policies/${encodeURIComponent(ctx.policy.id)}`;
}

export function therapistEmail(ctx: TherapistEmailContext, parts: TherapistEmailParts): RenderedEmail {
  const client = ctx.policy.client.name;
  return renderDocument({
    subject: parts.title(shortName(client)),
    heading: parts.title(client),
    body: [...parts.body, button(parts.portalLabel ?? therapistMail.openInPortal, policyUrl(ctx))],
    footer: [p(therapistMail.footer(client))],
  });
}

/** "Update 2 of 3" counts: how many are left after `seq`. */
export function updatesLeft(policy: Policy, seq: number): number {
  return Math.max(0, policy.rules.updates.limit - seq);
}

/** The therapist's own note for a check-in session, shown as the client reads it. */
export function sessionNote(client: string, note: string | null): Block[] {
  return note ? [p(therapistMail.noteAsClientReadsIt(client)), quote(note)] : [];
}
