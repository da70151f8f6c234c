/**
 * What a handover does to one arrangement, as a change written in its own transaction: handed
 * to a colleague, or closed in the practice's name. Pure: facts in, a PolicyChange out.
 */
import type { Policy, PracticeClosing, Referral } from '../domain/policy.js';
import type { PolicyChange } from '../ports/store.js';
import { replan } from './lifecycle.js';
import { mail } from './mail.js';
import { next } from './mutate.js';

/** The colleague an arrangement goes to, as clients and emails will name and reach them. */
export interface Colleague {
  id: string;
  name: string;
  email: string;
}

/** How the practice speaks in a handover: its name ('' while it has none) and the admin's note. */
export interface PracticeVoice {
  practiceName: string;
  note: string | null;
}

/** The practice's own usual notes: a note that is exactly one of them is the practice's words, not the therapist's. */
export interface PracticeNotes {
  invitationNote?: string | null | undefined;
  closingNote?: string | null | undefined;
}

/**
 * The therapist's personal notes are in their own words: after they leave, the page and later
 * emails would show them as the colleague's, so they are set aside (the colleague can write their
 * own). A note the arrangement took from the practice's defaults stays: it was never theirs.
 */
function withoutPersonalNotes(policy: Policy, practice: PracticeNotes): { patch: Partial<Policy>; setAside: boolean } {
  const { rules } = policy;
  const theirs = (note: string | null, practiceNote: string | null | undefined) =>
    note !== null && note !== (practiceNote ?? null);
  const invitationNote = theirs(rules.invitationNote, practice.invitationNote);
  const closingNote = theirs(rules.closingNote, practice.closingNote);
  const setAside = invitationNote || closingNote || Boolean(rules.checkIn?.note || policy.pause?.note);
  if (!setAside) return { patch: {}, setAside };
  return {
    setAside,
    patch: {
      rules: {
        ...rules,
        invitationNote: invitationNote ? null : rules.invitationNote,
        closingNote: closingNote ? null : rules.closingNote,
        checkIn: rules.checkIn ? { ...rules.checkIn, note: null } : null,
      },
      ...(policy.pause ? { pause: { ...policy.pause, note: null } } : {}),
    },
  };
}

/**
 * To a colleague: the arrangement becomes theirs (name and address with it), everything scheduled
 * stays as it is (each job renders from the policy as it is when it runs, so it goes out in the
 * colleague's name), and two emails: the client's from the practice, the colleague's summary.
 */
export function handOverChange(
  policy: Policy,
  to: Colleague,
  voice: PracticeVoice,
  at: string,
  practiceNotes: PracticeNotes = {},
): PolicyChange {
  const notes = withoutPersonalNotes(policy, practiceNotes);
  const updated = next(policy, {
    ...notes.patch,
    therapistId: to.id,
    therapist: { name: to.name, email: to.email },
    handovers: [...(policy.handovers ?? []), { at, from: policy.therapist.name, fromEmail: policy.therapist.email }],
  });
  const words = { practiceName: voice.practiceName, formerTherapist: policy.therapist.name, note: voice.note ?? '' };
  return {
    at,
    policy: updated,
    expectedVersion: policy.version,
    events: [{ at, type: 'handed-over', data: { from: policy.therapistId, to: to.id } }],
    mails: [mail('handed-over', words), mail('handover-received', { ...words, notesSetAside: notes.setAside })],
  };
}

const sameReferral = (a: Referral, b: Referral) =>
  a.name.trim().toLowerCase() === b.name.trim().toLowerCase() &&
  a.contact.trim().toLowerCase() === b.contact.trim().toLowerCase();

/** The practice's usual referrals first, then the arrangement's own, each once. */
export function mergedReferrals(practice: Referral[], own: Referral[]): Referral[] {
  const merged: Referral[] = [];
  for (const r of [...practice, ...own]) if (!merged.some((m) => sameReferral(m, r))) merged.push(r);
  return merged;
}

/**
 * To no one: closed, reason `therapist-left`, nothing scheduled any more, and exactly one email,
 * the practice's goodbye to the client. No closing summary: the therapist it would go to has left.
 */
export function closeByPracticeChange(
  policy: Policy,
  voice: PracticeVoice,
  practiceReferrals: Referral[],
  at: string,
): PolicyChange {
  const said: PracticeClosing = {
    practiceName: voice.practiceName,
    note: voice.note,
    referrals: mergedReferrals(practiceReferrals, policy.rules.referrals),
  };
  const closed = next(policy, {
    state: 'closed',
    closedReason: 'therapist-left',
    closedAt: at,
    closedByPractice: said,
  });
  return {
    at,
    policy: closed,
    expectedVersion: policy.version,
    events: [{ at, type: 'closed', data: { reason: 'therapist-left' } }],
    mails: [mail('closed-by-practice', {})],
    ...replan(policy, closed, at),
  };
}
