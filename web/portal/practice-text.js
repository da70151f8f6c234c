// @ts-check
/**
 * The words of the practice admin's screens: roles and standing, what removing someone does,
 * and what a handover will do and did. Pure, so every sentence can be tested.
 */
import { formatDate } from './dates.js';
import { stateLabel } from './states.js';
import { plural } from './words.js';

/** @import { ArrangementMeta, HandoverOutcome, HandoverResult, PracticeTherapist } from './types.js' */

/** @param {string} role */
export const roleLabel = (role) => (role === 'admin' ? 'Admin' : 'Therapist');

/**
 * A therapist's standing. Leaving: their access has ended, and their arrangements are handed
 * over (none open is left) or still being handed over.
 * @param {Pick<PracticeTherapist, 'status' | 'openArrangements'>} t
 */
export function statusLabel(t) {
  if (t.status === 'active') return 'Active';
  if (t.status === 'removed') return 'Removed';
  if (t.status === 'leaving')
    return t.openArrangements > 0 ? 'Leaving: handover not finished' : 'Left: handover finished';
  return t.status;
}

/**
 * Whether the admin is offered a handover for this therapist: they have open arrangements
 * someone must take on (or close kindly) before they can be removed.
 * @param {PracticeTherapist} t
 */
export const canHandOver = (t) => t.status !== 'removed' && t.openArrangements > 0;

/**
 * Removing is offered only once nobody's arrangement would be left without a therapist.
 * @param {PracticeTherapist} t
 */
export const canRemove = (t) => t.status !== 'removed' && t.openArrangements === 0;

/**
 * What the admin is told before removing someone.
 * @param {PracticeTherapist} t
 * @param {number} retentionDays
 */
export function removeCopy(t, retentionDays) {
  return {
    title: `Remove ${t.name} from the practice?`,
    text: `${t.name} loses access to Afterword at once and cannot sign in through this practice again. They have no open arrangements; their closed ones are kept for ${plural(retentionDays, 'day')} after closing, as the practice’s settings say, then deleted.`,
    confirm: `Remove ${t.name}`,
    cancel: 'Keep them',
    done: `${t.name} has been removed from the practice.`,
  };
}

/**
 * What an invitation did, for the line under the form.
 * @param {{ name: string, email: string, invitation: 'invited' | 'already-exists' }} result
 * @param {'local' | 'cognito'} mode how therapists sign in
 */
export function invitedSentence(result, mode) {
  if (result.invitation === 'already-exists')
    return `${result.name} already had an account, and is now in your practice. They sign in as before.`;
  return mode === 'cognito'
    ? `${result.name} is invited. An email to ${result.email} tells them how to sign in for the first time.`
    : `${result.name} is in your practice. They can sign in now with ${result.email}.`;
}

/**
 * @typedef {object} HandoverPlan
 * @property {string} title
 * @property {string[]} lines what will happen, one sentence each
 * @property {string} confirm the button that does it
 */

/**
 * What a handover will do, said before it is done.
 * @param {{ leaver: string, colleague: string | null, count: number, note: string, practiceName: string }} p
 * @returns {HandoverPlan}
 */
export function handoverPlan({ leaver, colleague, count, note, practiceName }) {
  const arrangements = plural(count, 'open arrangement');
  if (count === 0) {
    return {
      title: `End ${leaver}’s access?`,
      lines: [`${leaver} has no open arrangements, so no client is emailed.`, `${leaver} loses access at once.`],
      confirm: `End ${leaver}’s access`,
    };
  }
  const them = count === 1 ? 'The arrangement' : count === 2 ? 'Both arrangements' : `All ${count} arrangements`;
  const told = colleague
    ? `Each client gets one email from ${practiceName} saying that ${colleague} now reads their updates, with crisis resources.`
    : `Each client gets one email from ${practiceName} saying that the arrangement has ended and where to turn, with crisis resources and the practice’s referrals.`;
  return {
    title: colleague
      ? `Hand ${leaver}’s ${arrangements} to ${colleague}?`
      : `Close ${leaver}’s ${arrangements} kindly?`,
    lines: [
      colleague
        ? `${them} ${count === 1 ? 'moves' : 'move'} to ${colleague}, with ${count === 1 ? 'its' : 'their'} rules, messages and dates as they are. Nothing scheduled is lost.`
        : `${them} ${count === 1 ? 'is' : 'are'} closed now. Nothing more is sent under ${leaver}’s name.`,
      told,
      note.trim()
        ? 'Your note is in each of those emails, word for word, so each client reads it.'
        : 'No note of your own is added.',
      colleague ? `${colleague} gets one email for each arrangement, summing it up.` : null,
      `${leaver} loses access to Afterword at once.`,
    ].filter((line) => line !== null),
    confirm: colleague ? `Hand over to ${colleague}` : `Close ${plural(count, 'arrangement')}`,
  };
}

/**
 * @param {HandoverOutcome | string} outcome
 * @param {string | null} colleague
 */
export function outcomeLabel(outcome, colleague) {
  switch (outcome) {
    case 'handed-over':
      return colleague ? `Handed over to ${colleague}` : 'Handed over';
    case 'closed':
      return 'Closed, and the client told';
    case 'already-done':
      return 'Already done earlier';
    default:
      return outcome;
  }
}

/**
 * An arrangement named without anything of the client's: when it started, and its state then.
 * @param {string} policyId
 * @param {ArrangementMeta | undefined} meta
 */
export function arrangementLabel(policyId, meta) {
  if (!meta) return `Arrangement ${policyId.slice(0, 8)}`;
  return `Started ${formatDate(meta.createdAt.slice(0, 10))}, therapy ended ${formatDate(meta.endedOn)} (was ${stateLabel(meta.state).toLowerCase()})`;
}

/**
 * The sentence over the results: all done, or what remains and that trying again is safe.
 * @param {HandoverResult} result
 * @param {string} leaver
 */
export function resultSentence(result, leaver) {
  /** @param {string} outcome */
  const count = (outcome) => result.arrangements.filter((a) => a.outcome === outcome).length;
  const done = [
    count('handed-over') ? `${count('handed-over')} handed over` : '',
    count('closed') ? `${count('closed')} closed` : '',
    count('already-done') ? `${count('already-done')} already done` : '',
  ].filter(Boolean);
  const so = done.length ? `${done.join(', ')}. ` : '';
  if (result.remaining > 0)
    return `${so}${plural(result.remaining, 'arrangement')} still to do. Nothing is lost and nothing is sent twice: try again to finish.`;
  return `${so}All done. ${leaver} no longer has access.`;
}
