/**
 * What every client email shares: the current limits in plain words, the footer with the
 * one-click stop link and crisis resources, and one last guard that keeps the therapist's
 * own address out of anything a client receives.
 */
import { crisisResources } from '../../domain/crisis.js';
import { keepAddressPrivate } from '../../domain/privacy.js';
import { formatDate, type IsoDate } from '../../domain/dates.js';
import { allowance, type Allowance } from '../../domain/enforcement.js';
import type { Policy } from '../../domain/policy.js';
import { describeAllowance, describeCheckIn, describeClosing, describeReplies, describeRules, describeUpdates } from '../../domain/wording.js';
import type { EmailContext, RenderedEmail } from '../context.js';
import { button, h, link, list, mapText, p, renderDocument, type Block } from '../layout.js';

export interface ClientLinks {
  page: string;
  stop: string;
  /** Present when replying to this email sends an update (inbound mail is set up). */
  reply?: string | null;
}

/** A client email always has its links; render.ts makes sure of it. */
export type ClientEmailContext = Omit<EmailContext, 'links'> & { links: ClientLinks };

export type ClientTemplate = (ctx: ClientEmailContext) => RenderedEmail;

export interface ClientEmailParts {
  subject: string;
  heading: string;
  body: Block[];
  /** The "where things stand" section; currentLimits() unless a template knows better. */
  limits?: { heading?: string; lines: string[] };
  /** Blocks after the limits section (e.g. the invitation's accept link, after the rules). */
  afterLimits?: Block[];
}

export const STOP_LABEL = 'Stop all emails from this arrangement';

export function clientEmail(ctx: ClientEmailContext, parts: ClientEmailParts): RenderedEmail {
  const therapist = ctx.policy.therapist.name;
  const limits = parts.limits ?? { lines: currentLimits(ctx) };
  const doc = {
    subject: parts.subject,
    heading: parts.heading,
    body: [...parts.body, h(limits.heading ?? `Your arrangement with ${therapist}`), list(limits.lines), ...(parts.afterLimits ?? [])],
    footer: clientFooter(ctx),
  };
  return renderDocument(mapText(doc, keepAddressPrivate(ctx.policy.therapist.email)));
}

function clientFooter(ctx: ClientEmailContext): Block[] {
  const { policy, links } = ctx;
  return [
    ...(links.reply ? [p('You can also send an update by replying to this email: write above the quoted text, in plain words. The same limits apply, and you will get an answer either way.')] : []),
    p('Afterword is not for emergencies, and nobody watches it for urgent messages. If you need help now:'),
    list(crisisResources(policy.rules.crisisLocale).lines),
    link(STOP_LABEL, links.stop),
    p(`Sent by Afterword on behalf of ${policy.therapist.name}.`),
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
          lines.push(`For the moment, ${therapist} has paused updates. You will be able to send them again once they reopen.`);
        } else {
          const a = options.allowance === undefined ? allowance(policy, today) : options.allowance;
          if (a) lines.push(`Right now: ${describeAllowance(a, today)}`);
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
  return ['This arrangement has ended. No more updates or check-in messages can be sent, and no more emails will come from it.'];
}

/** The check-in in plain words, as it stands (sent and skipped check-ins say so). */
export function checkInLine(policy: Policy): string {
  const c = policy.rules.checkIn;
  if (c && policy.checkIn === 'skipped') return 'You chose to skip the check-in. That is completely fine.';
  if (c && c.format === 'message' && policy.checkIn === 'sent') return 'Your check-in message has been sent.';
  return describeCheckIn(policy.rules);
}

/** The link to the client's page, labelled for what they can do there. */
export function pageButton(ctx: ClientEmailContext, label = 'Open your private page'): Block {
  return button(label, ctx.links.page);
}

export function greeting(policy: Policy): Block {
  return p(`Hello ${policy.client.name},`);
}

/** The therapist's referrals, introduced; nothing when there are none. */
export function referralBlocks(policy: Policy, heading = 'If you would like support'): Block[] {
  const referrals = policy.rules.referrals;
  if (referrals.length === 0) return [];
  return [
    h(heading),
    p(`${policy.therapist.name} suggested:`),
    list(referrals.map((r) => (r.contact ? `${r.name}: ${r.contact}` : r.name))),
  ];
}

/** Whether the check-in is still to come (so a refusal can point to it). */
export function checkInAhead(policy: Policy, today: IsoDate): string | null {
  const c = policy.rules.checkIn;
  if (!c || policy.checkIn !== 'pending' || c.on < today) return null;
  return `Your check-in on ${formatDate(c.on)} is still ahead.`;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
