/**
 * What a client reads stays at grade 6 or below (Flesch–Kincaid): every client email and page
 * as a whole, and each sentence added for personal notes and notifications on its own.
 */
import { describe, expect, it } from 'vitest';
import { renderClientPage } from '../../functions/pages/client-page.js';
import { CLIENT_EMAILS } from '../../shared/domain/email-kinds.js';
import { renderEmail } from '../../shared/emails/render.js';
import { clientView } from '../../shared/use-cases/views.js';
import { clientMail, DONE_NOTICES } from '../../shared/wording/client.js';
import { makePolicy, type PolicyOverrides } from '../support/policy-factory.js';
import { readableText, readingGrade, syllables } from '../support/reading-grade.js';

const GRADE = 6;
const NOTES = { invitationNote: 'Take care.', closingNote: 'Go well.' };
const LINKS = { page: 'https://afterword.example/c/token', stop: 'https://afterword.example/c/token/stop' };

const STATES: Record<string, PolicyOverrides> = {
  invited: { state: 'invited', acceptedAt: null },
  active: {},
  paused: { state: 'paused', pause: { until: '2027-01-05', note: 'Back soon.' } },
  closed: { state: 'closed', closedReason: 'closing-date', closedAt: '2027-03-06T14:00:00.000Z' },
  'opted out': { state: 'closed', closedReason: 'opted-out', closedAt: '2026-12-03T14:00:00.000Z' },
};

const policyIn = (overrides: PolicyOverrides) =>
  makePolicy({ ...overrides, rules: { referrals: [{ name: 'Riverside', contact: '555-0100' }], ...NOTES } });

describe('the reading grade check itself', () => {
  it('counts syllables as people hear them, near enough', () => {
    expect(['note', 'therapist', 'arrangement', 'private', 'the', 'a'].map(syllables)).toEqual([1, 3, 3, 2, 1, 1]);
  });

  it('tells plain words from dense ones', () => {
    expect(readingGrade('You can write to us here. We read every note.')).toBeLessThan(GRADE);
    expect(
      readingGrade(
        'Notwithstanding contractual obligations, therapeutic termination necessitates comprehensive documentation.',
      ),
    ).toBeGreaterThan(12);
  });
});

describe('what a client reads is at grade 6 or below', () => {
  it.each(CLIENT_EMAILS)('the %s email, with personal notes set', (kind) => {
    const policy = policyIn(kind === 'invitation' ? STATES.invited! : kind === 'closing' ? STATES.closed! : {});
    const { text } = renderEmail(kind, { policy, data: {}, today: '2026-12-03', links: LINKS, portalUrl: '' });
    expect(readingGrade(readableText(text))).toBeLessThanOrEqual(GRADE);
  });

  it.each(Object.keys(STATES))('the page while %s, with personal notes set', (state) => {
    const view = clientView(policyIn(STATES[state]!), '2026-12-03');
    const html = renderClientPage(view, { token: 'token', idempotencyKey: 'key' });
    expect(readingGrade(readableText(html))).toBeLessThanOrEqual(GRADE);
  });

  it('each sentence added for personal notes and for how the therapist is told', () => {
    for (const sentence of [clientMail.noteFrom('Dana Reyes'), DONE_NOTICES['check-in'].detail])
      expect(readingGrade(sentence), sentence).toBeLessThanOrEqual(GRADE);
  });
});
