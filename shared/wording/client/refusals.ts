/**
 * What a client reads when an update or check-in message cannot go through. Never a
 * scolding: each says what is possible next and when, or that the words are still theirs.
 */
import { formatDate, type IsoDate } from '../../domain/dates.js';
import type { Blocker } from '../../domain/enforcement.js';
import type { Policy } from '../../domain/policy.js';
import { count, sentences } from '../format.js';
import { THERAPIST_LEFT } from './practice.js';
import { CHECK_IN_SENT, NO_UPDATES, nextUpdateFrom } from './rules.js';

type Standing = Pick<Policy, 'state' | 'closedReason' | 'pause'>;

const PAUSED_UPDATES = 'Your therapist has paused updates for the moment.';

/** Paused with an end date: when it opens again, said for updates and for the check-in message. */
function pausedUntil(until: IsoDate) {
  const day = formatDate(until);
  return {
    updates: `Your therapist has paused updates until ${day}. Nothing you wrote is lost.`,
    messages: `Your therapist has paused messages until ${day}. Nothing you wrote is lost.`,
  };
}

/**
 * What a pause leaves possible for an update, said once with the one date that is true: the
 * later of the pause's end and every other date in the way. `nextTry`: that date, when known.
 */
function pausedPromise(until: IsoDate | null | undefined, nextTry: IsoDate | undefined): string {
  if (until) return nextUpdateFrom(nextTry ?? until);
  return nextTry
    ? `Once updates open again, your next update can be sent from ${formatDate(nextTry)} at the earliest.`
    : 'You can send it once updates open again.';
}

/** Why sending is not open in a state, said for updates and for the one check-in message. */
const NOT_OPEN = {
  invited: {
    updates: 'Updates open once you accept the arrangement.',
    messages: 'Messages open once you accept the arrangement.',
  },
  paused: {
    updates: sentences(PAUSED_UPDATES, 'Nothing you wrote is lost.'),
    messages: 'Your therapist has paused messages for the moment. Nothing you wrote is lost.',
  },
  declined: {
    updates: 'You chose not to take part in this arrangement, so updates are not open.',
    messages: 'You chose not to take part in this arrangement, so messages are not open.',
  },
  stopped: {
    updates: 'You stopped all emails for this arrangement, so it has ended and updates can no longer be sent.',
    messages: 'You stopped all emails for this arrangement, so it has ended and messages can no longer be sent.',
  },
  ended: {
    updates: 'This arrangement has come to its end, so updates can no longer be sent.',
    messages: 'This arrangement has come to its end, so messages can no longer be sent.',
  },
};

function notOpen(policy: Standing): { updates: string; messages: string } | null {
  switch (policy.state) {
    case 'active':
      return null;
    case 'closed':
      if (policy.closedReason === 'opted-out') return NOT_OPEN.stopped;
      return policy.closedReason === 'therapist-left' ? THERAPIST_LEFT : NOT_OPEN.ended;
    case 'paused':
      return policy.pause?.until ? pausedUntil(policy.pause.until) : NOT_OPEN.paused;
    default:
      return NOT_OPEN[policy.state];
  }
}

/** Empty while active: there is nothing to explain. */
export function updatesNotOpen(policy: Standing): string {
  return notOpen(policy)?.updates ?? '';
}

export function checkInMessageNotOpen(policy: Standing): string {
  return notOpen(policy)?.messages ?? '';
}

export const EMPTY_MESSAGE = { detail: 'Please write something before sending.', issue: 'The message is empty.' };
export const CONTROL_CHARACTERS = {
  detail: 'The message contains characters that cannot be sent. Please remove them and try again.',
  issue: 'Contains control characters.',
};

const tooLongFact = (characters: number, maxCharacters: number) =>
  `Your message is ${count(characters)} characters and the limit is ${count(maxCharacters)}.`;

/** Too long and nothing else in the way: shortening it is all it takes. */
export function tooLong(characters: number, maxCharacters: number): string {
  return sentences(
    tooLongFact(characters, maxCharacters),
    `Shortening it to ${count(maxCharacters)} characters or fewer will let it through.`,
  );
}

/** Too long, and something else also stands in the way (said next): shortening alone is not enough. */
const pleaseShorten = (maxCharacters: number) => `Please shorten it to ${count(maxCharacters)} characters or fewer.`;

const pausedPastWindow = (until: IsoDate, windowUntil: IsoDate) =>
  `Your therapist has paused updates until ${formatDate(until)}, and the time for updates ends before then, on ${formatDate(windowUntil)}.`;

/** A message that will also need shortening once the thing said before it has passed. */
export const alsoTooLong = (characters: number, maxCharacters: number) =>
  sentences(tooLongFact(characters, maxCharacters), pleaseShorten(maxCharacters));

/**
 * The whole truth about a refused update: the first blocker (the reason) and each one the next
 * try would still meet, so no sentence promises what another one takes away. `checkInAhead`:
 * what is still possible when no update can come through any more.
 */
export function updateRefusal(
  blockers: readonly Blocker[],
  policy: Policy,
  checkInAhead: string | null,
  nextTry?: IsoDate,
): string {
  const final = blockers.some((b) => b.final);
  // Paused and able to go later: one promise with the one true date (pausedPromise), not one per blocker.
  const pausedOpen = policy.state === 'paused' && !final;
  const parts = blockers.map((b): string => {
    switch (b.reason) {
      case 'not-active':
        if (pausedOpen) return sentences(updatesNotOpen(policy), pausedPromise(policy.pause?.until, nextTry));
        // Paused, but the update could not come through later anyway: no promise that it can.
        if (policy.state !== 'paused') return updatesNotOpen(policy);
        return b.final && policy.pause?.until
          ? pausedPastWindow(policy.pause.until, policy.rules.updates.until)
          : PAUSED_UPDATES;
      case 'outside-window':
        if (b.final) return updatesEnded(b.endedOn);
        // Not open yet, but something final follows (none are left): no date that would not work.
        return final || pausedOpen ? '' : updatesOpenFrom(b.opensOn, policy.rules.updates.until);
      case 'too-long':
        if (blockers.length === 1) return tooLong(b.count, b.limit);
        return sentences(tooLongFact(b.count, b.limit), final ? null : pleaseShorten(b.limit));
      case 'limit-reached':
        return b.limit === 0 ? NO_UPDATES : allUpdatesSent(b.limit);
      case 'too-soon':
        if (b.final) return noUpdateFitsGap(b.gapDays, policy.rules.updates.until);
        return pausedOpen ? '' : nextUpdateFrom(b.nextAllowedOn);
    }
  });
  return sentences(...parts, final && policy.state !== 'closed' && policy.state !== 'declined' ? checkInAhead : null);
}

export function updatesOpenFrom(from: IsoDate, until: IsoDate): string {
  return `Updates can be sent from ${formatDate(from)} until ${formatDate(until)}.`;
}

export function updatesEnded(until: IsoDate): string {
  return `The time for updates ended on ${formatDate(until)}.`;
}

export function allUpdatesSent(limit: number): string {
  return limit === 1
    ? 'You have sent the one update this arrangement allows.'
    : `You have sent all ${limit} updates this arrangement allows.`;
}

/** The gap after the last update runs past the window: no date is offered that would not work. */
export function noUpdateFitsGap(minDaysBetween: number, until: IsoDate): string {
  return `Updates need ${minDaysBetween} days between them, and the time for updates ends on ${formatDate(until)}, so no further update can be sent.`;
}

export function checkInMessageUntil(until: IsoDate): string {
  return `You can send your check-in message until ${formatDate(until)}.`;
}

export const CHECK_IN_IS_A_SESSION =
  'Your check-in is a session your therapist arranges, so there is no message to send here.';
export const NO_CHECK_IN_HERE = 'This arrangement has no check-in.';
export const CHECK_IN_HAS_PASSED = 'The time for the check-in has passed, so the skip can no longer be undone.';
export const CHECK_IN_ALREADY_SENT = sentences(CHECK_IN_SENT, 'Your therapist has it.');

export function checkInMessageOpens(on: IsoDate, until: IsoDate): string {
  return `Your check-in message can be sent from ${formatDate(on)} until ${formatDate(until)}.`;
}

/** For the email that brings a refused update back: used only when no detail was kept. */
export const REFUSED_UPDATE_FALLBACK: Record<string, string> = {
  'not-active': 'Updates are not open at the moment.',
  'outside-window': 'It arrived outside the time set for updates.',
  'too-long': 'It is longer than this arrangement allows.',
  'limit-reached': 'All the updates this arrangement allows have been sent.',
  'too-soon': 'It arrived sooner after your last update than this arrangement allows.',
};
export const REFUSED_UPDATE_UNKNOWN = 'It could not be passed on this time.';
