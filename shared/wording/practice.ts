/**
 * What the service answers about a practice: a bound an arrangement goes beyond (to the
 * therapist), and what an admin's action cannot do as asked. Plain and specific: what stands
 * in the way, and what can be done instead.
 */
import type { BoundBreach } from '../domain/practice.js';
import type { DefaultBeyondBound } from '../domain/practice-bounds.js';
import type { CheckInFormat } from '../domain/policy.js';
import { count, plural } from './format.js';

const FORMAT_WORDS: Record<CheckInFormat, string> = { message: 'a check-in message', session: 'a check-in session' };

function formatsAllowed(allowed: CheckInFormat[]): string {
  if (allowed.length === 0) return 'Your practice does not offer check-ins';
  if (allowed.length === 1) return `Your practice offers check-ins only as ${FORMAT_WORDS[allowed[0]!]}`;
  return 'Your practice offers check-ins as a message or a session';
}

/** One bound, in a sentence: what the practice allows, and what this arrangement would offer. */
export function boundSentence(breach: BoundBreach): string {
  const { allowed, offered } = breach;
  if (Array.isArray(allowed) || typeof offered !== 'number') {
    const formats = Array.isArray(allowed) ? allowed : [];
    const format = typeof offered === 'string' ? FORMAT_WORDS[offered] : 'a check-in';
    return `${formatsAllowed(formats)}; this arrangement would have ${format}.`;
  }
  switch (breach.bound) {
    case 'maxUpdates':
      return `Your practice allows at most ${plural(allowed, 'update')}; this arrangement would offer ${offered}.`;
    case 'maxCharacters':
      return `Your practice allows updates of at most ${count(allowed)} characters; this arrangement would allow ${count(offered)}.`;
    default:
      return `Your practice allows an update window of at most ${plural(allowed, 'day')}, from its first day to its last; this one would be open for ${plural(offered, 'day')}.`;
  }
}

/** The detail of a 409 outside-practice-bounds: every bound it goes beyond, and the way on. */
export function boundsRefusal(breaches: BoundBreach[]): string {
  return `${breaches.map(boundSentence).join(' ')} Change ${breaches.length === 1 ? 'it' : 'them'} to fit, or ask your practice admin.`;
}

/** A practice default that a new arrangement could not keep to (400 on PUT /practice). */
export function defaultBeyondBound({ breach, fromProduct }: DefaultBeyondBound): string {
  const source = fromProduct ? "Without a default of the practice's own, new arrangements" : 'New arrangements';
  const { allowed, offered } = breach;
  if (Array.isArray(allowed) || typeof offered !== 'number')
    return Array.isArray(allowed) && allowed.length === 0
      ? 'The bounds allow no check-in format, so the defaults cannot have a check-in. Remove the default check-in, or allow a format.'
      : `${source} would have ${typeof offered === 'string' ? FORMAT_WORDS[offered] : 'a check-in'}, which the bounds do not allow. Choose an allowed format as the default.`;
  switch (breach.bound) {
    case 'maxUpdates':
      return `${source} would offer ${plural(offered, 'update')}, more than the bound of ${allowed}. Set a default of at most ${allowed}, or raise the bound.`;
    case 'maxCharacters':
      return `${source} would allow ${count(offered)} characters, more than the bound of ${count(allowed)}. Set a default of at most ${count(allowed)}, or raise the bound.`;
    default:
      return `${source} would keep updates open for ${plural(offered, 'day')} (the day therapy ended and ${plural(offered - 1, 'day')} after it), more than the bound of ${plural(allowed, 'day')}. Set a default window of at most ${plural(Math.max(allowed - 1, 1), 'day')}, or raise the bound.`;
  }
}

export const practiceRefusals = {
  notFound: 'No therapist with that id in your practice.',
  inAnotherPractice:
    'This address already belongs to a therapist of another practice. A therapist can be in one practice at a time.',
  leaving: 'This therapist is being handed over. Once that is finished, you can invite them again.',
  openArrangements: (open: number) =>
    `This therapist still has ${plural(open, 'open arrangement')}. Hand ${open === 1 ? 'it' : 'them'} over to a colleague (or close ${open === 1 ? 'it' : 'them'} kindly) first; then they can be removed.`,
  lastAdmin:
    'You are the last admin of this practice. Make another therapist an admin first, so the practice is not left without one.',
};
