import { describe, expect, it } from 'vitest';
import { THERAPIST_EMAILS } from '../../shared/domain/email-kinds.js';
import { shortName } from '../../shared/emails/escape.js';
import { renderEmail } from '../../shared/emails/render.js';
import { describeReplies, describeUpdates } from '../../shared/wording/client.js';
import { closingSummaryMail, updateReceivedMail } from '../../shared/wording/therapist.js';
import { makePolicy } from '../support/policy-factory.js';

const LONG_NAME = 'Samantha Alexandra Lee-Montgomery Fitzwilliam-Oyelaran';

describe('therapist email titles', () => {
  it.each(THERAPIST_EMAILS)('%s has the heading as its subject, with a long client name shortened', (kind) => {
    const policy = makePolicy({ client: { name: LONG_NAME, email: 'sam@client.example' } });
    const email = renderEmail(kind, {
      policy,
      data: {},
      today: '2026-12-03',
      links: null,
      portalUrl: 'https://afterword.example/portal',
    });
    const heading = email.text.split('\n')[0] ?? '';
    expect(heading).toContain(LONG_NAME);
    expect(email.subject).toBe(heading.replace(LONG_NAME, shortName(LONG_NAME)));
  });
});

describe('what the therapist is told', () => {
  it('quotes the client’s own sentences whole', () => {
    const policy = makePolicy({ rules: { replies: 'may-reply' } });
    const accepted = renderEmail('client-accepted', {
      policy,
      data: {},
      today: '2026-12-03',
      links: null,
      portalUrl: 'https://p.example',
    });
    const received = renderEmail('update-received', {
      policy,
      data: { seq: 1 },
      today: '2026-12-03',
      links: null,
      portalUrl: 'https://p.example',
    });
    expect(accepted.text).toContain(`“${describeUpdates(policy.rules)}”`);
    expect(received.text).toContain(`“${describeReplies(policy.rules, 'Dana Reyes')}”`);
  });

  it('counts what is left in whole sentences', () => {
    expect(updateReceivedMail.left(3, 3, 0)).toBe('This was update 3 of 3; none are left.');
    expect(updateReceivedMail.left(2, 3, 1)).toBe('This was update 2 of 3; 1 is left.');
    expect(updateReceivedMail.left(1, 5, 4)).toBe('This was update 1 of 5; 4 are left.');
    expect(updateReceivedMail.sentOn('Sam Lee', '2026-12-03', 0)).toBe('Sam Lee sent this on 3 December 2026:');
    expect(updateReceivedMail.sentOn('Sam Lee', '2026-12-03', 1)).toBe(
      'Sam Lee sent this on 3 December 2026 (1 character):',
    );
    expect(updateReceivedMail.sentOn('Sam Lee', '2026-12-03', 1234)).toBe(
      'Sam Lee sent this on 3 December 2026 (1,234 characters):',
    );
  });

  it('says why an arrangement closed in one sentence for each reason', () => {
    const said = (reason: string) => closingSummaryMail.closed('Sam Lee', reason, '2027-03-06');
    expect(said('closing-date')).toBe(
      'The arrangement with Sam Lee is closed: it reached its closing date, 6 March 2027.',
    );
    expect(said('therapist')).toBe('The arrangement with Sam Lee is closed: you closed it on 6 March 2027.');
    expect(said('opted-out')).toBe(
      'The arrangement with Sam Lee is closed: the client stopped all emails on 6 March 2027.',
    );
    expect(said('declined')).toBe('The arrangement with Sam Lee is closed: the client declined it.');
    expect(said('')).toBe('The arrangement with Sam Lee is closed: it closed on 6 March 2027.');
  });
});
