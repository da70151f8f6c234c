/**
 * A handover without the database: what it writes to an arrangement (handed over, or closed by
 * the practice), the three emails it sends in each situation, and the page once the practice
 * has closed it. The HTTP story, with the database and the emails sent, is in
 * test/integration/handover.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { renderClientPage } from '../../functions/pages/client-page.js';
import { digestLines } from '../../shared/domain/notifications.js';
import type { Policy } from '../../shared/domain/policy.js';
import { renderDigest } from '../../shared/emails/therapist/daily-digest.js';
import { closeByPracticeChange, handOverChange, mergedReferrals } from '../../shared/use-cases/handover-changes.js';
import { clientRecordView, clientView } from '../../shared/use-cases/views.js';
import { render, samplePolicy } from '../support/email-samples.js';
import { makePolicy } from '../support/policy-factory.js';

const AT = '2026-12-03T15:00:00.000Z';
const ALEX = { id: 'th-alex', name: 'Alex Kim', email: 'alex.kim@practice.example' };
const NORTHSIDE = { practiceName: 'Northside Therapy', note: 'We are here if you need us.' };
const REFERRALS = [{ name: 'Riverside Counseling', contact: '555-0100' }];

const withNotes = (overrides: Partial<Policy> = {}) =>
  makePolicy({
    rules: {
      referrals: REFERRALS,
      invitationNote: 'Dana wrote this.',
      closingNote: 'Dana’s goodbye.',
      checkIn: { format: 'session', note: 'Call Dana on Tuesdays.' },
    },
    ...overrides,
  });

describe('handing an arrangement to a colleague', () => {
  it('makes it the colleague’s, keeps the rules, counts and schedule, and sets aside the leaver’s own words', () => {
    const policy = withNotes({ state: 'paused', pause: { until: null, note: 'Dana is away.' }, updatesAccepted: 2 });
    const change = handOverChange(policy, ALEX, NORTHSIDE, AT);
    expect(change.policy).toMatchObject({
      therapistId: ALEX.id,
      therapist: { name: 'Alex Kim', email: ALEX.email },
      state: 'paused',
      updatesAccepted: 2,
      handovers: [{ at: AT, from: 'Dana Reyes' }],
      pause: { until: null, note: null },
      version: policy.version + 1,
    });
    expect(change.policy.rules).toEqual({
      ...policy.rules,
      invitationNote: null,
      closingNote: null,
      checkIn: { ...policy.rules.checkIn, note: null },
    });
    // Nothing scheduled is touched: each job renders from the policy as it is when it runs.
    expect(change.schedule).toBeUndefined();
    expect(change.unschedule).toBeUndefined();
    expect(change.expectedVersion).toBe(policy.version);
    expect(change.events).toEqual([{ at: AT, type: 'handed-over', data: { from: 'th_test_1', to: ALEX.id } }]);
    expect(change.mails).toEqual([
      {
        template: 'handed-over',
        data: { practiceName: 'Northside Therapy', formerTherapist: 'Dana Reyes', note: NORTHSIDE.note },
      },
      {
        template: 'handover-received',
        data: {
          practiceName: 'Northside Therapy',
          formerTherapist: 'Dana Reyes',
          note: NORTHSIDE.note,
          notesSetAside: true,
        },
      },
    ]);
  });

  it('tells the colleague nothing was set aside when there was nothing to set aside', () => {
    const change = handOverChange(makePolicy(), ALEX, { practiceName: '', note: null }, AT);
    expect(change.mails?.[1]?.data).toMatchObject({ notesSetAside: false, note: '' });
  });

  it('says on the page who took over, and for an invitation who suggested it and who would read', () => {
    const page = (policy: Policy) =>
      renderClientPage(clientView(handOverChange(policy, ALEX, NORTHSIDE, AT).policy, '2026-12-04'), {
        token: 't',
        idempotencyKey: 'k',
      });
    expect(page(makePolicy())).toContain('Alex Kim took over from Dana Reyes on 3 December 2026.');
    const invited = page(makePolicy({ state: 'invited', acceptedAt: null }));
    expect(invited).toContain(
      'Dana Reyes suggested a simple way to stay in touch now that your sessions have ended. Dana Reyes has since left the practice. If you accept, Alex Kim will read what you send.',
    );
    expect(invited).not.toContain('Alex Kim has suggested');
  });

  it('names each reply by the therapist who wrote it, before and after the handover', () => {
    const handed = handOverChange(makePolicy(), ALEX, NORTHSIDE, AT).policy;
    const replies = [
      { inReplyTo: { update: 1 }, text: 'Before.', characters: 7, sentAt: '2026-11-25T15:00:00Z' },
      { inReplyTo: { update: 2 }, text: 'After.', characters: 6, sentAt: '2026-12-10T15:00:00Z' },
    ];
    const updates = [1, 2].map((seq) => ({
      seq,
      text: 'x',
      characters: 1,
      sentOn: seq === 1 ? '2026-11-24' : '2026-12-09',
      receivedAt: '2026-11-24T15:00:00Z',
    }));
    const view = clientRecordView(handed, '2026-12-11', { updates, checkInMessage: null, replies });
    expect(view.messages.map((m) => m.reply?.by)).toEqual(['Dana Reyes', 'Alex Kim']);
    const html = renderClientPage(view, { token: 't', idempotencyKey: 'k' });
    expect(html).toContain('Dana Reyes replied on 25 November 2026:');
    expect(html).toContain('Alex Kim replied on 10 December 2026:');
  });
});

describe('closing in the practice’s name', () => {
  it('closes it for the reason therapist-left, unschedules everything and sends the client the one goodbye', () => {
    const policy = withNotes();
    const practiceReferrals = [
      { name: 'Northside Support Line', contact: '555-0142' },
      { name: 'riverside counseling ', contact: '555-0100' },
    ];
    const change = closeByPracticeChange(policy, NORTHSIDE, practiceReferrals, AT);
    expect(change.policy).toMatchObject({ state: 'closed', closedReason: 'therapist-left', closedAt: AT });
    expect(change.policy.closedByPractice).toEqual({
      practiceName: 'Northside Therapy',
      note: NORTHSIDE.note,
      referrals: practiceReferrals,
    });
    expect(change.events).toEqual([{ at: AT, type: 'closed', data: { reason: 'therapist-left' } }]);
    // No closing summary: the therapist it would go to has left.
    expect(change.mails).toEqual([{ template: 'closed-by-practice', data: {} }]);
    expect(change.schedule).toEqual([]);
    expect(new Set(change.unschedule)).toEqual(
      new Set(['check-in-reminder-7', 'check-in-reminder-1', 'check-in-day', 'closing']),
    );
  });

  it('gives the practice’s referrals first, then the arrangement’s own, each once', () => {
    const line = { name: 'Line', contact: '1' };
    expect(mergedReferrals([line], [{ name: 'LINE ', contact: ' 1' }, ...REFERRALS])).toEqual([line, ...REFERRALS]);
    expect(mergedReferrals([], [])).toEqual([]);
  });

  it('shows the page in the practice’s voice: why it ended, its note and referrals, signed by the practice', () => {
    const closed = closeByPracticeChange(withNotes(), NORTHSIDE, [], AT).policy;
    const view = clientView(closed, '2026-12-03');
    expect(view).toMatchObject({
      closedReason: 'therapist-left',
      note: NORTHSIDE.note,
      voice: 'Northside Therapy',
      referralsIntro: 'Northside Therapy suggests:',
      referrals: REFERRALS,
    });
    const html = renderClientPage(view, { token: 't', idempotencyKey: 'k' });
    expect(html).toContain('Your therapist has left the practice, so this arrangement has ended');
    expect(html).toContain('A note from Northside Therapy:');
    expect(html).toContain('Sent by Afterword on behalf of Northside Therapy.');
    expect(html).not.toContain('Dana’s goodbye');
    expect(html).not.toContain('<form');
  });
});

describe('the handover emails', () => {
  const handed = (state: Policy['state'] = 'active') =>
    samplePolicy({ state, ...(state === 'invited' ? { acceptedAt: null, updatesAccepted: 0 } : {}) });
  const data = { practiceName: 'Northside Therapy', formerTherapist: 'Jordan Wells', note: '' };

  it('tells an invited client the offer stands, and who would read what they send', () => {
    const { text } = render('handed-over', handed('invited'), data);
    expect(text).toContain(
      'The offer Jordan Wells sent you still stands, with the same rules. If you accept, Dana Reyes, who works with us, will read what you send.',
    );
    expect(text).toContain('You can still say no, or simply leave it be.');
    expect(text).not.toContain('now looks after your arrangement');
    expect(text).not.toContain('A note from');
  });

  it('speaks for a practice without a name of its own as "the practice"', () => {
    const { text } = render('handed-over', handed(), { ...data, practiceName: '' });
    expect(text).toContain(
      'We are writing from the practice where Jordan Wells worked. Jordan Wells has left the practice.',
    );
    expect(text).toContain('Sent by Afterword on behalf of the practice.');
  });

  it('never carries the address of the therapist it names, even typed into the practice’s note', () => {
    const { text, html } = render('handed-over', handed(), { ...data, note: 'Write to dana.reyes@practice.example.' });
    expect(`${text}${html}`.toLowerCase()).not.toContain('dana.reyes@practice.example');
  });

  it('ends an invitation kindly, with the practice’s referrals, and a goodbye without a note when there is none', () => {
    const policy = samplePolicy({
      state: 'closed',
      acceptedAt: null,
      closedReason: 'therapist-left',
      closedAt: '2026-12-03T15:00:00.000Z',
      closedByPractice: { practiceName: 'Northside Therapy', note: null, referrals: REFERRALS },
    });
    const { subject, text } = render('closed-by-practice', policy);
    expect(subject).toBe('The invitation from Dana Reyes has ended');
    expect(text).toContain('Dana Reyes has left the practice, so the invitation you got has ended.');
    expect(text).toContain('Northside Therapy suggests:\n\n- Riverside Counseling: 555-0100');
    expect(text).not.toContain('A note from');
  });

  it('gives the colleague where things stand, without the client’s words or the leaver’s notes', () => {
    const policy = samplePolicy({ state: 'paused', pause: { until: '2027-01-05', note: null } });
    const { text } = render('handover-received', policy, { ...data, notesSetAside: false, note: 'Be gentle.' });
    expect(text).toContain(
      'Northside Therapy has handed you the arrangement with Sam Lee, which was Jordan Wells’s until now.',
    );
    expect(text).toContain('It is paused until 5 January 2027, and opens again by itself that morning.');
    expect(text).toContain(
      'Check-in: from 20 February 2027 until 26 February 2027, the client may send one check-in message.',
    );
    expect(text).toContain('The practice’s note to them:\n\n> Be gentle.');
    expect(text).not.toContain('personal notes');
    expect(text).toContain('this email leaves out their words');
  });
});

describe('notices after a handover', () => {
  const handed = (sentOn: string) =>
    render('update-received', samplePolicy({ handovers: [{ at: '2026-12-03T15:00:00.000Z', from: 'Jordan Wells' }] }), {
      seq: 2,
      text: 'The garden is growing.',
      characters: 22,
      sentOn,
      style: 'full-text',
    });

  it('names the arrangement by the day it was handed over, not as one the colleague set up', () => {
    const { text } = handed('2026-12-10');
    expect(text).toContain('> The garden is growing.');
    const notice = render(
      'check-in-message',
      samplePolicy({ handovers: [{ at: '2026-12-03T15:00:00.000Z', from: 'Jordan Wells' }] }),
      { text: 'Hello.', sentOn: '2027-02-20', style: 'notice' },
    ).text;
    expect(notice).toContain('in the arrangement handed to you on 3 December 2026 (ref. pol_test)');
    expect(notice).not.toContain('you set up');
  });

  it('leaves out the words of a message from before the handover, whatever its former therapist chose', () => {
    const { subject, text } = handed('2026-12-02');
    expect(subject).toBe('New update in arrangement pol_test');
    expect(text).not.toContain('The garden is growing.');
    expect(text).not.toContain('Sam Lee');
    expect(text).toContain('around the time the arrangement was handed to you');
  });

  it('names a handed-over arrangement in the daily digest by the day it was handed over', () => {
    const lines = digestLines([
      { policyId: 'pol_a1b2c3d4e5', kind: 'update', at: AT, createdOn: '2026-11-20', handedOverOn: '2026-12-01' },
      { policyId: 'pol_f6a7b8c9d0', kind: 'update', at: AT, createdOn: '2026-11-21' },
    ]);
    const { text } = renderDigest({ lines, portalUrl: 'https://afterword.example/portal' });
    expect(text).toContain('The arrangement handed to you on 1 December 2026 (ref. pol_a1b2): 1 new update');
    expect(text).toContain('The arrangement you set up on 21 November 2026 (ref. pol_f6a7): 1 new update');
  });
});
