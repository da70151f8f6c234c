/**
 * The rules and what is left, in plain words. Emails and pages say these sentences the
 * same way, so a client never reads two versions of their arrangement.
 */
import { formatDate, formatDateWithWeekday, type IsoDate } from './dates.js';
import type { Allowance } from './enforcement.js';
import type { PolicyRules } from './policy.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "up to 3 short updates between 21 November 2026 and 2 January 2027, at least 7 days apart, each up to 1,000 characters" */
export function describeUpdates(rules: PolicyRules): string {
  const u = rules.updates;
  if (u.limit === 0) return 'This arrangement does not include written updates.';
  const gap = u.minDaysBetween > 0 && u.limit > 1 ? `, at least ${plural(u.minDaysBetween, 'day')} apart` : '';
  const what = u.limit === 1 ? 'one short update' : `up to ${u.limit} short updates`;
  return `You may send ${what} between ${formatDate(u.from)} and ${formatDate(u.until)}${gap}, each up to ${u.maxCharacters.toLocaleString('en-US')} characters.`;
}

export function describeReplies(rules: PolicyRules, therapistName: string): string {
  return rules.replies === 'may-reply'
    ? `${therapistName} reads every update and may reply.`
    : `${therapistName} reads every update but will not reply to them.`;
}

export function describeCheckIn(rules: PolicyRules): string {
  const c = rules.checkIn;
  if (!c) return 'This arrangement does not include a check-in.';
  if (c.format === 'message') {
    return `Check-in: from ${formatDateWithWeekday(c.on)} until ${formatDate(c.messageUntil)} you can send one check-in message. It does not count as one of your updates.`;
  }
  return `Check-in: a session on ${formatDateWithWeekday(c.on)}, arranged by your therapist.${c.note ? ` ${c.note}` : ''}`;
}

export function describeClosing(rules: PolicyRules): string {
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
  if (a.limit === 0) return 'This arrangement does not include written updates.';
  const left = `${a.left} of ${plural(a.limit, 'update')} left`;
  if (a.left === 0) return `${left}.`;
  if (today > a.windowUntil) return `${left}; the time for updates ended on ${formatDate(a.windowUntil)}.`;
  if (!a.nextAllowedOn) return `${left}; no further update fits before the window closes on ${formatDate(a.windowUntil)}.`;
  if (a.nextAllowedOn <= today) {
    // Only promise "today" when sending is actually open (not while invited or paused).
    return a.canSendToday
      ? `${left}; you can send the next one today; the window closes on ${formatDate(a.windowUntil)}.`
      : `${left}; the window closes on ${formatDate(a.windowUntil)}.`;
  }
  return `${left}; the next one can be sent from ${formatDate(a.nextAllowedOn)}; the window closes on ${formatDate(a.windowUntil)}.`;
}
