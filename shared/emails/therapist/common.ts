/**
 * What every therapist email shares: a link to the arrangement in the portal and a short
 * footer. The context type has `links: null`, so a therapist template cannot reach the
 * client's private page or stop link even by mistake.
 */
import { todayIn, type IsoDate } from '../../domain/dates.js';
import type { Policy } from '../../domain/policy.js';
import { noticeMail, therapistMail } from '../../wording/therapist.js';
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

/** The portal routes in the fragment (#/policies/<id>): one page, no server route per screen. */
export function arrangementUrl(portalUrl: string, policyId: string): string {
  return `${portalUrl.replace(/\/+$/, '')}#/policies/${encodeURIComponent(policyId)}`;
}

export function policyUrl(ctx: Pick<EmailContext, 'portalUrl' | 'policy'>): string {
  return arrangementUrl(ctx.portalUrl, ctx.policy.id);
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

/** The day the practice last handed the arrangement to a colleague, in its zone; null when it never did. */
export function handedOverOn(policy: Policy): IsoDate | null {
  const last = policy.handovers?.at(-1);
  return last ? todayIn(policy.rules.timeZone, new Date(last.at)) : null;
}

/**
 * How a notice names an arrangement, without the client: the day it was set up (in its zone), or
 * the day it was handed to this therapist, and the start of its id.
 */
export function neutralReference(policy: Policy): { ref: string; arrangement: string } {
  const ref = policy.id.slice(0, 8);
  const handed = handedOverOn(policy);
  if (handed) return { ref, arrangement: noticeMail.handedArrangement(handed, ref) };
  const createdOn = todayIn(policy.rules.timeZone, new Date(policy.createdAt));
  return { ref, arrangement: noticeMail.arrangement(createdOn, ref) };
}

/**
 * Whether a message's email, decided in full text, must go as a notice: the arrangement was
 * handed over on or after the day it was sent, so the full text was its former therapist's
 * choice, not necessarily the one who receives it now.
 */
export function heldBackByHandover(policy: Policy, sentOn: IsoDate): boolean {
  const handed = handedOverOn(policy);
  return handed !== null && handed >= sentOn;
}

/** An email that says something arrived, with a link to read it in the portal, and nothing of the client. */
export function therapistNotice(
  ctx: TherapistEmailContext,
  parts: { title: string; body: Block[]; why?: string },
): RenderedEmail {
  return renderDocument({
    subject: parts.title,
    heading: parts.title,
    body: [...parts.body, p(parts.why ?? noticeMail.why), button(noticeMail.openToRead, policyUrl(ctx))],
    footer: [p(noticeMail.footer)],
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
