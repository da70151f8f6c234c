/** One sample of every email, rendered by the real templates: for the email tests and the reading grades. */
import type { Policy } from '../../shared/domain/policy.js';
import type { EmailContext, RenderedEmail } from '../../shared/emails/context.js';
import type { EmailDataByKind } from '../../shared/emails/data.js';
import { CLIENT_EMAILS, THERAPIST_EMAILS, type EmailKind } from '../../shared/domain/email-kinds.js';
import { renderEmail } from '../../shared/emails/render.js';
import { makePolicy, type PolicyOverrides } from './policy-factory.js';

export const PAGE = 'https://afterword.example/c/tok_Secret123';
export const STOP = `${PAGE}/stop`;
export const PORTAL = 'https://afterword.example/portal';
export const TODAY = '2026-12-03';

export const SAMPLE_DATA: { [K in EmailKind]: EmailDataByKind[K] } = {
  invitation: {},
  acceptance: {},
  'update-receipt': {
    seq: 2,
    left: 1,
    limit: 3,
    nextAllowedOn: '2026-12-10',
    windowUntil: '2027-01-01',
    text: 'The walks are helping.',
  },
  'update-refused': {
    text: 'I wanted to tell you\nthat the new job is going well.',
    reason: 'too-soon',
    detail: 'Your next update can be sent from 10 December 2026.',
    nextAllowedOn: '2026-12-10',
  },
  'check-in-reminder': { daysBefore: 7 },
  'check-in-day': {},
  closing: {},
  'opted-out': {},
  'new-link': {},
  reply: {
    text: 'Thank you for telling me.\nI am glad the walks help.',
    about: 'update',
    seq: 2,
    messageSentOn: '2026-12-02',
  },
  paused: { until: '2027-01-05', note: 'I am away for a few weeks.\nI will be back in January.' },
  resumed: {},
  'rules-changed': {
    changes:
      'You can now send 4 updates in all, instead of 2.\nThe arrangement now ends on 20 March 2027, instead of 6 March 2027.',
  },
  'policy-created': {},
  'client-accepted': {},
  'client-declined': {},
  'client-opted-out': {},
  'update-received': {
    seq: 2,
    text: 'The garden is growing.\nI think of our work often.',
    characters: 48,
    sentOn: '2026-12-03',
    style: 'full-text',
  },
  'therapist-check-in-reminder': { daysBefore: 1 },
  'therapist-check-in-day': {},
  'check-in-message': { text: 'Three months on, I am doing alright.', sentOn: '2027-02-20', style: 'full-text' },
  'check-in-skipped': {},
  'check-in-restored': {},
  'closing-summary': { reason: 'closing-date', updatesReceived: 2, checkIn: 'sent' },
  'handed-over': {
    practiceName: 'Northside Therapy',
    formerTherapist: 'Jordan Wells',
    note: 'Jordan had to leave at short notice.\nWe are here if you need us.',
  },
  'closed-by-practice': {},
  'handover-received': {
    practiceName: 'Northside Therapy',
    formerTherapist: 'Jordan Wells',
    note: 'Jordan had to leave at short notice.',
    notesSetAside: true,
  },
};

export const ALL_KINDS: EmailKind[] = [...CLIENT_EMAILS, ...THERAPIST_EMAILS];

export function samplePolicy(overrides: PolicyOverrides = {}): Policy {
  return makePolicy({
    updatesAccepted: 2,
    lastUpdateOn: TODAY,
    ...overrides,
    rules: {
      referrals: [{ name: 'Riverside Counseling', contact: '555-0100' }],
      ...overrides.rules,
    },
  });
}

export function render(
  kind: EmailKind,
  policy: Policy = samplePolicy(),
  data: Record<string, string | number | boolean | null> = SAMPLE_DATA[kind],
): RenderedEmail {
  const ctx: EmailContext = {
    policy,
    data,
    today: TODAY,
    // Therapist emails are handed the links too, to prove they never use them.
    links: { page: PAGE, stop: STOP },
    portalUrl: PORTAL,
  };
  return renderEmail(kind, ctx);
}
