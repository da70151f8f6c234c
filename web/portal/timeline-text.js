// @ts-check
/** One short sentence for each thing that happened, or is about to happen, to an arrangement. */
import { daysBetween, formatDate } from './dates.js';
import { closedReason } from './states.js';
import { plural } from './words.js';

/** @import { HistoryData, HistoryEvent, PolicyRules, Scheduled } from './types.js' */

/** @type {Record<string, string>} */
const REFUSALS = {
  'not-active': 'the arrangement was not active',
  'outside-window': 'it was outside the time for updates',
  'too-long': 'it was longer than allowed',
  'limit-reached': 'no updates were left',
  'too-soon': 'it came too soon after the last one',
};

/** @type {Record<string, string>} */
const JOBS = {
  invitation: 'the invitation',
  'new-link': 'the new link',
  acceptance: 'the acceptance confirmation',
  'update-receipt': 'an update receipt',
  'update-refused': 'a refusal note',
  'check-in-reminder': 'a check-in reminder',
  'check-in-day': 'the check-in day email',
  closing: 'the closing email',
  'opted-out': 'the opt-out confirmation',
  reply: 'your reply',
  paused: 'the pause notice',
  resumed: 'the notice that it is open again',
  'policy-created': 'your confirmation of a new arrangement',
  'client-accepted': 'your notice that the client accepted',
  'client-declined': 'your notice that the client declined',
  'client-opted-out': 'your notice that the client opted out',
  'update-received': 'an update forwarded to you',
  'therapist-check-in-reminder': 'your check-in reminder',
  'therapist-check-in-day': 'your check-in day email',
  'check-in-message': 'the check-in message forwarded to you',
  'check-in-skipped': 'your notice that the check-in was skipped',
  'check-in-restored': 'your notice that the check-in is on again',
  'closing-summary': 'your closing summary',
  'handed-over': 'the practice’s email about the handover',
  'closed-by-practice': 'the practice’s closing email',
  'handover-received': 'the handover summary',
};

/**
 * What a reply answered, from its timeline entry ("update#2", "check-in").
 * @param {string | undefined} to
 */
function repliedTo(to) {
  const seq = /^update#(\d+)$/.exec(to ?? '')?.[1];
  if (seq) return `update ${seq}`;
  return to === 'check-in' ? 'the check-in message' : 'a message';
}

/**
 * One short sentence for a timeline entry. The client's first name keeps it human.
 * @param {HistoryEvent} event
 * @param {string} clientName
 * @param {string} [actor] who the therapist was then: "You", or before a handover "The previous therapist"
 */
export function timelineSentence(event, clientName, actor = 'You') {
  const who = clientName || 'The client';
  /** @type {HistoryData} */
  const data = event.data ?? {};
  switch (event.type) {
    case 'invited':
      return `Invitation sent to ${who}`;
    case 'accepted':
      return `${who} accepted`;
    case 'declined':
      return `${who} declined`;
    case 'paused':
      return data.until
        ? `${actor} paused the arrangement until ${formatDate(data.until)}`
        : `${actor} paused the arrangement`;
    case 'resumed':
      return data.by === 'schedule'
        ? 'The pause ended on its planned day, and the arrangement opened again'
        : `${actor} resumed the arrangement`;
    case 'replied':
      return `${actor} replied to ${repliedTo(data.to)}`;
    case 'rules-changed':
      return 'The rules were changed';
    case 'link-reissued':
      return 'A new link was sent; older links stopped working';
    case 'closed':
      return `Closed: ${closedReason(data.reason)}`;
    case 'handed-over':
      return `The practice handed the arrangement over to a colleague when its therapist left (${who} was told who reads their messages now)`;
    case 'update-accepted':
      return data.seq ? `Update ${data.seq} received` : 'Update received';
    case 'update-refused':
      return `An update was not accepted because ${REFUSALS[data.reason ?? ''] ?? 'it did not fit the rules'} (${who} was told what is possible next)`;
    case 'check-in-reminder':
      return data.daysBefore
        ? `Check-in reminder (${plural(data.daysBefore, 'day')} before) sent`
        : 'Check-in reminder sent';
    case 'check-in-day':
      return 'Check-in day: emails sent to both of you';
    case 'check-in-message':
      return 'Check-in message received';
    case 'check-in-skipped':
      return `${who} chose to skip the check-in`;
    case 'check-in-restored':
      return `${who} chose to keep the check-in after all`;
    case 'delivery-failed':
      return `An email (${JOBS[data.job ?? ''] ?? 'one of the emails'}) could not be delivered${data.attempts ? ` after ${plural(data.attempts, 'try', 'tries')}` : ''}`;
    case 'client-email-suppressed':
      return data.kind === 'complaint'
        ? 'Emails to the client stopped after they marked one as unwanted'
        : 'Emails to the client stopped after a bounce';
    case 'delivery-resent':
      return 'The practice sent an email that had failed again';
    case 'client-email-unsuppressed':
      return 'Emails to the client resumed (the practice fixed the address problem)';
    case 'therapist-email-failed':
      return 'An email to you could not be delivered';
    default:
      return String(event.type ?? 'Something happened').replace(/-/g, ' ');
  }
}

/**
 * What an upcoming scheduled job is, in words.
 * @param {Scheduled} item
 * @param {PolicyRules | null | undefined} rules
 */
export function upcomingSentence(item, rules) {
  switch (item.kind) {
    case 'check-in-reminder': {
      const before = rules?.checkIn?.on ? daysBetween(item.on, rules.checkIn.on) : 0;
      return before > 0 ? `Check-in reminder (${plural(before, 'day')} before)` : 'Check-in reminder';
    }
    case 'check-in-day':
      return rules?.checkIn?.format === 'session' ? 'Check-in session day' : 'Check-in day';
    case 'closing':
      return 'The arrangement closes';
    case 'resume':
      return 'The pause ends';
    default:
      return String(item.kind).replace(/-/g, ' ');
  }
}
