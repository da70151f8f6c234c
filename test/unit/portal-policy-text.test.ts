/** One arrangement in the therapist's words: where it stands, its rules, the glance, and what each confirmation says. */
/* eslint-disable @typescript-eslint/ban-ts-comment -- tsconfig.json has no allowJs, so it cannot read the portal's JSDoc types: portal imports are ignored there, and tsconfig.portal.json checks this file with them. */
import { describe, expect, it } from 'vitest';
import { portalRules } from '../../functions/web.js';
import { resolveRules } from '../../shared/domain/policy.js';
// @ts-ignore typed by tsconfig.portal.json
import { summaryLine } from '../../web/portal/list-page.js';
// @ts-ignore typed by tsconfig.portal.json
import { checkInStatus, confirmCopy, glanceRows, stateSentence } from '../../web/portal/policy-text.js';
// @ts-ignore typed by tsconfig.portal.json
import { describeRulesForTherapist, nextFromRules } from '../../web/portal/rules-text.js';
// @ts-ignore typed by tsconfig.portal.json
import type { PolicyDetail } from '../../web/portal/types.js';

const service = portalRules();

/** An arrangement accepted on the day therapy ended, with the service's default rules. */
function policy(changes: Partial<PolicyDetail> = {}): PolicyDetail {
  return {
    id: 'p-1',
    state: 'active',
    closedReason: null,
    client: { name: 'Sam', email: 'sam@example.com' },
    rules: resolveRules({ endedOn: '2026-11-20', timeZone: 'America/New_York' }),
    counters: {
      updatesAccepted: 1,
      updatesLeft: 2,
      lastUpdateOn: '2026-11-21',
      nextAllowedOn: '2026-11-28',
      checkIn: 'pending',
    },
    clientEmailSuppressed: false,
    createdAt: '2026-11-20T15:00:00Z',
    acceptedAt: '2026-11-20T16:00:00Z',
    closedAt: null,
    nextEvent: { kind: 'check-in-reminder', on: '2027-02-13' },
    updates: [],
    checkInMessage: null,
    history: [],
    upcoming: [],
    undelivered: 0,
    undeliverable: 0,
    ...changes,
  };
}

describe('an arrangement in words', () => {
  it('says where it stands, on the days in its own zone', () => {
    expect(stateSentence(policy())).toBe('Sam accepted on 20 November 2026. Afterword is keeping the limits below.');
    expect(stateSentence(policy({ state: 'invited' }))).toMatch(
      /^Waiting for Sam to accept\. The invitation was sent on 20 November 2026;/,
    );
    expect(
      stateSentence(policy({ state: 'closed', closedReason: 'therapist', closedAt: '2026-12-02T03:00:00Z' })),
    ).toBe('Closed on 1 December 2026: you closed it.');
  });

  it('gives the at-a-glance rows for an open arrangement', () => {
    expect(glanceRows(policy(), '2026-11-22')).toEqual([
      ['Updates', '1 of 3 used, 2 left'],
      ['Time for updates', '20 November 2026 to 1 January 2027'],
      ['Next update possible', '28 November 2026'],
      ['Last update', '21 November 2026'],
      ['Check-in', 'A message, from Saturday 20 February 2027 to 26 February 2027'],
      ['Next', 'Check-in reminder (7 days before), 13 February 2027'],
      ['Closes on', '6 March 2027'],
    ]);
    expect(glanceRows(policy(), '2026-11-28')).toContainEqual(['Next update possible', 'Now']);
    expect(glanceRows(policy({ state: 'paused' }), '2026-11-22')).toContainEqual([
      'Next update possible',
      'Not while paused',
    ]);
  });

  it('gives the at-a-glance rows for one that has ended', () => {
    const rows = glanceRows(
      policy({
        state: 'declined',
        closedAt: '2026-11-21T15:00:00Z',
        counters: { ...policy().counters, updatesAccepted: 0 },
      }),
      '2026-11-22',
    );
    expect(rows.map(([term]: [string, string]) => term)).toEqual([
      'Updates',
      'Time for updates',
      'Last update',
      'Check-in',
      'Ended',
    ]);
    expect(rows).toContainEqual(['Check-in', 'Did not take place before the arrangement ended']);
    expect(rows).toContainEqual(['Ended', '21 November 2026']);
  });

  it('says how the check-in went', () => {
    expect(checkInStatus(policy({ counters: { ...policy().counters, checkIn: 'skipped' } }))).toBe(
      'Sam chose to skip it',
    );
    expect(
      checkInStatus(
        policy({ rules: { ...policy().rules, checkIn: null }, counters: { ...policy().counters, checkIn: 'none' } }),
      ),
    ).toBe('None');
  });

  it('warns before closing that a goodbye email goes only to a client who accepted and can be reached', () => {
    expect(confirmCopy('close', policy()).text).toMatch(/^Sam will get a short goodbye email/);
    expect(confirmCopy('close', policy()).done()).toBe('The arrangement is closed. Sam has been sent a goodbye email.');
    expect(confirmCopy('close', policy({ acceptedAt: null })).text).toMatch(
      /^Sam will not be emailed about it, as they have not accepted\./,
    );
    expect(confirmCopy('close', policy({ clientEmailSuppressed: true })).done()).toBe('The arrangement is closed.');
  });

  it('warns before a new link that every older link stops working', () => {
    expect(confirmCopy('reissue', policy({ state: 'invited' })).text).toMatch(
      /^Sam will get the invitation again, with a fresh private link\. Every link sent before stops working\./,
    );
    expect(confirmCopy('reissue', policy())).toMatchObject({
      action: 'reissue-link',
      confirm: 'Send a new link',
      cancel: 'Cancel',
    });
  });
});

describe('the rules in words, for the therapist', () => {
  it('describes every rule, with the crisis line’s name and the sending time the service gives', () => {
    const rules = { ...policy().rules, referrals: [{ name: 'Clinic', contact: 'clinic.example' }], crisisLocale: 'GB' };
    const gb = service.crisisLocales.find((l) => l.code === 'GB')!.label;
    expect(describeRulesForTherapist(rules, 'Sam', service)).toEqual([
      'Sam may send up to 3 updates between 20 November 2026 and 1 January 2027, at least 7 days apart, each up to 1,000 characters.',
      'Sam has been told you read every update but will not reply.',
      'Check-in: Sam may send one message from Saturday 20 February 2027 until 26 February 2027.',
      'Reminders go to both of you 7 days and 1 day before.',
      'The arrangement ends on 6 March 2027.',
      'Referrals given at the end: Clinic (clinic.example).',
      `Crisis resources: ${gb}.`,
      'Dates follow the America/New_York time zone; scheduled emails go out at 9:00.',
    ]);
  });

  it('says plainly when there are no updates and no check-in', () => {
    const rules = { ...policy().rules, updates: { ...policy().rules.updates, limit: 0 }, checkIn: null };
    expect(describeRulesForTherapist(rules, 'Sam', service).slice(0, 2)).toEqual([
      'No written updates.',
      'No check-in.',
    ]);
  });

  it('works out what comes next: the check-in while it is ahead, then the closing day', () => {
    expect(nextFromRules(policy(), '2026-11-22')).toEqual({ label: 'Check-in', on: '2027-02-20' });
    expect(nextFromRules(policy(), '2027-02-21')).toEqual({ label: 'Closes', on: '2027-03-06' });
    expect(nextFromRules(policy(), '2027-03-07')).toBeNull();
    expect(nextFromRules(policy({ state: 'closed' }), '2026-11-22')).toBeNull();
  });
});

describe('the list’s summary line', () => {
  it('counts arrangements by state, with declined and closed together as ended', () => {
    const states = ['active', 'active', 'invited', 'closed', 'declined'] as const;
    expect(summaryLine(states.map((state) => policy({ state })))).toBe('2 active, 1 waiting for an answer, 2 ended.');
    expect(summaryLine([])).toBe('');
  });
});
