/**
 * The client's arrangement in plain words: its rules, what is left, where the check-in
 * stands. Emails and the page say these sentences the same way, so a client never reads two
 * versions of their arrangement.
 */
import { formatDate, formatDateWithWeekday, type IsoDate } from '../../domain/dates.js';
import type { Allowance } from '../../domain/enforcement.js';
import type { PolicyRules } from '../../domain/policy.js';
import { count, plural, sentences } from '../format.js';

export const NO_UPDATES = 'This arrangement does not include written updates.';
export const NO_CHECK_IN = 'This arrangement does not include a check-in.';
export const NOT_AN_UPDATE = 'It does not count as one of your updates.';
export const CHECK_IN_SKIPPED = 'You chose to skip the check-in. That is completely fine.';
export const CHECK_IN_SENT = 'Your check-in message has been sent.';
export const ARRANGEMENT_ENDED =
  'This arrangement has ended. No more updates or check-in messages can be sent, and no more emails will come from it.';

/** "You may send up to 3 short updates between 21 November 2026 and 2 January 2027, at least 7 days apart, each up to 1,000 characters." */
export function describeUpdates(rules: Pick<PolicyRules, 'updates'>): string {
  const u = rules.updates;
  if (u.limit === 0) return NO_UPDATES;
  const from = formatDate(u.from);
  const until = formatDate(u.until);
  const max = count(u.maxCharacters);
  if (u.limit === 1) return `You may send one short update between ${from} and ${until}, each up to ${max} characters.`;
  if (u.minDaysBetween > 0 && u.limit > 1) {
    return `You may send up to ${u.limit} short updates between ${from} and ${until}, at least ${plural(u.minDaysBetween, 'day')} apart, each up to ${max} characters.`;
  }
  return `You may send up to ${u.limit} short updates between ${from} and ${until}, each up to ${max} characters.`;
}

export function describeReplies(rules: Pick<PolicyRules, 'replies'>, therapistName: string): string {
  return rules.replies === 'may-reply'
    ? `${therapistName} reads every update and may reply.`
    : `${therapistName} reads every update but will not reply to them.`;
}

export function describeCheckIn(rules: Pick<PolicyRules, 'checkIn'>): string {
  const c = rules.checkIn;
  if (!c) return NO_CHECK_IN;
  if (c.format === 'message') {
    return sentences(
      `Check-in: from ${formatDateWithWeekday(c.on)} until ${formatDate(c.messageUntil)} you can send one check-in message.`,
      NOT_AN_UPDATE,
    );
  }
  // The therapist's note is their own words, said after the sentence as they wrote it.
  return sentences(`Check-in: a session on ${formatDateWithWeekday(c.on)}, arranged by your therapist.`, c.note);
}

export function describeClosing(rules: Pick<PolicyRules, 'closesOn'>): string {
  return `The arrangement ends on ${formatDate(rules.closesOn)}.`;
}

/** All of the rules, one sentence each, in the order a client needs them. */
export function describeRules(rules: PolicyRules, therapistName: string): string[] {
  const lines = [describeUpdates(rules)];
  if (rules.updates.limit > 0) lines.push(describeReplies(rules, therapistName));
  lines.push(describeCheckIn(rules), describeClosing(rules));
  return lines;
}

/** "1 of 3 updates left; the next one can be sent from 3 March 2027; the window closes on 1 April 2027." */
export function describeAllowance(a: Allowance, today: IsoDate): string {
  if (a.limit === 0) return NO_UPDATES;
  const left = `${a.left} of ${plural(a.limit, 'update')} left`;
  if (a.left === 0) return `${left}.`;
  if (today > a.windowUntil) return `${left}; the time for updates ended on ${formatDate(a.windowUntil)}.`;
  if (!a.nextAllowedOn)
    return `${left}; no further update fits before the window closes on ${formatDate(a.windowUntil)}.`;
  if (a.nextAllowedOn <= today) {
    // Only promise "today" when sending is actually open (not while invited or paused).
    return a.canSendToday
      ? `${left}; you can send the next one today; the window closes on ${formatDate(a.windowUntil)}.`
      : `${left}; the window closes on ${formatDate(a.windowUntil)}.`;
  }
  return `${left}; the next one can be sent from ${formatDate(a.nextAllowedOn)}; the window closes on ${formatDate(a.windowUntil)}.`;
}

/** What is left, as a line in the "where things stand" list of an email. */
export function rightNow(a: Allowance, today: IsoDate): string {
  return `Right now: ${describeAllowance(a, today)}`;
}

export function updatesPausedBy(therapistName: string): string {
  return `For the moment, ${therapistName} has paused updates. You will be able to send them again once they reopen.`;
}

export function checkInSentTo(therapistName: string): string {
  return sentences(CHECK_IN_SENT, `${therapistName} has it.`);
}

/** Where a client can still write, or when they can again (page and refusals alike). */
export function nextUpdateFrom(on: IsoDate): string {
  return `Your next update can be sent from ${formatDate(on)}.`;
}

export function checkInAheadOn(on: IsoDate): string {
  return `Your check-in on ${formatDate(on)} is still ahead.`;
}

export function checkInMessageEnded(until: IsoDate): string {
  return `The time for the check-in message ended on ${formatDate(until)}.`;
}
