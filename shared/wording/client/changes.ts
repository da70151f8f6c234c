/**
 * A change to an accepted arrangement, told to the client in plain words: one sentence per
 * difference, what it is now and what it was.
 */
import { formatDate, formatDateWithWeekday } from '../../domain/dates.js';
import type { RuleChange } from '../../domain/rule-changes.js';
import { count, plural, reminderDays } from '../format.js';
import { describeCheckIn, describeReplies } from './rules.js';

function checkInChange(change: Extract<RuleChange, { what: 'checkIn' }>): string[] {
  const { from, to } = change;
  if (!to) return ['There will no longer be a check-in.'];
  if (!from) return [`A check-in has been added. ${describeCheckIn({ checkIn: to })}`];
  const lines: string[] = [];
  if (to.on !== from.on)
    lines.push(`Your check-in is now on ${formatDateWithWeekday(to.on)}, instead of ${formatDate(from.on)}.`);
  if (to.format !== from.format)
    lines.push(
      to.format === 'session'
        ? 'Your check-in is now a session your therapist arranges, instead of a message you send.'
        : 'Your check-in is now a message you can send here, instead of a session.',
    );
  if (to.note !== from.note && to.format === 'session') lines.push('The note about your check-in session has changed.');
  if (to.remindDaysBefore.join() !== from.remindDaysBefore.join())
    lines.push(
      to.remindDaysBefore.length > 0
        ? `Reminders about your check-in now come ${reminderDays(to.remindDaysBefore)}.`
        : 'There will no longer be reminders about your check-in.',
    );
  return lines;
}

/** The sentences of one change; `therapistName` for who replies. */
export function describeChange(change: RuleChange, therapistName: string): string[] {
  switch (change.what) {
    case 'limit':
      return [
        change.to === 0
          ? 'Written updates are no longer part of the arrangement.'
          : `You can now send ${plural(change.to, 'update')} in all, instead of ${change.from}.`,
      ];
    case 'maxCharacters':
      return [`Each update can now be up to ${count(change.to)} characters, instead of ${count(change.from)}.`];
    case 'minDaysBetween':
      return [
        change.to === 0
          ? 'There is no longer a wait between updates.'
          : `Updates now need ${plural(change.to, 'day')} between them, instead of ${change.from}.`,
      ];
    case 'window':
      return [
        `Updates can now be sent from ${formatDate(change.to.from)} until ${formatDate(change.to.until)}, instead of ${formatDate(change.from.from)} until ${formatDate(change.from.until)}.`,
      ];
    case 'replies':
      return [describeReplies({ replies: change.to }, therapistName)];
    case 'checkIn':
      return checkInChange(change);
    case 'closesOn':
      return [`The arrangement now ends on ${formatDate(change.to)}, instead of ${formatDate(change.from)}.`];
    case 'referrals':
      return ['The list of places you can turn to for support has changed. You can see it on your page.'];
  }
}

export const rulesChangedMail = {
  subject: (therapistName: string) => `A change to your arrangement with ${therapistName}`,
  heading: 'A change to your arrangement',
  intro: (therapistName: string) => `${therapistName} has changed your arrangement. Here is what is different:`,
  rest: 'Everything else stays the same.',
};
