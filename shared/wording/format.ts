/**
 * How facts go into words (counts, days, a referral) and how whole sentences are joined.
 * Kept apart from the sentences themselves (client/, therapist.ts) so that each sentence
 * stays whole, and a translation later changes these few rules in one place.
 */
import type { Referral } from '../domain/policy.js';

/** 1,000 and 5,000: grouped the way the sentences around them are written. */
export const count = (n: number): string => n.toLocaleString('en-US');

/** "1 day", "7 days". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Whole sentences, one space apart; a sentence that does not apply (empty, null) is left out. */
export function sentences(...parts: (string | null | undefined)[]): string {
  return parts.filter((part): part is string => Boolean(part)).join(' ');
}

/** "in 7 days", "tomorrow", "today". */
export function whenFromNow(daysBefore: number): string {
  if (daysBefore <= 0) return 'today';
  if (daysBefore === 1) return 'tomorrow';
  return `in ${daysBefore} days`;
}

/** "7 days before and the day before" */
export function reminderDays(days: number[]): string {
  const words = days.map((d) => (d === 1 ? 'the day before' : `${d} days before`));
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

/** "Riverside Counselling: 555-0100", or the name alone when there is no contact. */
export function referralLine(r: Referral): string {
  return r.contact ? `${r.name}: ${r.contact}` : r.name;
}
