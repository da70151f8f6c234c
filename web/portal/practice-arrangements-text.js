// @ts-check
/**
 * The practice's arrangements in words, from their metadata alone: whose, where each stands,
 * what comes next and whether mail to the client has stopped. Nothing here can name a client:
 * the service sends nothing of theirs to an admin.
 */
import { formatDate } from './dates.js';
import { hasEnded } from './states.js';

/** @import { ArrangementMeta } from './types.js' */

/** @type {Record<string, string>} */
const NEXT = {
  'check-in': 'Check-in',
  'check-in-reminder': 'Check-in reminder',
  'check-in-day': 'Check-in day',
  'check-in-session': 'Check-in session',
  'updates-open': 'Updates open',
  'updates-close': 'Updates close',
  'updates-until': 'Updates close',
  closing: 'Closes',
  closes: 'Closes',
  resume: 'The pause ends',
};

/**
 * "Check-in", "Closes": what comes next, from the service's name for it.
 * @param {string} what
 */
export function nextWords(what) {
  const known = NEXT[what];
  if (known) return known;
  const words = String(what)
    .replace(/[-_.]+/g, ' ')
    .trim();
  return words ? `${words[0]?.toUpperCase()}${words.slice(1)}` : 'Something is scheduled';
}

/**
 * "2 of 3 used", or that none were offered.
 * @param {ArrangementMeta} a
 */
export function updatesWords(a) {
  if (a.updates.limit === 0) return 'None offered';
  return `${a.updates.used} of ${a.updates.limit} used`;
}

/**
 * What comes next, or that nothing does.
 * @param {ArrangementMeta} a
 */
export function nextLine(a) {
  if (hasEnded(a.state)) return a.closedAt ? `Ended ${formatDate(a.closedAt.slice(0, 10))}` : 'Ended';
  if (a.next) return `${nextWords(a.next.what)}: ${formatDate(a.next.on)}`;
  return 'Nothing scheduled';
}

/**
 * A delivery problem, said for the admin who can fix it (ops: resend once the address works).
 * @param {ArrangementMeta} a
 */
export function deliveryWords(a) {
  return a.clientEmailStopped ? 'Mail to the client stopped (a bounce or a complaint)' : 'No problems';
}

/**
 * "5 open (3 active, 1 waiting for an answer, 1 paused), 2 ended. 1 with mail to the client stopped."
 * @param {ArrangementMeta[]} list
 */
export function practiceSummary(list) {
  /** @param {string} s */
  const count = (s) => list.filter((a) => a.state === s).length;
  const open = count('active') + count('invited') + count('paused');
  const parts = [
    count('active') ? `${count('active')} active` : '',
    count('invited') ? `${count('invited')} waiting for an answer` : '',
    count('paused') ? `${count('paused')} paused` : '',
  ].filter(Boolean);
  const ended = list.length - open;
  const stopped = list.filter((a) => a.clientEmailStopped).length;
  const sentences = [
    `${open} open${parts.length ? ` (${parts.join(', ')})` : ''}${ended ? `, ${ended} ended` : ''}.`,
    stopped ? `${stopped} with mail to the client stopped.` : '',
  ];
  return sentences.filter(Boolean).join(' ');
}
