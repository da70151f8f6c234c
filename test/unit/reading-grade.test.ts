/**
 * What a client reads is written for reading grade 6 or below (Flesch–Kincaid): every client
 * email, and the client's page in each state it can be in, including the new ones (the
 * record with a reply, a pause with a note, the question before a skip, the undo offer, a
 * refusal that says two things).
 */
import { describe, expect, it } from 'vitest';
import { CLIENT_EMAILS } from '../../shared/domain/email-kinds.js';
import { decideUpdate } from '../../shared/domain/enforcement.js';
import type { Policy } from '../../shared/domain/policy.js';
import type { Conversation } from '../../shared/ports/store.js';
import { clientRecordView } from '../../shared/use-cases/views.js';
import { renderClientPage, renderStopPage, type PageOptions } from '../../functions/pages/client-page.js';
import { render, samplePolicy } from '../support/email-samples.js';
import { makePolicy } from '../support/policy-factory.js';
import { readingGrade, visibleText } from '../support/reading-grade.js';

const MAX_GRADE = 6;
const TODAY = '2026-12-03';

const conversation: Conversation = {
  updates: [
    {
      seq: 1,
      text: 'The new job started. The walks help.',
      characters: 36,
      sentOn: '2026-11-25',
      receivedAt: '2026-11-25T15:00:00Z',
    },
  ],
  checkInMessage: null,
  replies: [
    { inReplyTo: { update: 1 }, text: 'I am glad to hear it.', characters: 21, sentAt: '2026-11-26T15:00:00Z' },
  ],
};

function page(policy: Policy, options: Partial<PageOptions> = {}): string {
  return renderClientPage(clientRecordView(policy, TODAY, conversation), {
    token: 't',
    idempotencyKey: 'k',
    ...options,
  });
}

const referrals = [{ name: 'Riverside Counseling', contact: '555-0100' }];
const sent = { updatesAccepted: 1, lastUpdateOn: '2026-11-25' };
const refusal = decideUpdate(
  makePolicy({ ...sent, rules: { updates: { maxCharacters: 20 } } }),
  '2026-11-27',
  'x'.repeat(30),
);

const PAGES: [string, () => string][] = [
  ['invited', () => page(makePolicy({ state: 'invited', acceptedAt: null }))],
  [
    'open, with the record and a reply',
    () => page(makePolicy({ ...sent, rules: { replies: 'may-reply', referrals } })),
  ],
  [
    'paused until a day, with a note',
    () =>
      page(makePolicy({ ...sent, state: 'paused', pause: { until: '2026-12-20', note: 'I am away for two weeks.' } })),
  ],
  ['asked before a skip', () => page(makePolicy(sent), { confirmSkip: true })],
  ['skipped, with the undo offer', () => page(makePolicy({ ...sent, checkIn: 'skipped' }))],
  [
    'a refusal that says two things',
    () =>
      page(makePolicy({ ...sent, rules: { updates: { maxCharacters: 20 }, referrals } }), {
        notice: {
          kind: 'refusal',
          title: refusal.outcome === 'refused' ? refusal.refusal.title : '',
          detail: refusal.outcome === 'refused' ? refusal.refusal.message : '',
        },
      }),
  ],
  ['closed', () => page(makePolicy({ ...sent, state: 'closed', closedReason: 'closing-date', rules: { referrals } }))],
  [
    'invited, after a colleague took over',
    () =>
      page(
        makePolicy({
          state: 'invited',
          acceptedAt: null,
          therapist: { name: 'Alex Kim', email: 'alex@practice.example' },
          handovers: [{ at: '2026-11-25T15:00:00Z', from: 'Dana Reyes' }],
        }),
      ),
  ],
  [
    'open, after a colleague took over',
    () =>
      page(
        makePolicy({
          ...sent,
          therapist: { name: 'Alex Kim', email: 'alex@practice.example' },
          handovers: [{ at: '2026-11-25T15:00:00Z', from: 'Dana Reyes' }],
        }),
      ),
  ],
  [
    'closed by the practice when the therapist left',
    () =>
      page(
        makePolicy({
          ...sent,
          state: 'closed',
          closedReason: 'therapist-left',
          closedByPractice: { practiceName: 'Northside Therapy', note: 'We are sorry for the change.', referrals },
        }),
      ),
  ],
  [
    'the stop page',
    () =>
      renderStopPage(clientRecordView(makePolicy(sent), TODAY, conversation), {
        token: 't',
        done: false,
        opensPage: true,
      }),
  ],
];

describe('reading grade of what a client reads', () => {
  it.each(CLIENT_EMAILS)('the %s email reads at grade 6 or below', (kind) => {
    const { text, subject } = render(kind, samplePolicy({ rules: { referrals } }));
    expect(readingGrade(`${subject}\n${text}`).grade).toBeLessThanOrEqual(MAX_GRADE);
  });

  it.each([
    ['handed-over', samplePolicy({ state: 'invited', acceptedAt: null, updatesAccepted: 0 })],
    [
      'closed-by-practice',
      samplePolicy({
        state: 'closed',
        acceptedAt: null,
        closedReason: 'therapist-left',
        closedByPractice: { practiceName: '', note: 'We are sorry for the change.', referrals },
      }),
    ],
  ] as const)('the %s email to a client who had not answered yet reads at grade 6 or below', (kind, policy) => {
    const { text, subject } = render(kind, policy);
    expect(readingGrade(`${subject}\n${text}`).grade).toBeLessThanOrEqual(MAX_GRADE);
  });

  it.each(PAGES)('the page, %s, reads at grade 6 or below', (_state, html) => {
    const measured = readingGrade(visibleText(html()));
    expect(measured.words).toBeGreaterThan(40);
    expect(measured.grade).toBeLessThanOrEqual(MAX_GRADE);
  });

  it('tells hard text from easy text (the measure can fail)', () => {
    const hard =
      'Notwithstanding the aforementioned considerations, therapeutic discontinuation necessitates comprehensive documentation of contraindications.';
    expect(readingGrade(hard).grade).toBeGreaterThan(12);
    expect(readingGrade('You can write to her here. She reads every note.').grade).toBeLessThan(3);
  });
});
