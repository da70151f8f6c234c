/**
 * Whole truths: every refusal of an update, for every combination of what can stand in its
 * way, names the first blocker (in the documented order) and says nothing another blocker
 * makes untrue. Each sentence that promises something is checked against the policy itself:
 * "it can be sent from D" must be true on D, "shortening it will let it through" must be true
 * today, "you can send it once updates open again" must have a day left to be true on.
 */
import { describe, expect, it } from 'vitest';
import { addDays, formatDate, type IsoDate } from '../../shared/domain/dates.js';
import { THERAPIST_EMAILS } from '../../shared/domain/email-kinds.js';
import { decideUpdate, type Decision } from '../../shared/domain/enforcement.js';
import type { RefusalError } from '../../shared/domain/errors.js';
import type { Policy, PolicyState } from '../../shared/domain/policy.js';
import { clientView } from '../../shared/use-cases/views.js';
import { renderClientPage } from '../../functions/pages/client-page.js';
import { renderEmail } from '../../shared/emails/render.js';
import { makePolicy } from '../support/policy-factory.js';

const FROM = '2026-12-01';
const UNTIL = '2027-01-11';
const MAX = 100;
const SHORT = 'The walks are helping.';
const LONG = 'a'.repeat(MAX + 20);

const DAYS = { before: '2026-11-25', inside: '2026-12-20', late: '2027-01-08', after: '2027-01-15' } as const;
const STANDINGS: { state: PolicyState; closedReason?: Policy['closedReason']; pause?: Policy['pause'] }[] = [
  { state: 'active' },
  { state: 'paused' },
  { state: 'paused', pause: { until: '2026-12-28', note: null } },
  { state: 'paused', pause: { until: '2027-01-14', note: null } },
  { state: 'paused', pause: { until: '2027-03-01', note: null } },
  { state: 'invited' },
  { state: 'closed', closedReason: 'therapist' },
  { state: 'closed', closedReason: 'opted-out' },
  { state: 'declined', closedReason: 'declined' },
];

interface Case {
  name: string;
  policy: Policy;
  today: IsoDate;
  text: string;
}

/** Every combination of standing, day, length, updates used and a recent update. */
function cases(): Case[] {
  const all: Case[] = [];
  for (const standing of STANDINGS)
    for (const [dayName, today] of Object.entries(DAYS))
      for (const text of [SHORT, LONG])
        for (const [limit, used] of [
          [3, 0],
          [3, 1],
          [3, 3],
          [0, 0],
        ] as const)
          for (const recent of [false, true]) {
            // Updates already sent: on 2 December, or (recent) two days ago inside the window, never before accepting.
            if (used > 0 && (standing.state === 'invited' || standing.state === 'declined' || today < '2026-12-02'))
              continue;
            if (recent && (used === 0 || addDays(today, -2) < FROM || addDays(today, -2) > UNTIL)) continue;
            const policy = makePolicy({
              ...standing,
              rules: { updates: { limit, from: FROM, until: UNTIL, maxCharacters: MAX, minDaysBetween: 7 } },
              updatesAccepted: used,
              lastUpdateOn: used > 0 ? (recent ? addDays(today, -2) : '2026-12-02') : null,
            });
            const name = `${standing.closedReason ?? standing.state}${standing.pause?.until ? ` until ${standing.pause.until}` : ''}, ${dayName}, ${text === LONG ? 'too long' : 'fits'}, ${used}/${limit}${recent ? ', recent' : ''}`;
            all.push({ name, policy, today, text });
          }
  return all;
}

/** The documented order, written independently of the code under test. */
function expectedReason(c: Case): string | null {
  const u = c.policy.rules.updates;
  if (c.policy.state !== 'active') return 'not-active';
  if (c.today < u.from || c.today > u.until) return 'outside-window';
  if (c.text.length > u.maxCharacters) return 'too-long';
  if (c.policy.updatesAccepted >= u.limit) return 'limit-reached';
  if (c.policy.lastUpdateOn && c.today < addDays(c.policy.lastUpdateOn, u.minDaysBetween)) return 'too-soon';
  return null;
}

const refusal = (d: Decision) => (d.outcome === 'refused' ? d.refusal : null);
const activeOn = (p: Policy) => ({ ...p, state: 'active' as const, closedReason: null });
const acceptedOn = (p: Policy, day: IsoDate, text: string) => decideUpdate(p, day, text).outcome === 'accepted';

/** Days from `from` until the window ends, for "some day it can go through". */
function daysAhead(from: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let d = from; d <= UNTIL; d = addDays(d, 1)) days.push(d);
  return days;
}

/** Each sentence of a refusal that promises something, checked against the policy: the ones that are not true. */
function untrueClaims(c: Case, r: RefusalError): string[] {
  const detail = r.message;
  const active = activeOn(c.policy);
  const ended = c.policy.state === 'closed' || c.policy.state === 'declined';
  // A pause with an end date opens on that day, not before.
  const until = c.policy.state === 'paused' ? c.policy.pause?.until : undefined;
  const opensOn = until && until > c.today ? until : c.today;
  const someDayOpen = !ended && daysAhead(opensOn).some((d) => acceptedOn(active, d, SHORT));
  const tooLong = c.text.length > MAX;
  const claims: [string, boolean][] = [
    // "…will let it through": shortening is all it takes, today.
    [
      'shortening lets it through today',
      !detail.includes('will let it through') || acceptedOn(c.policy, c.today, SHORT),
    ],
    // "Please shorten it…": with the rest, shortening is enough on some day.
    ['shortening is worth it', !/shorten/i.test(detail) || someDayOpen],
    // Too long is said whenever it is true and some day could still take the update; never when it is not.
    ['too long is said', !tooLong || !someDayOpen || detail.includes(`the limit is ${MAX}`)],
    ['too long is not said of a text that fits', tooLong || !/shorten|limit is/i.test(detail)],
    [
      'nextAllowedOn is a day it goes through',
      !r.details.nextAllowedOn || acceptedOn(active, r.details.nextAllowedOn, SHORT),
    ],
    ['no nextAllowedOn when no day is left', someDayOpen || r.details.nextAllowedOn === undefined],
    // "…once updates open again" only when there is a day left to send it on.
    ['"once updates open again" has a day left', !detail.includes('once updates open again') || someDayOpen],
    // "…you can send it from then": the day the pause ends takes it (once shortened, if need be).
    [
      '"from then" is true',
      !detail.includes('send it from then') || daysAhead(opensOn).some((d) => acceptedOn(active, d, SHORT)),
    ],
    // The check-in message is offered only if it is still open on the day the pause ends.
    [
      'the check-in message is still possible',
      !detail.includes('check-in message until') || (c.policy.rules.checkIn?.messageUntil ?? '') >= opensOn,
    ],
    ['an ended arrangement offers nothing more', !ended || !/can be sent from|shorten|still ahead/i.test(detail)],
  ];
  // Every date offered for the next update is a day inside the window it would go through on (once open).
  for (const match of detail.matchAll(/can be sent from ([A-Z][a-z]+ \d+, \d{4}|\d+ [A-Z][a-z]+ \d{4})/g)) {
    const day = daysAhead(c.today).find((d) => formatDate(d) === match[1]);
    claims.push([`"${match[0]}" is true`, day !== undefined && day >= opensOn && acceptedOn(active, day, SHORT)]);
  }
  return claims.filter(([, holds]) => !holds).map(([claim]) => `${claim}: ${detail}`);
}

describe('whole truths in every refused update', () => {
  const all = cases();

  it('covers every blocker, alone and together', () => {
    const reasons = new Set(all.map(expectedReason));
    expect([...reasons].sort()).toEqual(
      ['limit-reached', 'not-active', 'outside-window', 'too-long', 'too-soon', null].sort(),
    );
    // Combinations where a later blocker hides behind the first: the point of this test.
    const hidden = all.filter((c) => {
      const r = refusal(decideUpdate(c.policy, c.today, c.text));
      return r?.details.alsoBlockedBy?.length;
    });
    expect(hidden.length).toBeGreaterThan(20);
  });

  it.each(all.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = refusal(decideUpdate(c.policy, c.today, c.text));
    expect(r?.reason ?? null).toBe(expectedReason(c));
    expect(r ? untrueClaims(c, r) : []).toEqual([]);
  });

  it('refuses with the first reason and names what follows, as the contract example does', () => {
    const policy = makePolicy({
      rules: { updates: { from: FROM, until: UNTIL, maxCharacters: MAX, minDaysBetween: 7 } },
      updatesAccepted: 1,
      lastUpdateOn: '2026-12-18',
    });
    const r = refusal(decideUpdate(policy, '2026-12-20', LONG));
    expect(r?.reason).toBe('too-long');
    expect(r?.message).toBe(
      `Your message is 120 characters and the limit is 100. Please shorten it to 100 characters or fewer. Your next update can be sent from ${formatDate('2026-12-25')}.`,
    );
    expect(r?.details).toMatchObject({
      limit: 100,
      count: 120,
      nextAllowedOn: '2026-12-25',
      alsoBlockedBy: ['too-soon'],
    });
  });

  it('shows the same truth on the page: the refusal, the words kept, no sentence that contradicts it', () => {
    const policy = makePolicy({
      rules: {
        updates: { from: FROM, until: UNTIL, maxCharacters: MAX },
        referrals: [{ name: 'Helpline', contact: '555-0100' }],
      },
      updatesAccepted: 1,
      lastUpdateOn: '2026-12-18',
    });
    const r = refusal(decideUpdate(policy, '2026-12-20', LONG));
    const page = renderClientPage(clientView(policy, '2026-12-20'), {
      token: 't',
      idempotencyKey: 'k',
      notice: { kind: 'refusal', title: r?.title ?? '', detail: r?.message ?? '' },
      draft: { update: LONG },
    });
    expect(page).not.toContain('will let it through');
    expect(page).toContain(formatDate('2026-12-25'));
    expect(page).toContain(LONG);
    expect(page).toContain('Helpline');
  });
});

describe('whole truths in what the therapist and the page are told', () => {
  const render = (kind: 'client-opted-out' | 'closing-summary', policy: Policy) =>
    renderEmail(kind, {
      policy,
      data: kind === 'closing-summary' ? { reason: 'therapist', updatesReceived: 1, checkIn: 'pending' } : {},
      today: '2027-01-20',
      links: null,
      portalUrl: 'https://afterword.example/portal',
    }).text;
  const closed = (referrals: Policy['rules']['referrals'], closedReason: Policy['closedReason']) =>
    makePolicy({ state: 'closed', closedReason, closedAt: '2027-01-20T15:00:00.000Z', rules: { referrals } });

  it.each(['client-opted-out', 'closing-summary'] as const)(
    'the %s email mentions referrals only when the client was given some',
    (kind) => {
      const reason = kind === 'client-opted-out' ? 'opted-out' : 'therapist';
      expect(render(kind, closed([], reason))).not.toMatch(/referral/i);
      expect(render(kind, closed([{ name: 'Helpline', contact: '555-0100' }], reason))).toMatch(/your referrals/);
    },
  );

  it.each(THERAPIST_EMAILS)('the %s email mentions a note only when the therapist wrote one', (kind) => {
    const text = (policy: Policy) =>
      renderEmail(kind, { policy, data: {}, today: '2027-01-20', links: null, portalUrl: 'https://x.example/portal' })
        .text;
    for (const state of [{ state: 'invited', acceptedAt: null }, {}, closed([], 'therapist')] as const) {
      expect(text(makePolicy({ ...state, rules: { checkIn: { format: 'session' } } }))).not.toMatch(/\bnote\b/i);
    }
  });

  it('does not invite the client to write when nothing is left to send', () => {
    const policy = makePolicy({ rules: { checkIn: null }, updatesAccepted: 3, lastUpdateOn: '2026-12-20' });
    const page = renderClientPage(clientView(policy, '2026-12-28'), { token: 't', idempotencyKey: 'k' });
    expect(page).not.toContain('You can write to');
    expect(page).toContain('Here is where your arrangement with Dana Reyes stands.');
    const open = renderClientPage(clientView(makePolicy(), '2026-12-28'), { token: 't', idempotencyKey: 'k' });
    expect(open).toContain('You can write to Dana Reyes here');
  });
});
