/**
 * The rules that decide whether a client's update or check-in message is accepted.
 * Pure: callers pass the policy, today's date in the policy's zone, and the text.
 * Order of checks is the product's contract (docs: "Enforcement of a client update").
 */
import {
  alsoTooLong,
  CHECK_IN_ALREADY_SENT,
  CHECK_IN_IS_A_SESSION,
  CONTROL_CHARACTERS,
  EMPTY_MESSAGE,
  NO_CHECK_IN_HERE,
  checkInMessageEnded,
  checkInMessageNotOpen,
  checkInMessageOpens,
  checkInMessageUntil,
  checkInAheadOn,
  tooLong,
  updateRefusal,
  updatesNotOpen,
} from '../wording/client.js';
import { sentences } from '../wording/format.js';
import { addDays, type IsoDate } from './dates.js';
import { RefusalError, ValidationError, type RefusalDetails } from './errors.js';
import { checkInLastDay, type Policy } from './policy.js';
import { countCharacters, hasControlCharacters, isBlank, normaliseMessage } from './text.js';

export type Decision =
  { outcome: 'accepted'; text: string; characters: number } | { outcome: 'refused'; refusal: RefusalError };

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

/** Step 3 of both flows: an empty text (or one with control characters) is a validation error. */
function validText(raw: string): { text: string; characters: number } {
  const text = normaliseMessage(raw);
  if (isBlank(text)) throw new ValidationError(EMPTY_MESSAGE.detail, [{ path: 'text', message: EMPTY_MESSAGE.issue }]);
  if (hasControlCharacters(text)) {
    throw new ValidationError(CONTROL_CHARACTERS.detail, [{ path: 'text', message: CONTROL_CHARACTERS.issue }]);
  }
  return { text, characters: countCharacters(text) };
}

/** The check-in message's text: valid, and within the length; too long is a refusal. */
function checkText(raw: string, maxCharacters: number): Decision {
  const { text, characters } = validText(raw);
  if (characters > maxCharacters) {
    return refuse(
      new RefusalError('too-long', tooLong(characters, maxCharacters), { limit: maxCharacters, count: characters }),
    );
  }
  return { outcome: 'accepted', text, characters };
}

function refuse(refusal: RefusalError): Decision {
  return { outcome: 'refused', refusal };
}

/** Why updates are not open; the client's page shows it too, from here. */
export const notActiveDetail = (policy: Policy): string => updatesNotOpen(policy);

/**
 * One thing that stands in the way of an update. `final`: nothing the client can do later
 * gets this update through (the arrangement ended, the window is over, none are left), so
 * no advice that would not work is given next to it.
 */
export type Blocker =
  | { reason: 'not-active'; final: boolean }
  | { reason: 'outside-window'; final: false; opensOn: IsoDate }
  | { reason: 'outside-window'; final: true; endedOn: IsoDate }
  | { reason: 'too-long'; final: false; count: number; limit: number }
  | { reason: 'limit-reached'; final: true; limit: number }
  | { reason: 'too-soon'; final: false; nextAllowedOn: IsoDate }
  | { reason: 'too-soon'; final: true; gapDays: number };

/**
 * Everything that blocks an update today, in the enforcement order, up to the first that is
 * final (what follows it no longer matters). Empty: the update can go through (if its text is
 * not empty). The first is the refusal's reason; the rest is what the next try still meets.
 */
export function updateBlockers(policy: Policy, today: IsoDate, text: string): Blocker[] {
  const rules = policy.rules.updates;
  const found: Blocker[] = [];
  const add = (b: Blocker) => (found.push(b), b.final);
  // Paused until after the window ends: it will not open again in time for an update.
  const pausedPastWindow = policy.state === 'paused' && (policy.pause?.until ?? '') > rules.until;
  if (policy.state !== 'active' && add({ reason: 'not-active', final: isClosedForGood(policy) || pausedPastWindow }))
    return found;
  if (today > rules.until) return (add({ reason: 'outside-window', final: true, endedOn: rules.until }), found);
  if (today < rules.from) add({ reason: 'outside-window', final: false, opensOn: rules.from });
  const characters = countCharacters(text);
  if (characters > rules.maxCharacters)
    add({ reason: 'too-long', final: false, count: characters, limit: rules.maxCharacters });
  if (policy.updatesAccepted >= rules.limit)
    return (add({ reason: 'limit-reached', final: true, limit: rules.limit }), found);
  const nextAllowedOn = policy.lastUpdateOn ? addDays(policy.lastUpdateOn, rules.minDaysBetween) : null;
  if (nextAllowedOn && nextAllowedOn > rules.until && today < nextAllowedOn)
    add({ reason: 'too-soon', final: true, gapDays: rules.minDaysBetween });
  else if (nextAllowedOn && today < nextAllowedOn) add({ reason: 'too-soon', final: false, nextAllowedOn });
  return found;
}

/** The first day the next try can go through, when one is known (nothing final blocks it). */
function nextTryOn(blockers: Blocker[], today: IsoDate, pauseEnds: IsoDate | null): IsoDate | undefined {
  if (blockers.some((b) => b.final)) return undefined;
  const dates = blockers.flatMap((b) => ('opensOn' in b ? [b.opensOn] : 'nextAllowedOn' in b ? [b.nextAllowedOn] : []));
  // Paused or not yet accepted: when it opens is known only for a pause with an end date.
  if (blockers[0]?.reason === 'not-active') {
    // A resume already due (the dispatcher runs each minute) opens today.
    if (pauseEnds) dates.push(later(pauseEnds, today));
    return dates.length > 0 ? dates.reduce(later) : undefined;
  }
  return dates.length > 0 ? dates.reduce(later) : today;
}

const later = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

/** The contract's own fields for a refusal's reason (the window's dates, the limit and the count…). */
function contractFields(first: Blocker, policy: Policy): RefusalDetails {
  const { from, until } = policy.rules.updates;
  switch (first.reason) {
    case 'not-active':
      return { state: policy.state };
    case 'outside-window':
      return { windowFrom: from, windowUntil: until };
    case 'too-long':
      return { limit: first.limit, count: first.count };
    case 'limit-reached':
      return { limit: first.limit };
    case 'too-soon':
      return first.final ? { windowUntil: until } : {};
  }
}

/** The problem's fields for the first blocker, as the contract has them, plus what else blocks. */
function refusalDetails(
  policy: Policy,
  blockers: Blocker[],
  today: IsoDate,
  nextAllowedOn: IsoDate | undefined,
): RefusalDetails {
  const [first, ...rest] = blockers;
  const own = first ? contractFields(first, policy) : {};
  return {
    ...own,
    ...(nextAllowedOn && nextAllowedOn !== today ? { nextAllowedOn } : {}),
    ...(rest.length > 0 ? { alsoBlockedBy: rest.map((b) => b.reason) } : {}),
  };
}

/** Enforcement of a client update, in the documented order; a refusal tells the whole truth. */
export function decideUpdate(policy: Policy, today: IsoDate, rawText: string): Decision {
  const blockers = updateBlockers(policy, today, normaliseMessage(rawText));
  const first = blockers[0];
  if (!first) return { outcome: 'accepted', ...validText(rawText) };
  // Step 3 (an empty text) is a validation error, reached only when steps 1 and 2 pass.
  if (first.reason !== 'not-active' && first.reason !== 'outside-window') validText(rawText);
  const nextTry = nextTryOn(blockers, today, policy.state === 'paused' ? (policy.pause?.until ?? null) : null);
  return refuse(
    new RefusalError(
      first.reason,
      updateRefusal(blockers, policy, checkInStillAhead(policy, today), nextTry),
      refusalDetails(policy, blockers, today, nextTry),
    ),
  );
}

/** What is still possible after a refused update: the check-in, if it is ahead or open now. */
function checkInStillAhead(policy: Policy, today: IsoDate): string | null {
  const checkIn = policy.rules.checkIn;
  if (!checkIn || policy.checkIn === 'sent' || policy.checkIn === 'skipped') return null;
  // Paused past the check-in's last day: it will not open again in time, so it is not offered.
  if (policy.state === 'paused' && (policy.pause?.until ?? '') > checkInLastDay(checkIn)) return null;
  if (checkIn.on > today) return checkInAheadOn(checkIn.on);
  if (checkIn.format === 'message' && today <= checkIn.messageUntil) {
    return checkInMessageUntil(checkIn.messageUntil);
  }
  return null;
}

/** Enforcement of the one check-in message (format "message"). */
export function decideCheckIn(policy: Policy, today: IsoDate, rawText: string): Decision {
  const checkIn = policy.rules.checkIn;
  if (policy.state !== 'active') {
    return refuse(new RefusalError('not-active', checkInMessageNotOpen(policy), { state: policy.state }));
  }
  if (!checkIn || checkIn.format !== 'message') {
    return refuse(new RefusalError('no-check-in', checkIn ? CHECK_IN_IS_A_SESSION : NO_CHECK_IN_HERE));
  }
  if (policy.checkIn === 'sent') {
    return refuse(new RefusalError('already-checked-in', CHECK_IN_ALREADY_SENT));
  }
  if (today < checkIn.on) {
    // Whole truth: a message too long for the day it opens is told so now.
    const characters = countCharacters(normaliseMessage(rawText));
    const max = policy.rules.updates.maxCharacters;
    return refuse(
      new RefusalError(
        'not-check-in-time',
        sentences(
          checkInMessageOpens(checkIn.on, checkIn.messageUntil),
          characters > max ? alsoTooLong(characters, max) : null,
        ),
        { nextAllowedOn: checkIn.on, ...(characters > max ? { alsoBlockedBy: ['too-long'] } : {}) },
      ),
    );
  }
  if (today > checkIn.messageUntil) {
    return refuse(new RefusalError('not-check-in-time', checkInMessageEnded(checkIn.messageUntil)));
  }
  return checkText(rawText, policy.rules.updates.maxCharacters);
}
