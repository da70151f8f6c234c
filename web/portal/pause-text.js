// @ts-check
/**
 * Pausing in words: what the form says, what it sends, and the service's answers put beside
 * the field they are about. The client is always told (unless their address stopped
 * working), so every sentence here says so, or says plainly why not.
 */
import { formatDate, formatDay } from './dates.js';
import { friendlier } from './hints.js';
import { number } from './words.js';

/** @import { ApiIssue, PolicyDetail } from './types.js' */

/** The longest note the service takes, as it counts it (after trimming). */
export const NOTE_MAX = 1000;

/**
 * What the pause form holds while it is open.
 * @typedef {object} PauseDraft
 * @property {string} until YYYY-MM-DD, or empty for no end date
 * @property {string} note
 * @property {PauseProblems} problems
 */

/** @typedef {{ until?: string, note?: string, form?: string }} PauseProblems */

/** @returns {PauseDraft} */
export const emptyPause = () => ({ until: '', note: '', problems: {} });

/**
 * The body of POST /policies/{id}/pause: an empty field is "none".
 * @param {PauseDraft} draft
 */
export function pauseBody(draft) {
  return { until: draft.until || null, note: draft.note.trim() || null };
}

/**
 * What can be said before asking the service: a note that is too long.
 * @param {PauseDraft} draft
 * @returns {PauseProblems}
 */
export function pauseProblemsBefore(draft) {
  const length = draft.note.trim().length;
  return length > NOTE_MAX ? { note: noteTooLong(length) } : {};
}

/** @param {number} length */
const noteTooLong = (length) =>
  `The note is ${number(length)} characters. Please keep it to ${number(NOTE_MAX)} or fewer.`;

const HINTS = {
  until: 'Enter a complete date, or leave it empty.',
  note: `Please keep the note to ${number(NOTE_MAX)} characters or fewer.`,
};

/**
 * The service's answer, beside the fields it is about; anything else for the whole form.
 * @param {{ status?: number, detail?: string, title?: string, errors?: ApiIssue[] }} error
 * @returns {PauseProblems}
 */
export function pauseProblems(error) {
  /** @type {PauseProblems} */
  const out = {};
  const issues = error.status === 400 ? (error.errors ?? []) : [];
  for (const issue of issues) {
    if (issue.path !== 'until' && issue.path !== 'note') continue;
    // One problem: the service's whole sentence says the most (it names the closing date).
    const text = issues.length === 1 && error.detail ? error.detail : (issue.message ?? '');
    out[issue.path] ??= friendlier(text, HINTS[issue.path]);
  }
  if (!out.until && !out.note) out.form = error.detail || error.title || 'The pause did not work. Please try again.';
  return out;
}

/**
 * The panel's words: what pausing does and what the client is told.
 * @param {PolicyDetail} detail
 */
export function pauseCopy(detail) {
  const who = detail.client.name;
  return {
    title: 'Pause this arrangement?',
    text: `Updates, the check-in message and reminders wait while it is paused; the dates stay as they are. ${
      detail.clientEmailSuppressed
        ? `Afterword can no longer email ${who}, so only their page will say it is paused.`
        : `${who} will get one email saying it is paused, until when, and that nothing is lost.`
    }`,
    untilLabel: 'Paused until (optional)',
    untilHelp: `It opens again by itself that morning. Any day from tomorrow to ${formatDate(detail.rules.closesOn)}, the closing date; or leave it empty and resume it yourself.`,
    noteLabel: `A note to ${who} (optional)`,
    noteHelp: `${detail.clientEmailSuppressed ? 'Shown on their page' : 'Sent with the email and shown on their page'}. Up to ${number(NOTE_MAX)} characters.`,
    confirm: 'Pause arrangement',
    cancel: 'Cancel',
  };
}

/**
 * What to announce once it is paused.
 * @param {PolicyDetail} detail the arrangement as the service answered, paused
 */
export function pausedDone(detail) {
  const until = detail.pause?.until;
  const told = detail.clientEmailSuppressed ? '' : ` ${detail.client.name} has been sent one email about it.`;
  return `${until ? `Paused until ${formatDate(until)}.` : 'Paused.'}${told}`;
}

/**
 * The lead sentence of a paused arrangement: until when, and what holds meanwhile.
 * @param {PolicyDetail | import('./types.js').Policy} p
 */
export function pausedSentence(p) {
  const who = p.client.name;
  const until = p.pause?.until;
  return until
    ? `Paused until ${formatDay(until)}. ${who} cannot send updates, and no reminders go out; it opens again by itself that morning, or sooner if you resume.`
    : `Paused. ${who} cannot send updates, and no reminders go out, until you resume.`;
}
