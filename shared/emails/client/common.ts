/**
 * What every client email shares: the current limits in plain words, the footer with the
 * one-click stop link and crisis resources, and one last guard that keeps the therapist's
 * own address out of anything a client receives.
 */
import { crisisResources } from '../../domain/crisis.js';
import { keepAddressPrivate } from '../../domain/privacy.js';
import type { IsoDate } from '../../domain/dates.js';
import { allowance, type Allowance } from '../../domain/enforcement.js';
import { therapistAddresses, type Policy, type Referral } from '../../domain/policy.js';
import {
  ARRANGEMENT_ENDED,
  CHECK_IN_SENT,
  CHECK_IN_SKIPPED,
  checkInAheadOn,
  clientMail,
  describeCheckIn,
  describeClosing,
  describeReplies,
  describeRules,
  describeUpdates,
  referrals as referralWords,
  rightNow,
  sentOnBehalfOf,
  updatesPausedBy,
} from '../../wording/client.js';
import { referralLine } from '../../wording/format.js';
import type { AudienceContext, ClientLinks, EmailContext, RenderedEmail, Template } from '../context.js';
import { button, h, link, list, mapText, p, quote, renderDocument, type Block, type EmailDocument } from '../layout.js';

/** A client email always has its links; render.ts makes sure of it. */
export type ClientEmailContext = AudienceContext<ClientLinks>;

export type ClientTemplate = Template<ClientLinks>;

export interface ClientEmailParts extends Omit<EmailDocument, 'footer'> {
  /** The "where things stand" section; currentLimits() unless a template knows better. */
  limits?: { heading?: string; lines: string[] };
  /** Blocks after the limits section (e.g. the invitation's accept link, after the rules). */
  afterLimits?: Block[];
  /** Whose behalf the footer says it was sent on: the therapist, unless the practice itself writes. */
  signedBy?: string;
}

export function clientEmail(ctx: ClientEmailContext, parts: ClientEmailParts): RenderedEmail {
  const therapist = ctx.policy.therapist.name;
  const limits = parts.limits ?? { lines: currentLimits(ctx) };
  const doc = {
    subject: parts.subject,
    heading: parts.heading,
    body: [
      ...parts.body,
      h(limits.heading ?? clientMail.arrangementHeading(therapist)),
      list(limits.lines),
      ...(parts.afterLimits ?? []),
    ],
    footer: clientFooter(ctx, parts.signedBy ?? therapist),
  };
  return renderDocument(mapText(doc, keepAddressPrivate(therapistAddresses(ctx.policy))));
}

function clientFooter(ctx: ClientEmailContext, signedBy: string): Block[] {
  const { policy, links } = ctx;
  return [
    ...(links.reply ? [p(clientMail.replyToSend)] : []),
    p(clientMail.notForEmergencies),
    list(crisisResources(policy.rules.crisisLocale).lines),
    link(clientMail.stop, links.stop),
    p(sentOnBehalfOf(signedBy)),
  ];
}

export interface LimitsOptions {
  /** What is left; computed from the policy unless given. Null leaves the line out (the body says it). */
  allowance?: Allowance | null;
  /** Leave out the check-in line when the body already explains the check-in. */
  withCheckIn?: boolean;
}

/** The arrangement as it stands today, one plain sentence per line. */
export function currentLimits(ctx: Pick<EmailContext, 'policy' | 'today'>, options: LimitsOptions = {}): string[] {
  const { policy, today } = ctx;
  const { rules } = policy;
  const therapist = policy.therapist.name;
  switch (policy.state) {
    case 'invited':
      return describeRules(rules, therapist);
    case 'declined':
    case 'closed':
      return endedLines();
    case 'active':
    case 'paused': {
      const lines = [describeUpdates(rules)];
      if (rules.updates.limit > 0) {
        if (policy.state === 'paused') {
          lines.push(updatesPausedBy(therapist));
        } else {
          const a = options.allowance === undefined ? allowance(policy, today) : options.allowance;
          if (a) lines.push(rightNow(a, today));
        }
        lines.push(describeReplies(rules, therapist));
      }
      if (options.withCheckIn !== false) lines.push(checkInLine(policy));
      lines.push(describeClosing(rules));
      return lines;
    }
  }
}

export function endedLines(): string[] {
  return [ARRANGEMENT_ENDED];
}

/** The check-in in plain words, as it stands (sent and skipped check-ins say so). */
export function checkInLine(policy: Policy): string {
  const c = policy.rules.checkIn;
  if (c && policy.checkIn === 'skipped') return CHECK_IN_SKIPPED;
  if (c && c.format === 'message' && policy.checkIn === 'sent') return CHECK_IN_SENT;
  return describeCheckIn(policy.rules);
}

/** The link to the client's page, labelled for what they can do there. */
export function pageButton(ctx: ClientEmailContext, label = clientMail.openPage): Block {
  return button(label, ctx.links.page);
}

export function greeting(policy: Policy): Block {
  return p(clientMail.greeting(policy.client.name));
}

/** The therapist's referrals, introduced; nothing when there are none. */
export function referralBlocks(policy: Policy, heading = referralWords.heading): Block[] {
  return referralList(policy.rules.referrals, referralWords.intro(policy.therapist.name), heading);
}

/** Referrals under a heading, after who suggests them; nothing when there are none. */
export function referralList(referrals: Referral[], intro: string, heading = referralWords.heading): Block[] {
  if (referrals.length === 0) return [];
  return [h(heading), p(intro), list(referrals.map(referralLine))];
}

/** Whether the check-in is still to come (so a refusal can point to it). */
export function checkInAhead(policy: Policy, today: IsoDate): string | null {
  const c = policy.rules.checkIn;
  if (!c || policy.checkIn !== 'pending' || c.on < today) return null;
  return checkInAheadOn(c.on);
}

/** A personal note (invitation or goodbye) in the therapist's own words, introduced; nothing without one. */
export function noteBlocks(therapist: string, note: string | null): Block[] {
  return note ? [p(clientMail.noteFrom(therapist)), quote(note)] : [];
}

/** A check-in session: the therapist's note in their own words, or that they will arrange it. */
export function sessionNote(therapist: string, note: string | null): Block[] {
  return note ? noteBlocks(therapist, note) : [p(clientMail.willArrange(therapist))];
}
