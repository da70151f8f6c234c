// @ts-check
/** One arrangement in words: where it stands, the at-a-glance rows, and what each confirmation says. */
import { dateIn, formatDate, formatDay, today } from './dates.js';
import { pausedSentence } from './pause-text.js';
import { closedReason, hasEnded } from './states.js';
import { upcomingSentence } from './timeline-text.js';

/** @import { Policy, PolicyDetail } from './types.js' */

/** @param {Policy} p */
export function stateSentence(p) {
  const who = p.client.name;
  const zone = p.rules.timeZone;
  /** @param {string | null} instant */
  const day = (instant) => (instant ? formatDate(dateIn(instant, zone)) : '');
  switch (p.state) {
    case 'invited':
      return `Waiting for ${who} to accept. The invitation was sent on ${day(p.createdAt)}; nothing else is sent unless they accept.`;
    case 'active':
      return `${who} accepted on ${day(p.acceptedAt)}. Afterword is keeping the limits below.`;
    case 'paused':
      return pausedSentence(p);
    case 'declined':
      return `${who} declined${p.closedAt ? ` on ${day(p.closedAt)}` : ''}. Nothing more will be sent to them.`;
    case 'closed':
      return `Closed${p.closedAt ? ` on ${day(p.closedAt)}` : ''}: ${closedReason(p.closedReason)}.`;
    default:
      return '';
  }
}

/** @param {Policy} p */
export function checkInStatus(p) {
  const c = p.rules.checkIn;
  const who = p.client.name;
  if (hasEnded(p.state) && p.counters.checkIn === 'pending') return 'Did not take place before the arrangement ended';
  switch (p.counters.checkIn) {
    case 'none':
      return 'None';
    case 'sent':
      return 'Message received';
    case 'skipped':
      return `${who} chose to skip it`;
    default:
      if (!c) return 'None';
      return c.format === 'session'
        ? `A session on ${formatDay(c.on)}`
        : `A message, from ${formatDay(c.on)} to ${formatDate(c.messageUntil)}`;
  }
}

/**
 * When the client may next send an update, if they have any left and the arrangement is open.
 * @param {Policy} p
 * @param {string} now today in the arrangement's zone
 */
function nextUpdate(p, now) {
  if (p.state === 'invited') return `Once ${p.client.name} accepts`;
  if (p.state === 'paused') return 'Not while paused';
  if (!p.counters.nextAllowedOn) return 'No more fit before updates close';
  if (p.counters.nextAllowedOn <= now) return 'Now';
  return formatDate(p.counters.nextAllowedOn);
}

/**
 * The "At a glance" list, as [term, value] rows.
 * @param {Policy} p
 * @param {string} [now] today in the arrangement's zone
 * @returns {[string, string][]}
 */
export function glanceRows(p, now = today(p.rules.timeZone)) {
  /** @type {[string, string][]} */
  const rows = [];
  const u = p.rules.updates;
  const ended = hasEnded(p.state);
  if (u.limit === 0) {
    rows.push(['Updates', 'Not part of this arrangement']);
  } else {
    rows.push(['Updates', `${p.counters.updatesAccepted} of ${u.limit} used, ${p.counters.updatesLeft} left`]);
    rows.push(['Time for updates', `${formatDate(u.from)} to ${formatDate(u.until)}`]);
    if (!ended && p.counters.updatesLeft > 0) rows.push(['Next update possible', nextUpdate(p, now)]);
    rows.push(['Last update', p.counters.lastUpdateOn ? formatDate(p.counters.lastUpdateOn) : 'None yet']);
  }
  rows.push(['Check-in', checkInStatus(p)]);
  if (p.nextEvent && !ended && p.nextEvent.kind !== 'closing')
    rows.push(['Next', `${upcomingSentence(p.nextEvent, p.rules)}, ${formatDate(p.nextEvent.on)}`]);
  rows.push([
    ended ? 'Ended' : 'Closes on',
    ended && p.closedAt ? formatDate(dateIn(p.closedAt, p.rules.timeZone)) : formatDate(p.rules.closesOn),
  ]);
  return rows;
}

/**
 * @typedef {object} ConfirmCopy
 * @property {string} title
 * @property {string} text
 * @property {string} confirm
 * @property {string} cancel
 * @property {'close' | 'reissue-link'} action the API action it confirms
 * @property {() => string} done what to announce once it has worked
 */

/**
 * What the panel asking "are you sure?" says, for closing or for sending a new link.
 * @param {'close' | 'reissue'} kind
 * @param {PolicyDetail} detail
 * @returns {ConfirmCopy}
 */
export function confirmCopy(kind, detail) {
  const who = detail.client.name;
  const goodbye = Boolean(detail.acceptedAt) && !detail.clientEmailSuppressed;
  if (kind === 'close') {
    return {
      title: 'Close this arrangement?',
      text: goodbye
        ? `${who} will get a short goodbye email with your referrals and crisis resources, and then nothing more. Updates and the check-in end now. This cannot be undone.`
        : `${who} will not be emailed about it${detail.acceptedAt ? '' : ', as they have not accepted'}. Their link will only say the arrangement has ended. This cannot be undone.`,
      confirm: 'Close arrangement',
      cancel: 'Keep it open',
      action: 'close',
      done: () =>
        goodbye ? `The arrangement is closed. ${who} has been sent a goodbye email.` : 'The arrangement is closed.',
    };
  }
  return {
    title: 'Send a new link?',
    text: `${who} will get ${detail.state === 'invited' ? 'the invitation again, with a fresh private link' : 'an email with a fresh private link'}. Every link sent before stops working. Use this if the old link was lost or may have reached someone else.`,
    confirm: 'Send a new link',
    cancel: 'Cancel',
    action: 'reissue-link',
    done: () => `A new link was sent to ${who}. Older links no longer work.`,
  };
}
