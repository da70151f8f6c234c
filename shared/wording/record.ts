/**
 * What the printable record of an arrangement says: its headings, each timeline entry in one
 * plain sentence, and how long its data is kept. The rules are the client's own sentences
 * (client/rules.ts), quoted, never rebuilt here. Written to be filed and read later, so it
 * speaks of the therapist and the client by role, not as "you".
 */
import { formatDate, type IsoDate } from '../domain/dates.js';
import type { PolicyState } from '../domain/policy.js';
import { plural, sentences } from './format.js';
import { closingSummaryMail } from './therapist.js';

type EventData = Record<string, string | number | boolean>;

const STATES: Record<PolicyState, string> = {
  invited: 'Invited: waiting for an answer',
  active: 'Active',
  paused: 'Paused',
  declined: 'Declined by the client',
  closed: 'Closed',
};

/** Why it closed; a reason this list does not know yet still reads as a sentence. */
const CLOSED_REASONS: Record<string, string> = {
  'closing-date': 'the closing date was reached',
  therapist: 'the therapist closed it',
  'opted-out': 'the client asked for no more emails',
  declined: 'the client declined',
  'therapist-left': 'the therapist left the practice, and the practice closed it',
};

const REFUSALS: Record<string, string> = {
  'not-active': 'the arrangement was not active',
  'outside-window': 'it was outside the time for updates',
  'too-long': 'it was longer than allowed',
  'limit-reached': 'no updates were left',
  'too-soon': 'it came too soon after the last one',
};

/** What a rule change changed, by the names rule-changes.ts gives them. */
const RULES: Record<string, string> = {
  limit: 'the number of updates',
  maxCharacters: 'the length of an update',
  minDaysBetween: 'the days between updates',
  window: 'the time for updates',
  checkIn: 'the check-in',
  replies: 'replies',
  closesOn: 'the closing date',
  referrals: 'the referrals',
};

const EMAILS: Record<string, string> = {
  invitation: 'the invitation',
  'new-link': 'the new link',
  acceptance: 'the acceptance confirmation',
  'update-receipt': 'an update receipt',
  'update-refused': 'a refusal note',
  'check-in-reminder': 'a check-in reminder',
  'check-in-day': 'the check-in day email',
  closing: 'the closing email',
  'opted-out': 'the opt-out confirmation',
  reply: 'a reply',
  paused: 'the pause notice',
  resumed: 'the notice that it was open again',
  'rules-changed': 'the email about changed rules',
  'closing-summary': 'the therapist’s closing summary',
};

const joined = (parts: string[]) =>
  parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;

function repliedTo(to: unknown): string {
  const seq = /^update#(\d+)$/.exec(typeof to === 'string' ? to : '')?.[1];
  if (seq) return `update ${seq}`;
  return to === 'check-in' ? 'the check-in message' : 'a message';
}

function rulesChanged(changed: unknown): string {
  const parts = (typeof changed === 'string' ? changed.split(',') : []).flatMap((what) => RULES[what] ?? []);
  return parts.length > 0 ? `The rules were changed: ${joined(parts)}` : 'The rules were changed';
}

export const closedBecause = (reason: string | null | undefined) => CLOSED_REASONS[reason ?? ''] ?? 'it ended';

function deliveryFailed(data: EventData): string {
  const what = EMAILS[String(data.job ?? '')] ?? 'one of the emails';
  const tries = typeof data.attempts === 'number' ? ` after ${plural(data.attempts, 'try', 'tries')}` : '';
  return `An email (${what}) could not be delivered${tries}`;
}

/** The entries whose words depend on their data, or on who reads the record. */
function detailed(type: string, data: EventData, client: string, readerId: string): string | null {
  switch (type) {
    case 'paused':
      return typeof data.until === 'string' ? `Paused until ${formatDate(data.until)}` : 'Paused';
    case 'resumed':
      return data.by === 'schedule'
        ? 'The pause ended on its planned day, and the arrangement opened again'
        : 'Resumed';
    case 'replied':
      return `A reply was sent to ${repliedTo(data.to)}`;
    case 'rules-changed':
      return rulesChanged(data.changed);
    case 'closed':
      return `Closed: ${closedBecause(typeof data.reason === 'string' ? data.reason : null)}`;
    case 'update-accepted':
      return typeof data.seq === 'number' ? `Update ${data.seq} received` : 'Update received';
    case 'update-refused':
      return `An update was not accepted because ${REFUSALS[String(data.reason ?? '')] ?? 'it did not fit the rules'} (${client} was told what is possible next)`;
    case 'check-in-reminder':
      return typeof data.daysBefore === 'number'
        ? `Check-in reminder (${plural(data.daysBefore, 'day')} before) sent`
        : 'Check-in reminder sent';
    case 'delivery-failed':
      return deliveryFailed(data);
    case 'client-email-suppressed':
      return data.kind === 'complaint'
        ? `Emails to ${client} stopped after they marked one as unwanted`
        : `Emails to ${client} stopped after a bounce`;
    case 'handed-over':
      return data.to === readerId
        ? 'Handed over by the practice to the therapist this record was made for'
        : 'Handed over by the practice to another therapist';
    default:
      return null;
  }
}

/** Entries that always read the same. */
const PLAIN: Record<string, (client: string) => string> = {
  invited: (client) => `Invitation sent to ${client}`,
  'client-address-corrected': (client) => `${client}’s address was corrected, and the invitation sent again`,
  accepted: (client) => `${client} accepted`,
  declined: (client) => `${client} declined`,
  'link-reissued': () => 'A new link was sent; older links stopped working',
  'check-in-day': () => 'Check-in day: emails sent to both sides',
  'check-in-message': () => 'Check-in message received',
  'check-in-skipped': (client) => `${client} chose to skip the check-in`,
  'check-in-restored': (client) => `${client} chose to keep the check-in after all`,
  'delivery-resent': () => 'The practice sent an email that had failed again',
  'client-email-unsuppressed': (client) => `Emails to ${client} resumed (the practice fixed the address problem)`,
  'therapist-email-failed': () => 'An email to the therapist could not be delivered',
};

/**
 * One sentence for a timeline entry. `readerId`: the therapist the record is made for (a
 * handover says whether it came to them).
 */
export function timelineSentence(event: { type: string; data?: EventData }, client: string, readerId: string): string {
  const data = event.data ?? {};
  const said = detailed(event.type, data, client, readerId) ?? PLAIN[event.type]?.(client);
  if (said) return said;
  const words = event.type.replace(/-/g, ' ');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

export const recordWords = {
  title: (client: string) => `Record of the arrangement with ${client}`,
  intro: (therapist: string, madeOn: IsoDate) =>
    sentences(
      `Made for ${therapist} on ${formatDate(madeOn)}.`,
      'It holds the client’s own words: please keep it as safely as your other client notes.',
    ),
  printHint: 'To print it, or save it as a PDF, use your browser’s Print command.',
  factsHeading: 'The arrangement',
  facts: {
    reference: 'Reference',
    state: 'Where it stands',
    createdOn: 'Set up on',
    endedOn: 'Therapy ended on',
    acceptedOn: 'Accepted on',
    closesOn: 'Closes on',
    closedOn: 'Ended on',
    timeZone: 'Dates are days in',
  },
  state: (state: PolicyState, closedReason: string | null) =>
    state === 'closed' ? `Closed: ${closedBecause(closedReason)}` : STATES[state],
  notYet: 'Not yet',
  rulesHeading: (client: string) => `The rules, as ${client} was last told them`,
  rulesChangedNote: 'The rules were changed during the arrangement; the timeline says when and what.',
  invitationNote: 'The therapist’s note in the invitation:',
  closingNote: 'The therapist’s note in the goodbye:',
  referralsHeading: 'Referrals given to the client',
  noReferrals: 'No referrals were set.',
  messagesHeading: 'Messages and replies',
  noMessages: (client: string) => `${client} sent no updates and no check-in message.`,
  update: (seq: number, on: IsoDate) => `Update ${seq}, sent ${formatDate(on)}`,
  checkIn: (on: IsoDate) => `Check-in message, sent ${formatDate(on)}`,
  reply: (on: IsoDate) => `Reply, sent ${formatDate(on)}`,
  timelineHeading: 'Timeline',
  timelineColumns: { on: 'Date', what: 'What happened' },
  retentionHeading: 'How long its data is kept',
  /** `deleteOn`: the day the data goes, once it has ended; null while it is open. */
  retention: (retentionDays: number, deleteOn: IsoDate | null) =>
    deleteOn === null
      ? sentences(
          `Once the arrangement has ended, its data, including every message, is kept for ${plural(retentionDays, 'day')} and then deleted.`,
          'This record is not deleted with it: it is yours to keep.',
        )
      : sentences(
          closingSummaryMail.deletion(retentionDays, deleteOn),
          'This record is not deleted with it: it is yours to keep.',
        ),
};
