/**
 * The rules that decide whether a client's update or check-in message is accepted.
 * Pure: callers pass the policy, today's date in the policy's zone, and the text.
 * Order of checks is the product's contract (docs: "Enforcement of a client update").
 */
import {
  allUpdatesSent,
  CHECK_IN_ALREADY_SENT,
  CHECK_IN_IS_A_SESSION,
  CONTROL_CHARACTERS,
  EMPTY_MESSAGE,
  NO_CHECK_IN_HERE,
  NO_UPDATES,
  checkInMessageEnded,
  checkInMessageNotOpen,
  checkInMessageOpens,
  checkInMessageUntil,
  checkInAheadOn,
  nextUpdateFrom,
  noUpdateFitsGap,
  tooLong,
  updatesEnded,
  updatesNotOpen,
  updatesOpenFrom,
} from '../wording/client.js';
import { sentences } from '../wording/format.js';
import { addDays, type IsoDate } from './dates.js';
import { RefusalError, ValidationError } from './errors.js';
import type { Policy } from './policy.js';
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

/** Shared text checks (steps 3 of both flows): empty is a validation error, long is a refusal. */
function checkText(raw: string, maxCharacters: number): Decision {
  const text = normaliseMessage(raw);
  if (isBlank(text)) throw new ValidationError(EMPTY_MESSAGE.detail, [{ path: 'text', message: EMPTY_MESSAGE.issue }]);
  if (hasControlCharacters(text)) {
    throw new ValidationError(CONTROL_CHARACTERS.detail, [{ path: 'text', message: CONTROL_CHARACTERS.issue }]);
  }
  const characters = countCharacters(text);
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

/** Enforcement of a client update, in the documented order. */
export function decideUpdate(policy: Policy, today: IsoDate, rawText: string): Decision {
  const rules = policy.rules.updates;
  if (policy.state !== 'active') {
    return refuse(new RefusalError('not-active', updatesNotOpen(policy), { state: policy.state }));
  }
  if (today < rules.from) {
    return refuse(
      new RefusalError('outside-window', updatesOpenFrom(rules.from, rules.until), {
        windowFrom: rules.from,
        windowUntil: rules.until,
        nextAllowedOn: rules.from,
      }),
    );
  }
  if (today > rules.until) {
    return refuse(
      new RefusalError('outside-window', sentences(updatesEnded(rules.until), checkInStillAhead(policy, today)), {
        windowFrom: rules.from,
        windowUntil: rules.until,
      }),
    );
  }
  const text = checkText(rawText, rules.maxCharacters);
  if (text.outcome === 'refused') return text;
  if (rules.limit === 0) {
    return refuse(
      new RefusalError('limit-reached', sentences(NO_UPDATES, checkInStillAhead(policy, today)), { limit: 0 }),
    );
  }
  if (policy.updatesAccepted >= rules.limit) {
    return refuse(
      new RefusalError('limit-reached', sentences(allUpdatesSent(rules.limit), checkInStillAhead(policy, today)), {
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
            sentences(noUpdateFitsGap(rules.minDaysBetween, rules.until), checkInStillAhead(policy, today)),
            {
              windowUntil: rules.until,
            },
          ),
        );
      }
      return refuse(new RefusalError('too-soon', nextUpdateFrom(nextAllowedOn), { nextAllowedOn }));
    }
  }
  return text;
}

/** What is still possible after a refused update: the check-in, if it is ahead or open now. */
function checkInStillAhead(policy: Policy, today: IsoDate): string | null {
  const checkIn = policy.rules.checkIn;
  if (!checkIn || policy.checkIn === 'sent' || policy.checkIn === 'skipped') return null;
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
    return refuse(
      new RefusalError('not-check-in-time', checkInMessageOpens(checkIn.on, checkIn.messageUntil), {
        nextAllowedOn: checkIn.on,
      }),
    );
  }
  if (today > checkIn.messageUntil) {
    return refuse(new RefusalError('not-check-in-time', checkInMessageEnded(checkIn.messageUntil)));
  }
  return checkText(rawText, policy.rules.updates.maxCharacters);
}
