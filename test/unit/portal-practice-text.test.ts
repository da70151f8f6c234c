/** The practice admin's screens in words: standing, removal, invitations, a handover before and after, and arrangements as metadata. */
/* eslint-disable @typescript-eslint/ban-ts-comment -- tsconfig.json has no allowJs, so it cannot read the portal's JSDoc types: portal imports are ignored there, and tsconfig.portal.json checks this file with them. */
import { describe, expect, it } from 'vitest';
// @ts-ignore typed by tsconfig.portal.json
import { ApiError } from '../../web/portal/api.js';
import {
  deliveryWords,
  nextLine,
  nextWords,
  practiceSummary,
  updatesWords,
  // @ts-ignore typed by tsconfig.portal.json
} from '../../web/portal/practice-arrangements-text.js';
// @ts-ignore typed by tsconfig.portal.json
import { inviteProblems, readInvite } from '../../web/portal/practice-invite.js';
import {
  arrangementLabel,
  canHandOver,
  canRemove,
  handoverPlan,
  invitedSentence,
  outcomeLabel,
  removeCopy,
  resultSentence,
  statusLabel,
  // @ts-ignore typed by tsconfig.portal.json
} from '../../web/portal/practice-text.js';
// @ts-ignore typed by tsconfig.portal.json
import type { ArrangementMeta, PracticeTherapist } from '../../web/portal/types.js';

const therapist = (changes: Partial<PracticeTherapist> = {}): PracticeTherapist => ({
  id: 'local-jo',
  name: 'Jo Reyes',
  email: 'jo@example.com',
  role: 'therapist',
  status: 'active',
  since: '2026-11-01T10:00:00Z',
  openArrangements: 0,
  ...changes,
});

const meta = (changes: Partial<ArrangementMeta> = {}): ArrangementMeta => ({
  policyId: '9b2f3c1e-0000-4000-8000-000000000001',
  therapistId: 'local-jo',
  therapistName: 'Jo Reyes',
  state: 'active',
  createdAt: '2026-11-20T15:00:00Z',
  endedOn: '2026-11-20',
  closesOn: '2027-03-06',
  closedAt: null,
  updates: { used: 1, limit: 3, until: '2027-01-01' },
  checkIn: { on: '2027-02-20', status: 'pending' },
  pausedUntil: null,
  clientEmailStopped: false,
  next: { what: 'check-in', on: '2027-02-20' },
  ...changes,
});

describe('therapists of the practice', () => {
  it('offers a handover to anyone leaving or with open arrangements, and removal only once none are open', () => {
    expect([canHandOver(therapist()), canRemove(therapist())]).toEqual([false, true]);
    expect([canHandOver(therapist({ openArrangements: 2 })), canRemove(therapist({ openArrangements: 2 }))]).toEqual([
      true,
      false,
    ]);
    expect(canHandOver(therapist({ status: 'leaving', openArrangements: 1 }))).toBe(true);
    expect(canHandOver(therapist({ status: 'leaving' }))).toBe(false);
    expect(canRemove(therapist({ status: 'leaving' }))).toBe(true);
    expect(canRemove(therapist({ status: 'removed' }))).toBe(false);
  });

  it('says a leaving therapist’s standing by whether anything of theirs is still open', () => {
    expect(statusLabel(therapist())).toBe('Active');
    expect(statusLabel(therapist({ status: 'leaving', openArrangements: 2 }))).toBe('Leaving: handover not finished');
    expect(statusLabel(therapist({ status: 'leaving' }))).toBe('Left: handover finished');
  });

  it('says before removing what it does, with the practice’s retention', () => {
    expect(removeCopy(therapist(), 365)).toEqual({
      title: 'Remove Jo Reyes from the practice?',
      text: 'Jo Reyes loses access to Afterword at once and cannot sign in through this practice again. They have no open arrangements; their closed ones are kept for 365 days after closing, as the practice’s settings say, then deleted.',
      confirm: 'Remove Jo Reyes',
      cancel: 'Keep them',
      done: 'Jo Reyes has been removed from the practice.',
    });
  });

  it('says what an invitation did, locally and with Cognito', () => {
    const invited = { name: 'Jo Reyes', email: 'jo@example.com', invitation: 'invited' as const };
    expect(invitedSentence(invited, 'local')).toBe(
      'Jo Reyes is in your practice. They can sign in now with jo@example.com.',
    );
    expect(invitedSentence(invited, 'cognito')).toBe(
      'Jo Reyes is invited. An email to jo@example.com tells them how to sign in for the first time.',
    );
    expect(invitedSentence({ ...invited, invitation: 'already-exists' }, 'cognito')).toBe(
      'Jo Reyes already had an account, and is now in your practice. They sign in as before.',
    );
  });

  it('reads an invitation, and places the service’s problems and an address already taken beside the address', () => {
    expect(readInvite({ name: ' Jo ', email: ' jo@example.com ', admin: true })).toEqual({
      body: { name: 'Jo', email: 'jo@example.com', role: 'admin' },
      problems: [],
    });
    expect(readInvite({ name: '', email: 'jo', admin: false }).problems).toEqual([
      { field: 'name', message: 'Enter the therapist’s name.' },
      { field: 'email', message: 'Enter an email address like name@example.com.' },
    ]);
    const taken = new ApiError(409, { detail: 'This address already belongs to the practice "eastside".' });
    expect(inviteProblems(taken)).toEqual([
      { field: 'email', message: 'This address already belongs to the practice "eastside".' },
    ]);
    const invalid = new ApiError(400, {
      errors: [
        { path: 'email', message: 'Invalid email address' },
        { path: 'x', message: 'Unrecognized key' },
      ],
    });
    expect(inviteProblems(invalid)).toEqual([
      { field: 'email', message: 'Enter an email address like name@example.com.' },
      { field: null, message: 'Unrecognized key' },
    ]);
  });
});

describe('a handover, said before it is done', () => {
  const base = { leaver: 'Jo Reyes', count: 2, note: '', practiceName: 'Northside Counselling' };

  it('to a colleague: what moves, who is told what, the summary, and the access that ends', () => {
    expect(handoverPlan({ ...base, colleague: 'Sam Lee', note: 'Sam will take good care.' })).toEqual({
      title: 'Hand Jo Reyes’s 2 open arrangements to Sam Lee?',
      lines: [
        'Both arrangements move to Sam Lee, with their rules, messages and dates as they are. Nothing scheduled is lost.',
        'Each client gets one email from Northside Counselling saying that Sam Lee now reads their updates, with crisis resources.',
        'Your note is in each of those emails, word for word, so each client reads it.',
        'Sam Lee gets one email for each arrangement, summing it up.',
        'Jo Reyes loses access to Afterword at once.',
      ],
      confirm: 'Hand over to Sam Lee',
    });
  });

  it('closing each kindly: where to turn, nothing more under the old name', () => {
    const plan = handoverPlan({ ...base, count: 1, colleague: null });
    expect(plan.title).toBe('Close Jo Reyes’s 1 open arrangement kindly?');
    expect(plan.lines).toEqual([
      'The arrangement is closed now. Nothing more is sent under Jo Reyes’s name.',
      'Each client gets one email from Northside Counselling saying that the arrangement has ended and where to turn, with crisis resources and the practice’s referrals.',
      'No note of your own is added.',
      'Jo Reyes loses access to Afterword at once.',
    ]);
    expect(plan.confirm).toBe('Close 1 arrangement');
  });

  it('with nothing open: no client is emailed', () => {
    expect(handoverPlan({ ...base, count: 0, colleague: 'Sam Lee' }).lines).toEqual([
      'Jo Reyes has no open arrangements, so no client is emailed.',
      'Jo Reyes loses access at once.',
    ]);
  });
});

describe('a handover, said after', () => {
  it('names each arrangement without anything of the client’s, and each outcome', () => {
    expect(arrangementLabel('9b2f3c1e-x', meta())).toBe(
      'Started 20 November 2026, therapy ended 20 November 2026 (was active)',
    );
    expect(arrangementLabel('9b2f3c1e-0000', undefined)).toBe('Arrangement 9b2f3c1e');
    expect(outcomeLabel('handed-over', 'Sam Lee')).toBe('Handed over to Sam Lee');
    expect(outcomeLabel('closed', null)).toBe('Closed, and the client told');
    expect(outcomeLabel('already-done', null)).toBe('Already done earlier');
  });

  it('says all is done, or what remains and that trying again is safe', () => {
    const arrangements = [
      { policyId: 'a', outcome: 'handed-over' as const },
      { policyId: 'b', outcome: 'already-done' as const },
    ];
    const result = {
      therapist: { id: 'local-jo', status: 'leaving' as const },
      to: 'local-sam',
      arrangements,
      remaining: 0,
    };
    expect(resultSentence(result, 'Jo Reyes')).toBe(
      '1 handed over, 1 already done. All done. Jo Reyes no longer has access.',
    );
    expect(resultSentence({ ...result, remaining: 1 }, 'Jo Reyes')).toBe(
      '1 handed over, 1 already done. 1 arrangement still to do. Nothing is lost and nothing is sent twice: try again to finish.',
    );
  });
});

describe('the practice’s arrangements, as metadata', () => {
  it('says the updates used, what comes next, and a stopped address as a delivery problem', () => {
    expect(updatesWords(meta())).toBe('1 of 3 used');
    expect(updatesWords(meta({ updates: { used: 0, limit: 0, until: '2027-01-01' } }))).toBe('None offered');
    expect(nextLine(meta())).toBe('Check-in: 20 February 2027');
    expect(nextLine(meta({ next: null }))).toBe('Nothing scheduled');
    expect(nextLine(meta({ state: 'closed', closedAt: '2027-03-06T14:00:00Z', next: null }))).toBe(
      'Ended 6 March 2027',
    );
    expect(nextWords('closing')).toBe('Closes');
    expect(nextWords('something-new')).toBe('Something new');
    expect(deliveryWords(meta({ clientEmailStopped: true }))).toBe(
      'Mail to the client stopped (a bounce or a complaint)',
    );
    expect(deliveryWords(meta())).toBe('No problems');
  });

  it('sums up the practice in one line', () => {
    const list = [
      meta(),
      meta({ state: 'invited' }),
      meta({ state: 'paused', clientEmailStopped: true }),
      meta({ state: 'closed' }),
    ];
    expect(practiceSummary(list)).toBe(
      '3 open (1 active, 1 waiting for an answer, 1 paused), 1 ended. 1 with mail to the client stopped.',
    );
    expect(practiceSummary([])).toBe('0 open.');
  });
});
