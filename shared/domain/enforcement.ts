/**
 * The rules that decide whether a client's update or check-in message is accepted.
 * Pure: callers pass the policy, today's date in the policy's zone, and the text.
 * Order of checks is the product's contract (docs: "Enforcement of a client update").
 */
import { addDays, formatDate, type IsoDate } from './dates.js';
import { RefusalError, ValidationError } from './errors.js';
import type { Policy } from './policy.js';
import { countCharacters, hasControlCharacters, isBlank, normaliseMessage } from './text.js';

export type Decision = { outcome: 'accepted'; text: string; characters: number } | { outcome: 'refused'; refusal: RefusalError };

/** What the client has left, as of `today`. Used by status, receipts, pages and emails. */
export interface Allowance {
  limit: number;
  used: number;
  left: number;
  windowFrom: IsoDate;
  windowUntil: IsoDate;
  /** Earliest day an update may be sent; null when no more updates are possible. */
  nextAllowedOn: IsoDate | null;
  canSendToday: boolean;
}

export function allowance(policy: Policy, today: IsoDate): Allowance {
  const { limit, from, until, minDaysBetween } = policy.rules.updates;
  const used = policy.updatesAccepted;
  const left = Math.max(0, limit - used);
  let next: IsoDate | null = null;
  if (left > 0 && !isClosedForGood(policy)) {
    const afterGap = policy.lastUpdateOn ? addDays(policy.lastUpdateOn, minDaysBetween) : from;
    const earliest = [from, afterGap, today].reduce((a, b) => (a > b ? a : b));
    next = earliest <= until ? earliest : null;
  }
  return {
    limit,
    used,
    left,
    windowFrom: from,
    windowUntil: until,
    nextAllowedOn: next,
    canSendToday: policy.state === 'active' && next === today,
  };
}

function isClosedForGood(policy: Policy): boolean {
  return policy.state === 'closed' || policy.state === 'declined';
}

/** Shared text checks (steps 3 of both flows): empty is a validation error, long is a refusal. */
function checkText(raw: string, maxCharacters: number): Decision {
  const text = normaliseMessage(raw);
  if (isBlank(text)) throw new ValidationError('Please write something before sending.', [{ path: 'text', message: 'The message is empty.' }]);
  if (hasControlCharacters(text)) {
    throw new ValidationError('The message contains characters that cannot be sent. Please remove them and try again.', [
      { path: 'text', message: 'Contains control characters.' },
    ]);
  }
  const characters = countCharacters(text);
  if (characters > maxCharacters) {
    return refuse(
      new RefusalError(
        'too-long',
        `Your message is ${characters.toLocaleString('en-US')} characters and the limit is ${maxCharacters.toLocaleString('en-US')}. Shortening it a little will let it through.`,
        { limit: maxCharacters, count: characters },
      ),
    );
  }
  return { outcome: 'accepted', text, characters };
}

function refuse(refusal: RefusalError): Decision {
  return { outcome: 'refused', refusal };
}

export function notActiveDetail(policy: Policy): string {
  switch (policy.state) {
    case 'invited':
      return 'Updates open once you accept the arrangement.';
    case 'paused':
      return 'Your therapist has paused updates for the moment. Nothing you wrote is lost; you can send it once updates open again.';
    case 'declined':
      return 'You chose not to take part in this arrangement, so updates are not open.';
    case 'closed':
      return policy.closedReason === 'opted-out'
        ? 'You stopped all emails for this arrangement, so it has ended and updates can no longer be sent.'
        : 'This arrangement has come to its end, so updates can no longer be sent.';
    case 'active':
      return '';
  }
}

/** Enforcement of a client update, in the documented order. */
export function decideUpdate(policy: Policy, today: IsoDate, rawText: string): Decision {
  const rules = policy.rules.updates;
  if (policy.state !== 'active') {
    return refuse(new RefusalError('not-active', notActiveDetail(policy), { state: policy.state }));
  }
  if (today < rules.from) {
    return refuse(
      new RefusalError('outside-window', `Updates can be sent from ${formatDate(rules.from)} until ${formatDate(rules.until)}.`, {
        windowFrom: rules.from,
        windowUntil: rules.until,
        nextAllowedOn: rules.from,
      }),
    );
  }
  if (today > rules.until) {
    return refuse(
      new RefusalError('outside-window', `The time for updates ended on ${formatDate(rules.until)}.${checkInStillAhead(policy, today)}`, {
        windowFrom: rules.from,
        windowUntil: rules.until,
      }),
    );
  }
  const text = checkText(rawText, rules.maxCharacters);
  if (text.outcome === 'refused') return text;
  if (rules.limit === 0) {
    return refuse(new RefusalError('limit-reached', `This arrangement does not include written updates.${checkInStillAhead(policy, today)}`, { limit: 0 }));
  }
  if (policy.updatesAccepted >= rules.limit) {
    const all = rules.limit === 1 ? 'the one update' : `all ${rules.limit} updates`;
    return refuse(
      new RefusalError('limit-reached', `You have sent ${all} this arrangement allows.${checkInStillAhead(policy, today)}`, {
        limit: rules.limit,
      }),
    );
  }
  if (policy.lastUpdateOn) {
    const nextAllowedOn = addDays(policy.lastUpdateOn, rules.minDaysBetween);
    if (today < nextAllowedOn) {
      if (nextAllowedOn > rules.until) {
        // The gap runs past the window: say so plainly instead of offering a date that will not work.
        return refuse(
          new RefusalError(
            'too-soon',
            `Updates need ${rules.minDaysBetween} days between them, and the time for updates ends on ${formatDate(rules.until)}, so no further update can be sent.${checkInStillAhead(policy, today)}`,
            { windowUntil: rules.until },
          ),
        );
      }
      return refuse(
        new RefusalError('too-soon', `Your next update can be sent from ${formatDate(nextAllowedOn)}.`, { nextAllowedOn }),
      );
    }
  }
  return text;
}

/** What is still possible after a refused update: the check-in, if it is ahead or open now. */
function checkInStillAhead(policy: Policy, today: IsoDate): string {
  const checkIn = policy.rules.checkIn;
  if (!checkIn || policy.checkIn === 'sent' || policy.checkIn === 'skipped') return '';
  if (checkIn.on > today) return ` Your check-in on ${formatDate(checkIn.on)} is still ahead.`;
  if (checkIn.format === 'message' && today <= checkIn.messageUntil) {
    return ` You can send your check-in message until ${formatDate(checkIn.messageUntil)}.`;
  }
  return '';
}

/** Enforcement of the one check-in message (format "message"). */
export function decideCheckIn(policy: Policy, today: IsoDate, rawText: string): Decision {
  const checkIn = policy.rules.checkIn;
  if (policy.state !== 'active') {
    return refuse(new RefusalError('not-active', notActiveDetail(policy).replace(/\b([Uu])pdates\b/g, (_, u: string) => (u === 'U' ? 'Messages' : 'messages')), { state: policy.state }));
  }
  if (!checkIn || checkIn.format !== 'message') {
    return refuse(
      new RefusalError(
        'no-check-in',
        checkIn ? 'Your check-in is a session your therapist arranges, so there is no message to send here.' : 'This arrangement has no check-in.',
      ),
    );
  }
  if (policy.checkIn === 'sent') {
    return refuse(new RefusalError('already-checked-in', 'Your check-in message has been sent. Your therapist has it.'));
  }
  if (today < checkIn.on) {
    return refuse(
      new RefusalError(
        'not-check-in-time',
        `Your check-in message can be sent from ${formatDate(checkIn.on)} until ${formatDate(checkIn.messageUntil)}.`,
        { nextAllowedOn: checkIn.on },
      ),
    );
  }
  if (today > checkIn.messageUntil) {
    return refuse(new RefusalError('not-check-in-time', `The time for the check-in message ended on ${formatDate(checkIn.messageUntil)}.`));
  }
  return checkText(rawText, policy.rules.updates.maxCharacters);
}
